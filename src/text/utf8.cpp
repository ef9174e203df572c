#include "text/utf8.h"

#include <unicode/utf8.h>

namespace tansiq::text {

char32_t next_code_point(std::string_view s, std::size_t& i, bool& ok) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  auto length = static_cast<int32_t>(s.size());
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(bytes, at, length, c);
  i = static_cast<std::size_t>(at);
  ok = c >= 0;
  return ok ? static_cast<char32_t>(c) : U'\uFFFD';
}

void append_utf8(std::string& out, char32_t c) {
  uint8_t bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
  out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
}

std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t at = i;
    bool ok;
    next_code_point(s, i, ok);
    if (!ok)
      return at;
  }
  return std::string_view::npos;
}

} // namespace tansiq::text
