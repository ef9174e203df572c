#include "text/dates.h"

#include "text/numbers.h"
#include "text/units.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <unordered_map>

namespace tansiq::text {
namespace {

namespace ch = std::chrono;
using Tokens = std::vector<Token>;

const std::unordered_map<std::string_view, int>& month_words() {
  static const std::unordered_map<std::string_view, int> table = {
      {"يناير", 1},     {"جانفي", 1},     {"janvier", 1},   {"january", 1},   {"فبراير", 2},
      {"فيفري", 2},     {"شباط", 2},      {"fevrier", 2},   {"february", 2},  {"مارس", 3},
      {"اذار", 3},      {"mars", 3},      {"march", 3},     {"ابريل", 4},     {"افريل", 4},
      {"نيسان", 4},     {"avril", 4},     {"april", 4},     {"مايو", 5},      {"ماي", 5},
      {"ايار", 5},      {"mai", 5},       {"may", 5},       {"يونيو", 6},     {"يونيه", 6},
      {"جوان", 6},      {"حزيران", 6},    {"juin", 6},      {"june", 6},      {"يوليو", 7},
      {"يوليوز", 7},    {"يوليه", 7},     {"جويليه", 7},    {"تموز", 7},      {"juillet", 7},
      {"july", 7},      {"اغسطس", 8},     {"غشت", 8},       {"اوت", 8},       {"اب", 8},
      {"aout", 8},      {"august", 8},    {"سبتمبر", 9},    {"شتنبر", 9},     {"ايلول", 9},
      {"septembre", 9}, {"september", 9}, {"اكتوبر", 10},   {"octobre", 10},  {"october", 10},
      {"نوفمبر", 11},   {"نونبر", 11},    {"novembre", 11}, {"november", 11}, {"ديسمبر", 12},
      {"دجنبر", 12},    {"decembre", 12}, {"december", 12}};
  return table;
}

int month_at(const Tokens& t, std::size_t i, std::size_t& words) {
  if (i >= t.size() || t[i].kind != TokenKind::word)
    return 0;
  const std::string& w = t[i].norm;
  if (i + 1 < t.size()) {
    const std::string& n = t[i + 1].norm;
    int m = 0;
    if (w == "كانون")
      m = n == "الثاني" ? 1 : n == "الاول" ? 12 : 0;
    else if (w == "تشرين")
      m = n == "الاول" ? 10 : n == "الثاني" ? 11 : 0;
    if (m) {
      words = 2;
      return m;
    }
  }
  auto it = month_words().find(w);
  if (it == month_words().end())
    return 0;
  words = 1;
  return it->second;
}

int hijri_month_at(const Tokens& t, std::size_t i, std::size_t& words) {
  if (i >= t.size())
    return 0;
  const std::string& w = t[i].norm;
  std::string_view n = i + 1 < t.size() ? std::string_view(t[i + 1].norm) : std::string_view();
  words = 1;
  if (w == "محرم")
    return 1;
  if (w == "صفر")
    return 2;
  if (w == "رجب")
    return 7;
  if (w == "شعبان")
    return 8;
  if (w == "رمضان")
    return 9;
  if (w == "شوال")
    return 10;
  words = 2;
  if (w == "ربيع" && n == "الاول")
    return 3;
  if (w == "ربيع" && (n == "الثاني" || n == "الاخر"))
    return 4;
  if ((w == "جمادي") && (n == "الاولي" || n == "الاول"))
    return 5;
  if ((w == "جمادي") && (n == "الاخره" || n == "الثانيه" || n == "الاخر"))
    return 6;
  if ((w == "ذو" || w == "ذي") && n == "القعده")
    return 11;
  if ((w == "ذو" || w == "ذي") && n == "الحجه")
    return 12;
  return 0;
}

// 0 = Sunday .. 6 = Saturday, -1 when not a weekday.
int weekday_at(const Tokens& t, std::size_t i) {
  static const std::unordered_map<std::string_view, int> table = {
      {"الاحد", 0},    {"الاثنين", 1}, {"الثلاثاء", 2},  {"الاربعاء", 3}, {"الخميس", 4},
      {"الجمعه", 5},   {"السبت", 6},   {"dimanche", 0},  {"lundi", 1},    {"mardi", 2},
      {"mercredi", 3}, {"jeudi", 4},   {"vendredi", 5},  {"samedi", 6},   {"sunday", 0},
      {"monday", 1},   {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
      {"saturday", 6}};
  if (i >= t.size())
    return -1;
  auto it = table.find(t[i].norm);
  return it == table.end() ? -1 : it->second;
}

bool is_number(const Tokens& t, std::size_t i) {
  return i < t.size() && t[i].kind == TokenKind::number &&
         t[i].norm.find_first_of(".,") == std::string::npos;
}
int int_of(const Token& t) {
  return std::atoi(t.norm.c_str());
}

int day_at(const Tokens& t, std::size_t i, std::size_t& words) {
  if (is_number(t, i) && t[i].norm.size() <= 2) {
    int d = int_of(t[i]);
    words = 1;
    return d >= 1 && d <= 31 ? d : 0;
  }
  return ordinal_value(t, i, words);
}

int year_at(const Tokens& t, std::size_t i) {
  if (!is_number(t, i) || t[i].norm.size() != 4)
    return 0;
  int y = int_of(t[i]);
  return y >= 1900 && y <= 2100 ? y : 0;
}

bool is_word(const Tokens& t, std::size_t i, std::initializer_list<std::string_view> words) {
  if (i >= t.size())
    return false;
  for (auto w : words)
    if (t[i].norm == w)
      return true;
  return false;
}

bool is_punct(const Tokens& t, std::size_t i, std::string_view p) {
  return i < t.size() && t[i].kind == TokenKind::punct && t[i].norm == p;
}

ch::sys_days days_of(const Ymd& d) {
  return ch::sys_days(ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} /
                      ch::day{static_cast<unsigned>(d.day)});
}
Ymd ymd_of(ch::sys_days s) {
  ch::year_month_day d(s);
  return Ymd{static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
             static_cast<int>(static_cast<unsigned>(d.day()))};
}
bool valid(int y, int m, int d) {
  return ch::year_month_day(ch::year{y} / ch::month{static_cast<unsigned>(m)} /
                            ch::day{static_cast<unsigned>(d)})
      .ok();
}

std::string fmt(int y, int m = 0, int d = 0) {
  char buffer[32];
  if (y && m && d)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  else if (y && m)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, m);
  else if (y)
    std::snprintf(buffer, sizeof buffer, "%04d", y);
  else
    std::snprintf(buffer, sizeof buffer, "--%02d-%02d", m, d);
  return buffer;
}

std::string iso_week(ch::sys_days day) {
  ch::weekday wd(day);
  int iso_wd = static_cast<int>(wd.iso_encoding()); // 1 = Monday
  ch::sys_days thursday = day + ch::days(4 - iso_wd);
  int year = static_cast<int>(ch::year_month_day(thursday).year());
  ch::sys_days jan1 = ch::sys_days(ch::year{year} / ch::January / 1);
  int week = static_cast<int>((thursday - jan1).count() / 7 + 1);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02d", year, week);
  return buffer;
}

// The year of a day and month seen from `ref`: the same year unless that lands more than two
// months after the reference (then the year before).
int infer_year(int month, int day, const Ymd& ref) {
  if (!valid(ref.year, month, day))
    return ref.year;
  auto candidate = days_of(Ymd{ref.year, month, day});
  return candidate > days_of(ref) + ch::days(62) ? ref.year - 1 : ref.year;
}

class Scanner {
public:
  Scanner(const Tokens& t, const std::optional<Ymd>& ref, std::vector<bool>& used)
      : t_(t), ref_(ref), used_(used) {}

