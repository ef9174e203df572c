#include "support.h"
#include "text/figures.h"
#include "text/numbers.h"

#include <gtest/gtest.h>

namespace tansiq::text {
namespace {

std::vector<Figure> figures(const std::string& text) {
  auto tokens = tokenise(normalise(text));
  std::vector<bool> used(tokens.size(), false);
  const auto& kb = testing::knowledge_base();
  return find_figures(tokens, used, [&kb](std::string_view w) {
    if (const auto* hits = kb.lookup(w))
      for (auto r : *hits)
        if (kb.record(r).type == EntityType::nationality)
          return true;
    return false;
  });
}

void expect_one(const std::string& text, double value, const std::string& unit) {
  auto f = figures(text);
  ASSERT_EQ(f.size(), 1u) << text;
  EXPECT_DOUBLE_EQ(f[0].value, value) << text;
  EXPECT_EQ(f[0].unit, unit) << text;
}

TEST(Figures, DigitsWithCountedNouns) {
  expect_one("أكثر من 1120 مواطن مغربي", 1120, "persons");
  expect_one("اعتقال نحو 360 شخصا", 360, "persons");
  expect_one("10 آلاف قطعة سلاح", 10000, "weapons");
  expect_one("49264 عملية مداهمة", 49264, "raids");
  expect_one("765 قضية", 765, "cases");
  expect_one("6000 هندي", 6000, "persons");
  expect_one("نحو 14 من العناصر القيادية", 14, "persons");
  expect_one("الموقوفين الـ 50", 50, "persons");
  expect_one("في ال29 من العمر", 29, "years_age");
}

TEST(Figures, WordsMasculineFeminineAndCompounds) {
  expect_one("تفكيك سبع خلايا", 7, "cells");
  expect_one("ثمانية أشخاص", 8, "persons");
  expect_one("ثلاثة عشر عنصرا", 13, "persons");
  expect_one("خمسة وعشرون شخصا", 25, "persons");
  expect_one("04 مليون و254 ألف و367 دينار", 4254367, "TND");
  expect_one("أربع مدن", 4, "cities");
}

TEST(Figures, ApproximateFlag) {
  auto f = figures("حوالي 2000 شخص");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].approximate);
}

TEST(Figures, BareNumbersAreNotFigures) {
  EXPECT_TRUE(figures("في عام 2015 قال").empty());
  EXPECT_TRUE(figures("الرقم 116 منخفض").empty());
}

TEST(Numbers, CardinalWords) {
  EXPECT_EQ(cardinal_word_value("ثلاث"), 3);
  EXPECT_EQ(cardinal_word_value("مائه"), 100);
  EXPECT_EQ(cardinal_word_value("كتاب"), -1);
}

} // namespace
} // namespace tansiq::text
