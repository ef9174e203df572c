// Dates in press text: the publication date (dateline) and event dates.
// Gregorian with Arabic month names (Mashriq يناير..ديسمبر, Maghreb يناير..ماي..يوليوز غشت
// شتنبر نونبر دجنبر, Tunisian/Algerian جانفي فيفري أفريل جوان جويلية أوت, Levant كانون الثاني ..),
// French and English month names, numeric forms (26/12/2016, 2017-02-10), Hijri dates converted
// with ICU's islamic-umalqura calendar, weekday names, ordinals («العاشر من تموز»), and
// relative expressions resolved against a reference date (أمس الاثنين، أول أمس، منذ 4 أشهر،
// الأسبوع الماضي، الأحد الماضي، يونيو الماضي، 19 من الشهر الجاري، العام الماضي).
#pragma once

#include "text/tokenise.h"

#include <optional>
#include <string>
#include <vector>

namespace tansiq::text {

struct Ymd {
  int year = 0, month = 0, day = 0;
  std::string iso() const;
};

struct DateMention {
  uint32_t begin = 0, end = 0;                 // byte offsets in the display text
  std::size_t first_token = 0, last_token = 0; // token range [first, last)
  // ISO 8601: "2021-12-21", "2014-07", "2016", "2015-W47" (a week), "--07-05" (no year).
  std::string iso;
  bool relative = false; // resolved against the reference date
  bool hijri = false;    // converted from the Hijri calendar
};

// Every date in `tokens`; relative expressions and year-less dates are resolved against
// `reference` when given (year-less dates otherwise come out as --MM-DD). `used[i]` marks
// tokens taken by the dates found (resized to tokens.size()).
std::vector<DateMention> find_dates(const std::vector<Token>& tokens,
                                    const std::optional<Ymd>& reference, std::vector<bool>& used);

// The publication date: the first full date (day, month, year) in the lines before the body
// (the dateline), skipping the headline unless it is only a date. Nothing when the text
// does not state it.
std::optional<DateMention> find_publication_date(const std::vector<Token>& tokens);

// Gregorian date of a Hijri (Umm al-Qura) date; nothing if ICU cannot convert it.
std::optional<Ymd> hijri_to_gregorian(int year, int month, int day);

} // namespace tansiq::text