  std::vector<DateMention> run() {
    std::size_t i = 0;
    while (i < t_.size()) {
      std::size_t next = i;
      if (!used_[i] &&
          (numeric(i, next) || relative(i, next) || day_month(i, next) || month_year(i, next) ||
           hijri(i, next) || year_only(i, next) || bare_weekday(i, next)))
        i = next;
      else
        ++i;
    }
    return std::move(out_);
  }

private:
  void emit(std::size_t first, std::size_t last, std::string iso, bool relative = false,
            bool hijri = false) {
    DateMention m;
    m.first_token = first;
    m.last_token = last;
    m.begin = t_[first].begin;
    m.end = t_[last - 1].end;
    m.iso = std::move(iso);
    m.relative = relative;
    m.hijri = hijri;
    for (std::size_t k = first; k < last; ++k)
      used_[k] = true;
    out_.push_back(std::move(m));
  }
  bool adjacent(std::size_t a) const { return a + 1 < t_.size() && !t_[a + 1].space_before; }

  // 26/12/2016, 2017-02-10, 10.02.2017
  bool numeric(std::size_t i, std::size_t& next) {
    if (!is_number(t_, i) || i + 4 >= t_.size() || !is_number(t_, i + 2) || !is_number(t_, i + 4))
      return false;
    const std::string& sep = t_[i + 1].norm;
    if (t_[i + 1].kind != TokenKind::punct || (sep != "/" && sep != "-" && sep != ".") ||
        t_[i + 3].norm != sep)
      return false;
    for (std::size_t k = i; k < i + 4; ++k)
      if (!adjacent(k))
        return false;
    int a = int_of(t_[i]), b = int_of(t_[i + 2]), c = int_of(t_[i + 4]);
    int y, m, d;
    if (t_[i].norm.size() == 4)
      y = a, m = b, d = c;
    else if (t_[i + 4].norm.size() == 4)
      d = a, m = b, y = c;
    else
      return false;
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || !valid(y, m, d)) {
      next = i + 5; // a numeric date that does not exist: consumed, not reported
      return true;
    }
    emit(i, i + 5, fmt(y, m, d));
    next = i + 5;
    return true;
  }

