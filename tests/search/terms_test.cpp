// The analyser's word cache: a word's terms are the same whether they are computed or taken
// from the cache, in any order of words and languages, and after the cache was emptied.
#include "search/terms.h"
#include "text/normalise.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace tansiq;
using search::detail::Analyser;
using search::detail::Language;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What a word gives without any cache: a new analyser for each word.
std::vector<std::string> uncached(const text::Token& token, Language language) {
  Analyser fresh;
  return fresh.terms(token, language);
}

TEST(AnalyserCache, CachedTermsAreTheComputedOnes) {
  std::string text =
      read("../shared/samples/articles/paris-intelligence-meeting-libyan-weapons.txt") +
      "\nLa police française a arrêté les suspects. The police arrested the suspects; "
      "والمغرب بالمغرب وجدة في";
  ASSERT_GT(text.size(), 1000u);
  auto tokens = search::detail::tokens_of(text);
  Analyser cached;
  std::size_t words = 0;
  // Twice over, in three languages: the second pass comes from the cache.
  for (int pass = 0; pass < 2; ++pass)
    for (auto language : {Language::arabic, Language::french, Language::english})
      for (const auto& token : tokens) {
        if (token.kind != text::TokenKind::word)
          continue;
        ++words;
        auto expected = uncached(token, language);
        EXPECT_EQ(cached.word_terms(token.norm, token.arabic, language), expected) << token.norm;
        EXPECT_EQ(cached.terms(token, language), expected) << token.norm;
      }
  EXPECT_GT(words, 1000u);
}

// A Latin word is stemmed by its document's language: the cache keeps the two apart.
TEST(AnalyserCache, LanguageIsPartOfTheKey) {
  Analyser analyser;
  auto french = analyser.word_terms("running", false, Language::french);
  auto english = analyser.word_terms("running", false, Language::english);
  Analyser fresh;
  EXPECT_EQ(french, fresh.word_terms("running", false, Language::french));
  EXPECT_EQ(english, fresh.word_terms("running", false, Language::english));
  EXPECT_NE(french, english);
}

} // namespace
