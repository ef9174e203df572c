#include "names/name_normaliser.h"

#include <gtest/gtest.h>

using namespace tansiq::names;

namespace {
std::string word(const NormalisedName& n, std::size_t i) {
  return to_utf8(n.words.at(i).letters);
}
} // namespace

TEST(NameNormaliser, FoldsCaseAndAccentsAndSplitsAtHyphens) {
  auto n = normalise_name("Abd-al-Latif  al-Hamûshi");
  ASSERT_TRUE(n);
  ASSERT_EQ(n->words.size(), 5u);
  EXPECT_EQ(word(*n, 0), "abd");
  EXPECT_EQ(word(*n, 4), "hamushi");
}

TEST(NameNormaliser, RemovesArabicDiacriticsTatweelAndPresentationForms) {
  auto n = normalise_name("أديب شعبـان العانــي مُحَمَّد ﺻﺍﻠﺡ");
  ASSERT_TRUE(n);
  ASSERT_EQ(n->words.size(), 5u);
  EXPECT_EQ(word(*n, 1), "شعبان");
  EXPECT_EQ(word(*n, 2), "العاني");
  EXPECT_EQ(word(*n, 3), "محمد");
  EXPECT_EQ(word(*n, 4), "صالح");
  EXPECT_EQ(n->words[0].script, Script::arabic);
}

TEST(NameNormaliser, RecordsCapitalsAndTheComma) {
  auto n = normalise_name("HAMMOUCHI, Abdellatif");
  ASSERT_TRUE(n);
  EXPECT_TRUE(n->words[0].all_caps);
  EXPECT_FALSE(n->words[1].all_caps);
  EXPECT_EQ(n->words_before_comma, 1);
}

TEST(NameNormaliser, SplitsWordsAtAChangeOfScriptAndDropsDigits) {
  auto n = normalise_name("Ahmedأحمد ١٢3");
  ASSERT_TRUE(n);
  ASSERT_EQ(n->words.size(), 2u);
  EXPECT_EQ(n->words[0].script, Script::latin);
  EXPECT_EQ(n->words[1].script, Script::arabic);
}
