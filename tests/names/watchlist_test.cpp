#include "names/matcher.h"

#include <gtest/gtest.h>

using namespace tansiq::names;

namespace {
Watchlist sample() {
  Watchlist list;
  EXPECT_TRUE(
      list.add({"hammouchi", {"عبد اللطيف الحموشي", "Abdellatif Hammouchi"}, "1966", "MA"}));
  EXPECT_TRUE(list.add({"tikriti-barzan", {"برزان إبراهيم حسن التكريتي"}, std::nullopt, "IQ"}));
  EXPECT_TRUE(list.add({"tikriti-saddam", {"Saddam Hussein Al-Tikriti"}, std::nullopt, "IQ"}));
  EXPECT_TRUE(list.add({"zawahiri", {"أيمن محمد ربيع الظواهري", "Ayman al-Zawahiri"}, {}, {}}));
  list.build();
  return list;
}
} // namespace

TEST(Watchlist, ScreensEveryFormOfTheIssuesExample) {
  Watchlist list = sample();
  for (const char* q : {"عبد اللطيف الحموشي", "Abdellatif Hammouchi", "Abdelatif Hamouchi",
                        "Abd al-Latif al-Hamushi", "HAMMOUCHI Abdellatif"}) {
    auto found = list.screen(q);
    ASSERT_TRUE(found) << q;
    ASSERT_FALSE(found->empty()) << q;
    EXPECT_EQ(found->front().id, "hammouchi") << q;
    EXPECT_GE(found->front().score, default_threshold);
    EXPECT_FALSE(found->front().explanation.parts.empty());
  }
}

TEST(Watchlist, DoesNotConfuseRelativesAndRanksBestFirst) {
  Watchlist list = sample();
  auto found = list.screen("Barzan Ibrahim Hasan al-Tikriti");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, "tikriti-barzan");
  ScreenOptions loose;
  loose.threshold = 0.0;
  auto all = list.screen("Barzan Ibrahim Hasan al-Tikriti", loose);
  ASSERT_TRUE(all);
  for (std::size_t i = 1; i < all->size(); ++i)
    EXPECT_GE((*all)[i - 1].score, (*all)[i].score);
}

TEST(Watchlist, BirthDateAndNationalityAdjustAndExplain) {
  Watchlist list = sample();
  ScreenOptions agree, disagree;
  agree.birth_date = "1966-03-01";
  disagree.birth_date = "1980";
  disagree.threshold = 0;
  auto a = list.screen("Abdellatif Hammouchi", agree);
  auto d = list.screen("Abdellatif Hammouchi", disagree);
  ASSERT_TRUE(a && d && !a->empty() && !d->empty());
  EXPECT_GT(a->front().score, d->front().score);
  EXPECT_NE(a->front().explanation.summary().find("birth date agrees"), std::string::npos);
}

TEST(Watchlist, RejectsUnusableEntriesAndScreeningBeforeBuild) {
  Watchlist list;
  EXPECT_FALSE(list.add({"", {"Ali Hassan"}, {}, {}}));
  EXPECT_FALSE(list.add({"x", {}, {}, {}}));
  EXPECT_FALSE(list.add({"x", {"", "\x01"}, {}, {}}));
  EXPECT_TRUE(list.add({"y", {"Ali Hassan", "\xff"}, {}, {}}));
  EXPECT_EQ(list.skipped_names(), 1u);
  EXPECT_FALSE(list.screen("Ali Hassan"));
  list.build();
  auto found = list.screen("علي حسن");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, "y");
}
