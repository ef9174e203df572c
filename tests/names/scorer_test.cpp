#include "names/matcher.h"

#include <gtest/gtest.h>

using namespace tansiq::names;

namespace {
double similarity(const char* a, const char* b) {
  auto s = name_similarity(a, b);
  EXPECT_TRUE(s) << a << " / " << b;
  return s ? *s : -1;
}
} // namespace

TEST(Scorer, TheIssuesExampleMatchesEveryWay) {
  const char* forms[] = {"عبد اللطيف الحموشي", "Abdellatif Hammouchi", "Abdelatif Hamouchi",
                         "Abd al-Latif al-Hamushi", "HAMMOUCHI Abdellatif"};
  for (const char* a : forms)
    for (const char* b : forms)
      EXPECT_GE(similarity(a, b), default_threshold) << a << " / " << b;
}

TEST(Scorer, IsSymmetricEnoughAndOneForIdenticalNames) {
  EXPECT_DOUBLE_EQ(similarity("Abdellatif Hammouchi", "Abdellatif Hammouchi"), 1.0);
  EXPECT_DOUBLE_EQ(similarity("عبد اللطيف الحموشي", "عبد اللطيف الحموشي"), 1.0);
  EXPECT_NEAR(similarity("عبد اللطيف الحموشي", "Abdellatif Hammouchi"),
              similarity("Abdellatif Hammouchi", "عبد اللطيف الحموشي"), 0.05);
}

TEST(Scorer, MaghrebMashriqAndEnglishRomanisationsMatch) {
  EXPECT_GE(similarity("جمال بن عبد القادر", "Djamel Ben Abdelkader"), default_threshold);
  EXPECT_GE(similarity("جمال بن عبد القادر", "Jamal bin Abd al-Qadir"), default_threshold);
  EXPECT_GE(similarity("محمد ولد الشيخ", "Mohamed Ould Cheikh"), default_threshold);
  EXPECT_GE(similarity("عبد الرحمن يوسف", "Abderrahmane Youssef"), default_threshold);
  EXPECT_GE(similarity("Abderrahmane Youssef", "Abdul Rahman Yusuf"), default_threshold);
  EXPECT_GE(similarity("صلاح الدين زيدان", "Salahuddin Zidane"), default_threshold);
}

TEST(Scorer, DifferentPeopleSharingAFamilyOrGivenNameDoNotMatch) {
  EXPECT_LT(similarity("برزان إبراهيم حسن التكريتي", "Saddam Hussein Al-Tikriti"),
            default_threshold);
  EXPECT_LT(similarity("كمال مصطفى عبد الله", "Jamal Mustafa Abdallah"), default_threshold);
  EXPECT_LT(similarity("خالد عبد الرحمن الفواز", "Khalil Abd Al-Rahman Al-Fawaz"),
            default_threshold);
  EXPECT_LT(similarity("محمد يونس أحمد", "Yunis Muhammad Ahmad"), default_threshold);
  EXPECT_LT(similarity("Abdellatif Hammouchi", "Abdelkader Hammouchi"), default_threshold);
}

TEST(Scorer, ExplainsWhichPartsMatchedAndHow) {
  Explanation e;
  auto s = name_similarity("عبد اللطيف الحموشي", "HAMMOUCHI Abdellatif", &e);
  ASSERT_TRUE(s);
  ASSERT_EQ(e.parts.size(), 2u);
  EXPECT_EQ(e.parts[1].query_part, "الحموشي");
  EXPECT_EQ(e.parts[1].entry_part, "hammouchi");
  EXPECT_NE(e.parts[1].how.find("Arabic script"), std::string::npos);
  EXPECT_NE(e.summary().find("family-name-first"), std::string::npos);
}