  bool relative(std::size_t i, std::size_t& next) {
    if (!ref_)
      return false;
    const Ymd& ref = *ref_;
    auto shift = [&](std::size_t last, int days) {
      std::size_t end = last;
      if (weekday_at(t_, end) >= 0)
        ++end;
      emit(i, end, ymd_of(days_of(ref) + ch::days(days)).iso(), true);
      next = end;
      return true;
    };
    if (is_word(t_, i, {"اول", "وأول"}) && is_word(t_, i + 1, {"امس"}))
      return shift(i + 2, -2);
    if (is_word(t_, i, {"امس", "وامس"}))
      return shift(i + 1, -1);
    if (is_word(t_, i, {"اليوم"}) && weekday_at(t_, i + 1) >= 0)
      return shift(i + 1, 0);
    // «أعلنت ... في بيان اليوم أن»: «اليوم» alone is the day of the article.
    if (is_word(t_, i, {"اليوم"}) && !is_word(t_, i - 1, {"حتي", "الي"}))
      return shift(i + 1, 0);
    // «last Sunday»: the English order puts the qualifier first.
    if (is_word(t_, i, {"last"}) && weekday_at(t_, i + 1) >= 0) {
      int ref_wd = static_cast<int>(ch::weekday(days_of(ref)).c_encoding());
      int back = (ref_wd - weekday_at(t_, i + 1) + 7) % 7;
      emit(i, i + 2, ymd_of(days_of(ref) - ch::days(back == 0 ? 7 : back)).iso(), true);
      next = i + 2;
      return true;
    }
    std::size_t w = is_word(t_, i, {"يوم"}) ? i + 1 : i;
    int wd = weekday_at(t_, w);
    if (wd >= 0 &&
        is_word(t_, w + 1, {"الماضي", "الماضيه", "المنصرم", "المنقضي", "dernier", "derniere"})) {
      int ref_wd = static_cast<int>(ch::weekday(days_of(ref)).c_encoding());
      int back = (ref_wd - wd + 7) % 7;
      if (back == 0)
        back = 7;
      emit(i, w + 2, ymd_of(days_of(ref) - ch::days(back)).iso(), true);
      next = w + 2;
      return true;
    }
    if (wd >= 0 && is_word(t_, w + 1, {"المقبل", "القادم", "prochain"})) {
      int ref_wd = static_cast<int>(ch::weekday(days_of(ref)).c_encoding());
      int ahead = (wd - ref_wd + 7) % 7;
      if (ahead == 0)
        ahead = 7;
      emit(i, w + 2, ymd_of(days_of(ref) + ch::days(ahead)).iso(), true);
      next = w + 2;
      return true;
    }
    // منذ 4 أشهر
    if (is_word(t_, i, {"منذ"})) {
      auto n = parse_number(t_, i + 1);
      std::size_t u = n ? n->last : i + 1;
      int count = n ? static_cast<int>(n->value) : 1;
      std::string_view unit = u < t_.size() ? duration_unit(t_[u].norm) : std::string_view();
      if (!n && u < t_.size()) {
        if (t_[u].norm == "شهرين")
          unit = "months", count = 2;
        else if (t_[u].norm == "سنتين" || t_[u].norm == "عامين")
          unit = "years", count = 2;
        else if (t_[u].norm == "يومين")
          unit = "days", count = 2;
        else if (t_[u].norm == "اسبوعين")
          unit = "weeks", count = 2;
      }
      if (unit.empty() || count <= 0 || count > 5000)
        return false;
      ch::sys_days r = days_of(ref);
      std::string iso;
      if (unit == "days") {
        iso = ymd_of(r - ch::days(count)).iso();
      } else if (unit == "weeks") {
        iso = iso_week(r - ch::days(7 * count));
      } else if (unit == "months") {
        int total = ref.year * 12 + (ref.month - 1) - count;
        iso = fmt(total / 12, total % 12 + 1);
      } else if (unit == "years") {
        iso = fmt(ref.year - count);
      } else {
        return false;
      }
      emit(i, u + 1, iso, true);
      next = u + 1;
      return true;
    }
    // الأسبوع الماضي، الشهر الجاري، العام الماضي
    std::size_t p = i;
    std::string_view period;
    if (is_word(t_, p, {"الاسبوع", "الاسوع"}))
      period = "week";
    else if (is_word(t_, p, {"الشهر"}))
      period = "month";
    else if (is_word(t_, p, {"العام", "السنه"}))
      period = "year";
    if (period.empty())
      return false;
    int delta;
    if (is_word(t_, p + 1, {"الماضي", "الماضيه", "المنصرم", "المنقضي", "الفائت"}))
      delta = -1;
    else if (is_word(t_, p + 1, {"الجاري", "الحالي", "الجاريه", "الحاليه"}))
      delta = 0;
    else if (is_word(t_, p + 1, {"المقبل", "القادم", "المقبله", "القادمه"}))
      delta = 1;
    else
      return false;
    std::string iso;
    if (period == "week") {
      iso = iso_week(days_of(ref) + ch::days(7 * delta));
    } else if (period == "month") {
      int total = ref.year * 12 + (ref.month - 1) + delta;
      iso = fmt(total / 12, total % 12 + 1);
    } else {
      iso = fmt(ref.year + delta);
    }
    emit(i, p + 2, iso, true);
    next = p + 2;
    return true;
  }

