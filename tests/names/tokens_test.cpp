#include "names/name_tokens.h"

#include <gtest/gtest.h>

using namespace tansiq::names;

namespace {
NameParts parts(const char* text) {
  auto n = normalise_name(text);
  EXPECT_TRUE(n) << text;
  return n ? name_parts(*n) : NameParts{};
}
} // namespace

TEST(NameTokens, JoinsAbdCompoundsInBothScripts) {
  EXPECT_EQ(parts("عبد اللطيف الحموشي").parts.size(), 2u);
  EXPECT_EQ(parts("عبداللطيف الحموشي").parts.size(), 2u);
  EXPECT_EQ(parts("Abd al-Latif al-Hamushi").parts.size(), 2u);
  EXPECT_EQ(parts("Abdul Latif Hamushi").parts.size(), 2u);
  EXPECT_EQ(parts("Abdellatif Hammouchi").parts.size(), 2u);
}

TEST(NameTokens, DropsParticlesAndTitles) {
  auto p = parts("Haji Moussa Ben Omar Ould Ali");
  ASSERT_EQ(p.parts.size(), 3u);
  EXPECT_EQ(p.parts[0].display, "moussa");
  EXPECT_EQ(parts("موسى بن عمر بن علي").parts.size(), 3u);
}

TEST(NameTokens, PutsFamilyNameFirstFormsInGivenNameOrder) {
  auto comma = parts("MAHDI, Adil Abdallah");
  EXPECT_TRUE(comma.reordered);
  EXPECT_EQ(comma.parts.back().display, "mahdi");
  auto caps = parts("HAMMOUCHI Abdellatif");
  EXPECT_TRUE(caps.reordered);
  EXPECT_EQ(caps.parts.back().display, "hammouchi");
  EXPECT_FALSE(parts("ABDELLATIF HAMMOUCHI").reordered);
  EXPECT_FALSE(parts("Abdellatif HAMMOUCHI").reordered);
}

TEST(NameTokens, JoinsDinAndAllahSecondHalves) {
  EXPECT_EQ(parts("Salah al-Din Zidane").parts.size(), 2u);
  EXPECT_EQ(parts("صلاح الدين زيدان").parts.size(), 2u);
  EXPECT_EQ(parts("نورالدين ترابي").parts.size(), 2u);
}
