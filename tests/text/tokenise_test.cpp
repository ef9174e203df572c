#include "text/tokenise.h"

#include "support.h"

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

// token_spans (the fingerprint's and the index's word-only path) cuts exactly tokenise's tokens.
TEST(Tokenise, SpansAreTheTokensOfTokenise) {
  std::vector<std::string> texts = {
      "أوقف 360 شخصا، في 2020. ثم بـ«داعش»\nسطر", "faqir18 ال29 و12 3,5 4.25. x,y\t\u00A0é\xFF!",
      testing::read_file(
          "../shared/samples/articles/paris-intelligence-meeting-libyan-weapons.txt"),
      testing::read_file("../shared/data/intake-dev/articles/dev-04.txt")};
  for (const auto& text : texts) {
    ASSERT_FALSE(text.empty());
    auto n = normalise(text);
    auto tokens = tokenise(n);
    auto spans = token_spans(n.text);
    ASSERT_EQ(spans.size(), tokens.size());
    for (std::size_t k = 0; k < spans.size(); ++k) {
      EXPECT_EQ(spans[k].nbegin, tokens[k].nbegin);
      EXPECT_EQ(spans[k].nend, tokens[k].nend);
      EXPECT_EQ(spans[k].kind, tokens[k].kind);
      EXPECT_EQ(spans[k].arabic, tokens[k].arabic);
      EXPECT_EQ(n.text.substr(spans[k].nbegin, spans[k].nend - spans[k].nbegin), tokens[k].norm);
    }
  }
}

TEST(Tokenise, StemsKeepAtLeastTwoLetters) {
  for (const auto& r : clitic_readings(normalise_key("بل")))
    EXPECT_EQ(r.form, "بل");
}

} // namespace
} // namespace tansiq::text