  // Skips «(تموز)» or «/يوليو» after a month name.
  std::size_t skip_alternative(std::size_t k) {
    std::size_t w;
    if (is_punct(t_, k, "(") && month_at(t_, k + 1, w) && is_punct(t_, k + 1 + w, ")"))
      return k + 2 + w;
    if (is_punct(t_, k, "/") && month_at(t_, k + 1, w))
      return k + 1 + w;
    return k;
  }

  // Year after a month: «ديسمبر 2021», «نوفمبر, 2015»; 0 if none. `k` advances past it.
  int year_after(std::size_t& k) {
    if (int y = year_at(t_, k)) {
      ++k;
      return y;
    }
    if ((is_punct(t_, k, ",") || is_word(t_, k, {"من", "عام", "سنه"})) && year_at(t_, k + 1)) {
      k += 2;
      return year_at(t_, k - 1);
    }
    return 0;
  }

  bool day_month(std::size_t i, std::size_t& next) {
    std::size_t k = i;
    if (is_word(t_, k, {"يوم"}))
      ++k;
    if (weekday_at(t_, k) >= 0) {
      ++k;
      if (is_punct(t_, k, ","))
        ++k;
    }
    std::size_t words = 0;
    int day = day_at(t_, k, words);
    if (!day)
      return false;
    std::size_t day_token = k;
    k += words;
    int day2 = 0;
    std::size_t day2_token = 0;
    if (is_word(t_, k, {"الي", "و", "حتي"}) || is_punct(t_, k, "-")) {
      std::size_t w2 = 0;
      int d2 = day_at(t_, k + 1, w2);
      std::size_t m2;
      if (d2 && month_at(t_, k + 1 + w2, m2)) {
        day2 = d2;
        day2_token = k + 1;
        k += 1 + w2;
      }
    }
    if (is_word(t_, k, {"من"}))
      ++k;
    std::size_t mwords = 0;
    int month = month_at(t_, k, mwords);
    if (!month) {
      // «19 من الشهر الجاري»
      if (ref_ && is_word(t_, k, {"الشهر"}) && is_word(t_, k + 1, {"الجاري", "الحالي"}) &&
          t_[k - 1].norm == "من" && valid(ref_->year, ref_->month, day)) {
        emit(i, k + 2, fmt(ref_->year, ref_->month, day), true);
        next = k + 2;
        return true;
      }
      return false;
    }
    k += mwords;
    k = skip_alternative(k);
    int year = year_after(k);
    bool resolved = false;
    if (!year && is_word(t_, k, {"الجاري", "الحالي"}) && ref_) {
      year = ref_->year;
      ++k;
      resolved = true;
    } else if (!year && is_word(t_, k, {"الماضي", "المنصرم"}) && ref_) {
      year = infer_year(month, day, *ref_);
      ++k;
      resolved = true;
    } else if (!year && ref_) {
      year = infer_year(month, day, *ref_);
      resolved = true;
    }
    if (year && !valid(year, month, day))
      return false;
    if (!year && !valid(2000, month, day))
      return false;
    if (day2) {
      // «26 إلى 28 يونيو»: two dates
      std::size_t split = day2_token - 1;
      emit(i, split, fmt(year, month, day), resolved);
      emit(split, k, fmt(year, month, day2), resolved);
      (void)day_token;
    } else {
      emit(i, k, fmt(year, month, day), resolved);
    }
    next = k;
    return true;
  }

