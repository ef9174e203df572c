// Bad input: a clear error or an empty result, never a crash. Also a deterministic
// randomized robustness run (the libFuzzer target in fuzz_matcher.cpp does the same
// with coverage guidance when clang is available).
#include "names/matcher.h"

#include <gtest/gtest.h>

#include <random>

using namespace tansiq::names;

namespace {
Watchlist small_list() {
  Watchlist list;
  EXPECT_TRUE(list.add({"a", {"عبد اللطيف الحموشي", "Abdellatif Hammouchi"}, {}, {}}));
  EXPECT_TRUE(list.add({"b", {"محمد بن علي", "Mohamed Ben Ali"}, {}, {}}));
  list.build();
  return list;
}

void expect_error(const char* text, const char* words, std::size_t size = 0) {
  std::string name = size ? std::string(text, size) : std::string(text);
  auto s = name_similarity(name, "Ali Hassan");
  ASSERT_FALSE(s) << name;
  EXPECT_NE(s.error().message.find(words), std::string::npos) << s.error().message;
  EXPECT_EQ(s.error().kind, tansiq::Error::Kind::invalid_input);
}
} // namespace

TEST(BadInput, GetsAClearError) {
  expect_error("", "empty");
  expect_error("   ", "empty");
  expect_error("A", "too short");
  expect_error("ع", "too short");
  expect_error("--- ,,,", "no letters");
  expect_error("Ali\x01Hassan", "control character");
  expect_error("Ali \xc3\x28 Hassan", "not valid UTF-8");
  expect_error("\xed\xa0\x80", "not valid UTF-8"); // a UTF-16 surrogate
  expect_error("Иван Петров", "script");
  expect_error("al bin ibn", "only particles");
  expect_error(std::string(10000, 'a').c_str(), "longer than");
  std::string nul = "Ali";
  nul += '\0';
  nul += "Hassan";
  auto s = name_similarity(nul, "Ali Hassan");
  EXPECT_FALSE(s);
}

TEST(BadInput, MixedScriptsAndOddButValidNamesScoreSensibly) {
  auto mixed = name_similarity("Abdellatif الحموشي", "عبد اللطيف Hammouchi");
  ASSERT_TRUE(mixed);
  EXPECT_GE(*mixed, default_threshold);
  auto tiny = name_similarity("Li", "Lu");
  ASSERT_TRUE(tiny);
  EXPECT_LE(*tiny, 1.0);
  std::string many;
  for (int i = 0; i < 16; ++i)
    many += "Mohamed ";
  EXPECT_TRUE(name_similarity(many, "Mohamed Ali"));
  EXPECT_FALSE(name_similarity(many + "Ali", "Mohamed Ali")); // 17 words
}

TEST(BadInput, ScreeningReturnsErrorsNotCrashes) {
  Watchlist list = small_list();
  EXPECT_FALSE(list.screen(""));
  EXPECT_FALSE(list.screen(std::string(10 * 1024, 'x')));
  ScreenOptions bad;
  bad.threshold = 2;
  EXPECT_FALSE(list.screen("Ali Hassan", bad));
  auto none = list.screen("Zzzz Qqqq");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST(BadInput, RandomizedRobustness) {
  // 120k seeded inputs: random bytes, random Arabic/Latin/other code points, long strings.
  Watchlist list = small_list();
  std::mt19937 random(20240611);
  auto code_point = [&]() -> char32_t {
    switch (random() % 6) {
    case 0:
      return U'a' + random() % 26;
    case 1:
      return 0x0600 + random() % 0x100; // Arabic block, marks and digits included
    case 2:
      return U" -,.'"[random() % 5];
    case 3:
      return 0xFB50 + random() % 0x2B0; // presentation forms
    case 4:
      return random() % 0x80;
    default:
      return random() % 0x11000;
    }
  };
  auto utf8 = [](char32_t c, std::string& out) {
    if (c >= 0xD800 && c < 0xE000)
      c = 0xFFFD;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  };
#if defined(__SANITIZE_ADDRESS__)
  const int runs = 20000;
#else
  const int runs = 120000;
#endif
  int ok = 0;
  for (int i = 0; i < runs; ++i) {
    std::string input;
    std::size_t length = (i % 100 == 0) ? 900 + random() % 300 : random() % 40;
    if (i % 3 == 0) {
      for (std::size_t k = 0; k < length; ++k)
        input += static_cast<char>(random());
    } else {
      for (std::size_t k = 0; k < length; ++k)
        utf8(code_point(), input);
    }
    auto s = name_similarity(input, i % 2 ? "عبد اللطيف الحموشي" : "Mohamed Ben Ali");
    if (s) {
      ASSERT_GE(*s, 0.0);
      ASSERT_LE(*s, 1.0);
      ++ok;
    }
    if (i % 10 == 0) {
      auto found = list.screen(input);
      if (found) {
        for (const auto& c : *found)
          ASSERT_TRUE(c.score >= 0 && c.score <= 1);
      }
    }
  }
  EXPECT_GT(ok, runs / 20); // a good share of random inputs are usable names
}
