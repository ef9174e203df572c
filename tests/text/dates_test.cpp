#include "text/dates.h"

#include <gtest/gtest.h>

namespace tansiq::text {
namespace {

std::vector<std::string> isos(const std::string& text, std::optional<Ymd> ref = std::nullopt) {
  auto tokens = tokenise(normalise(text));
  std::vector<bool> used;
  std::vector<std::string> out;
  for (const auto& d : find_dates(tokens, ref, used))
    out.push_back(d.iso);
  return out;
}

using V = std::vector<std::string>;

TEST(Dates, MaghrebMashriqLevantFrenchEnglishMonths) {
  EXPECT_EQ(isos("الثلاثاء 21 ديسمبر 2021 على الساعة 13:05"), V{"2021-12-21"});
  EXPECT_EQ(isos("18 يوليو 2024"), V{"2024-07-18"});
  EXPECT_EQ(isos("في 20 دجنبر 2021 و3 شتنبر 2019 و1 غشت 2018"),
            (V{"2021-12-20", "2019-09-03", "2018-08-01"}));
  EXPECT_EQ(isos("من 05 فيفري إلى غاية يوم 11 فيفري 2017"), (V{"--02-05", "2017-02-11"}));
  EXPECT_EQ(isos("يوليو (تموز) 2014"), V{"2014-07"});
  EXPECT_EQ(isos("5 تموز/يوليو"), V{"--07-05"});
  EXPECT_EQ(isos("12 كانون الثاني 2016"), V{"2016-01-12"});
  EXPECT_EQ(isos("le 13 novembre 2015"), V{"2015-11-13"});
  EXPECT_EQ(isos("on 22 March 2016"), V{"2016-03-22"});
  EXPECT_EQ(isos("بتاريخ 26 نوفمبر, 2015"), V{"2015-11-26"});
}

TEST(Dates, NumericForms) {
  EXPECT_EQ(isos("26/12/2016"), V{"2016-12-26"});
  EXPECT_EQ(isos("2017-02-10T12:57:00+01:00"), V{"2017-02-10"});
  EXPECT_EQ(isos("31/02/2016"), V{});
}

TEST(Dates, YearsButNotCounts) {
  EXPECT_EQ(isos("سنة 2005"), V{"2005"});
  EXPECT_EQ(isos("خلال 2016"), V{"2016"});
  EXPECT_EQ(isos("2000 قاذفات صواريخ"), V{});
  EXPECT_EQ(isos("حوالي 2000 شخص"), V{});
}

TEST(Dates, RelativeAgainstTheDateline) {
  Ymd ref{2021, 12, 21}; // a Tuesday
  EXPECT_EQ(isos("أمس الاثنين (20 دجنبر)", ref), (V{"2021-12-20", "2021-12-20"}));
  EXPECT_EQ(isos("أول أمس", ref), V{"2021-12-19"});
  EXPECT_EQ(isos("الأحد الماضي", ref), V{"2021-12-19"});
  EXPECT_EQ(isos("الثلاثاء الماضي", ref), V{"2021-12-14"});
  EXPECT_EQ(isos("منذ 4 أشهر", ref), V{"2021-08"});
  EXPECT_EQ(isos("الأسبوع الماضي", ref), V{"2021-W50"});
  EXPECT_EQ(isos("العام الماضي", ref), V{"2020"});
  EXPECT_EQ(isos("19 من الشهر الجاري", ref), V{"2021-12-19"});
  EXPECT_EQ(isos("يونيو الماضي", Ymd{2024, 7, 18}), V{"2024-06"});
  EXPECT_EQ(isos("26 يوليوز الجاري", Ymd{2024, 7, 18}), V{"2024-07-26"});
  EXPECT_EQ(isos("17 ديسمبر", Ymd{2016, 12, 26}), V{"2016-12-17"});
  EXPECT_EQ(isos("30 ديسمبر", Ymd{2017, 1, 5}), V{"2016-12-30"});
  EXPECT_EQ(isos("أمس"), V{}); // nothing to resolve against
}

TEST(Dates, RangesAndOrdinals) {
  EXPECT_EQ(isos("من 26 إلى 28 يونيو 2024"), (V{"2024-06-26", "2024-06-28"}));
  EXPECT_EQ(isos("في العاشر من تموز/يوليو", Ymd{2014, 7, 20}), V{"2014-07-10"});
}

TEST(Dates, HijriConverted) {
  // 1 Ramadan 1436 AH (Umm al-Qura) = 18 June 2015.
  EXPECT_EQ(isos("1 رمضان 1436 هـ"), V{"2015-06-18"});
  auto g = hijri_to_gregorian(1445, 1, 1); // 1 Muharram 1445 = 19 July 2023
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->iso(), "2023-07-19");
}

TEST(Dates, PublicationDateIsTheDatelineNotTheHeadline) {
  auto t = tokenise(normalise("هجمات 13 نوفمبر 2015 في باريس\nالخميس 26 نوفمبر 2015\nنص"));
  auto p = find_publication_date(t);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->iso, "2015-11-26");
  EXPECT_FALSE(find_publication_date(tokenise(normalise("الكويت-الوئام:\nنص"))).has_value());
}

} // namespace
} // namespace tansiq::text