  // A weekday alone («a annoncé jeudi», «said on Monday», «أعلنت الوزارة، الثلاثاء،») is, in
  // news written in the past tense, the last such day on or before the reference date. Tried
  // after every other pattern, so a weekday that introduces a full date is part of that date.
  bool bare_weekday(std::size_t i, std::size_t& next) {
    int wd = weekday_at(t_, i);
    if (wd < 0 || !ref_ || is_number(t_, i + 1))
      return false;
    // In Arabic a weekday is also part of names («سوق الجمعة», «صلاة الجمعة»): alone it is a
    // date after a comma, at the start of a line or after a time of day («مساء الثلاثاء»).
    if (t_[i].arabic && !t_[i].line_start &&
        !(i > 0 && (is_punct(t_, i - 1, ",") ||
                    is_word(t_, i - 1, {"مساء", "صباح", "ليله", "فجر", "ظهر", "عصر", "يوم"}))))
      return false;
    int ref_wd = static_cast<int>(ch::weekday(days_of(*ref_)).c_encoding());
    int back = (ref_wd - wd + 7) % 7;
    emit(i, i + 1, ymd_of(days_of(*ref_) - ch::days(back)).iso(), true);
    next = i + 1;
    return true;
  }

  bool month_year(std::size_t i, std::size_t& next) {
    std::size_t words = 0;
    int month = month_at(t_, i, words);
    if (!month)
      return false;
    std::size_t k = skip_alternative(i + words);
    // English order: «July 18, 2024», «January 15 2025».
    if (!t_[i].arabic && is_number(t_, k) && t_[k].norm.size() <= 2) {
      int day = int_of(t_[k]);
      std::size_t y = k + 1;
      if (int year = year_after(y); year && day >= 1 && valid(year, month, day)) {
        emit(i, y, fmt(year, month, day));
        next = y;
        return true;
      }
    }
    if (int year = year_after(k)) {
      emit(i, k, fmt(year, month));
      next = k;
      return true;
    }
    if (!ref_)
      return false;
    int year = 0;
    if (is_word(t_, k, {"الماضي", "المنصرم", "المنقضي"}))
      year = month < ref_->month ? ref_->year : ref_->year - 1;
    else if (is_word(t_, k, {"الجاري", "الحالي"}))
      year = ref_->year;
    else if (is_word(t_, k, {"المقبل", "القادم"}))
      year = month > ref_->month ? ref_->year : ref_->year + 1;
    if (!year)
      return false;
    emit(i, k + 1, fmt(year, month), true);
    next = k + 1;
    return true;
  }

  bool hijri(std::size_t i, std::size_t& next) {
    std::size_t k = i, words = 0;
    int day = 0;
    if (is_number(t_, k) && t_[k].norm.size() <= 2) {
      day = int_of(t_[k]);
      ++k;
    }
    int month = hijri_month_at(t_, k, words);
    if (!month)
      return false;
    k += words;
    if (is_word(t_, k, {"سنه", "عام"}))
      ++k;
    if (!is_number(t_, k) || t_[k].norm.size() != 4)
      return false;
    int year = int_of(t_[k]);
    if (year < 1300 || year > 1600)
      return false;
    ++k;
    if (is_word(t_, k, {"ه", "هجري", "هجريه", "للهجره"}))
      ++k;
    auto g = hijri_to_gregorian(year, month, day ? day : 1);
    if (!g)
      return false;
    emit(i, k, day ? g->iso() : fmt(g->year, g->month), false, true);
    next = k;
    return true;
  }

