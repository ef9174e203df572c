#include "text/tokenise.h"

#include <gtest/gtest.h>

namespace tansiq::text {
namespace {

std::vector<std::string> forms(std::string_view w) {
  std::vector<std::string> out;
  for (const auto& r : clitic_readings(normalise_key(w)))
    out.push_back(r.form);
  return out;
}

TEST(Tokenise, WordsNumbersPunctuationAndSentences) {
  auto n = normalise("أوقف 360 شخصا، في 2020. ثم بـ«داعش»\nسطر");
  auto t = tokenise(n);
  ASSERT_GE(t.size(), 10u);
  EXPECT_EQ(t[0].norm, "اوقف");
  EXPECT_EQ(t[1].kind, TokenKind::number);
  EXPECT_EQ(t[1].norm, "360");
  EXPECT_EQ(t[3].norm, ",");
  EXPECT_EQ(t[3].kind, TokenKind::punct);
  EXPECT_EQ(t[6].sentence, 0u);
  EXPECT_EQ(t[7].sentence, 1u);
  EXPECT_EQ(t.back().norm, "سطر");
  EXPECT_TRUE(t.back().line_start);
  EXPECT_EQ(t.back().sentence, 2u);
}

TEST(Tokenise, DigitsAndLettersSplit) {
  auto t = tokenise(normalise("faqir18 ال29 و12"));
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[1].norm, "18");
  EXPECT_EQ(t[2].norm, "ال");
  EXPECT_EQ(t[4].norm, "و");
}

TEST(Tokenise, CliticReadingsKeepTheWordFirst) {
  auto f = forms("بالمغرب");
  ASSERT_GE(f.size(), 2u);
  EXPECT_EQ(f[0], "بالمغرب");
  EXPECT_NE(std::find(f.begin(), f.end(), "المغرب"), f.end());
  auto l = forms("للمكتب");
  EXPECT_NE(std::find(l.begin(), l.end(), "المكتب"), l.end());
  auto w = forms("وبباريس");
  EXPECT_NE(std::find(w.begin(), w.end(), "باريس"), w.end());
  // Words that start with a clitic letter keep their unstripped reading first.
  EXPECT_EQ(forms("ليبيا")[0], "ليبيا");
  EXPECT_EQ(forms("لبنان")[0], "لبنان");
}

TEST(Tokenise, StemsKeepAtLeastTwoLetters) {
  for (const auto& r : clitic_readings(normalise_key("بل")))
    EXPECT_EQ(r.form, "بل");
}

} // namespace
} // namespace tansiq::text
