// libFuzzer target: any bytes as a name, against a pairwise comparison and a small
// watchlist. Built with clang (-fsanitize=fuzzer,address,undefined) when available and run
// for a bounded time by the test suite (see CMakeLists.txt).
#include "names/matcher.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace tansiq::names;

namespace {
const Watchlist& watchlist() {
  static const Watchlist list = [] {
    Watchlist l;
    (void)l.add({"a", {"عبد اللطيف الحموشي", "Abdellatif Hammouchi"}, "1966", "MA"});
    (void)l.add({"b", {"محمد بن علي", "Mohamed Ben Ali"}, {}, {}});
    (void)l.add({"c", {"Abd al-Rahman Yusuf Al-Tikriti"}, {}, {}});
    l.build();
    return l;
  }();
  return list;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t cut = size / 2;
  auto s = name_similarity(text.substr(0, cut), text.substr(cut));
  if (s && (*s < 0 || *s > 1))
    __builtin_trap();
  auto found = watchlist().screen(text);
  if (found)
    for (const auto& c : *found)
      if (c.score < 0 || c.score > 1 || c.id.empty())
        __builtin_trap();
  return 0;
}