  bool year_only(std::size_t i, std::size_t& next) {
    std::size_t k = i;
    bool cue = is_word(t_, k, {"سنه", "عام", "العام", "سنة", "خلال", "منذ", "في", "بعام", "وفي"});
    if (cue)
      ++k;
    if (!is_number(t_, k) || t_[k].norm.size() != 4)
      return false;
    int y = int_of(t_[k]);
    // A Hijri year: «1436 هـ»
    if (y >= 1300 && y <= 1600 && is_word(t_, k + 1, {"ه", "هجري", "هجريه", "للهجره"})) {
      auto g = hijri_to_gregorian(y, 1, 1);
      if (!g)
        return false;
      emit(cue ? i + 1 : i, k + 2, fmt(g->year), false, true);
      next = k + 2;
      return true;
    }
    if (y < 1900 || y > 2100)
      return false;
    if (k + 1 < t_.size() && t_[k + 1].kind == TokenKind::word) {
      const std::string& n = t_[k + 1].norm;
      std::string_view after = k + 2 < t_.size() ? std::string_view(t_[k + 2].norm) : "";
      if (!unit_of(n, after).empty() || !duration_unit(n).empty() || n == "من")
        return false;
    }
    std::size_t first = (cue && (t_[i].norm == "سنه" || t_[i].norm == "عام" ||
                                 t_[i].norm == "العام" || t_[i].norm == "بعام"))
                            ? i
                            : k;
    emit(first, k + 1, fmt(y));
    next = k + 1;
    return true;
  }

  const Tokens& t_;
  const std::optional<Ymd>& ref_;
  std::vector<bool>& used_;
  std::vector<DateMention> out_;
};

} // namespace

std::string Ymd::iso() const {
  return fmt(year, month, day);
}

std::optional<Ymd> hijri_to_gregorian(int year, int month, int day) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> hijri(
      icu::Calendar::createInstance(icu::Locale("ar@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status) || !hijri)
    return std::nullopt;
  hijri->setTimeZone(*icu::TimeZone::getGMT());
  hijri->clear();
  hijri->set(UCAL_EXTENDED_YEAR, year);
  hijri->set(UCAL_MONTH, month - 1);
  hijri->set(UCAL_DATE, day);
  UDate when = hijri->getTime(status);
  if (U_FAILURE(status))
    return std::nullopt;
  icu::GregorianCalendar gregorian(icu::TimeZone::getGMT()->clone(), status);
  if (U_FAILURE(status))
    return std::nullopt;
  gregorian.setTime(when, status);
  Ymd out{gregorian.get(UCAL_YEAR, status), gregorian.get(UCAL_MONTH, status) + 1,
          gregorian.get(UCAL_DATE, status)};
  if (U_FAILURE(status))
    return std::nullopt;
  return out;
}

std::vector<DateMention> find_dates(const std::vector<Token>& tokens,
                                    const std::optional<Ymd>& reference, std::vector<bool>& used) {
  used.resize(tokens.size(), false);
  return Scanner(tokens, reference, used).run();
}

std::optional<DateMention> find_publication_date(const std::vector<Token>& tokens) {
  // The lines before the body: at most the first six lines.
  std::size_t end = 0;
  int line = -1;
  std::vector<int> line_of;
  for (; end < tokens.size(); ++end) {
    if (tokens[end].line_start)
      ++line;
    if (line >= 6)
      break;
    line_of.push_back(line);
  }
  std::vector<Token> head(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(end));
  std::vector<bool> used;
  for (const DateMention& d : find_dates(head, std::nullopt, used)) {
    if (d.iso.size() != 10 || d.iso[0] == '-')
      continue;
    std::size_t first = d.first_token;
    bool line_start =
        head[first].line_start ||
        (first > 0 && head[first - 1].line_start &&
         (head[first - 1].norm == "بتاريخ" || head[first - 1].kind != TokenKind::word));
    // Inside a line: accept after a byline or «بتاريخ», not in the headline.
    if (line_of[first] == 0 && !line_start)
      continue;
    return d;
  }
  return std::nullopt;
}

} // namespace tansiq::text
