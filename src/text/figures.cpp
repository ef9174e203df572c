#include "text/figures.h"

#include "text/numbers.h"
#include "text/units.h"

#include <unordered_map>

namespace tansiq::text {
namespace {

bool is_approximator(const std::vector<Token>& t, std::size_t i, std::size_t& words) {
  if (i >= t.size())
    return false;
  const std::string& w = t[i].norm;
  words = 1;
  if (w == "نحو" || w == "حوالي" || w == "قرابه" || w == "زهاء" || w == "حوالى" || w == "ازيد" ||
      w == "environ" || w == "about")
    return true;
  if ((w == "اكثر" || w == "اقل" || w == "ازيد") && i + 1 < t.size() && t[i + 1].norm == "من") {
    words = 2;
    return true;
  }
  return false;
}

std::string_view strip_al(std::string_view w) {
  if (w.size() > 4 && w.substr(0, 4) == "ال")
    return w.substr(4);
  return w;
}

} // namespace

std::vector<Figure> find_figures(const std::vector<Token>& t, const std::vector<bool>& used,
                                 const std::function<bool(std::string_view)>& is_nationality) {
  std::vector<Figure> out;
  std::size_t i = 0;
  while (i < t.size()) {
    if (used[i] || (t[i].kind != TokenKind::number && t[i].kind != TokenKind::word)) {
      ++i;
      continue;
    }
    auto number = parse_number(t, i);
    // A feminine dual counts two without a number: «عبوتين ناسفتين», «سيارتين», «بندقيتين».
    if (!number && t[i].kind == TokenKind::word && t[i].arabic && t[i].norm.size() > 8 &&
        t[i].norm.compare(t[i].norm.size() - 6, 6, "تين") == 0 &&
        !(i > 0 && t[i - 1].kind == TokenKind::number)) {
      std::string singular = t[i].norm.substr(0, t[i].norm.size() - 6) + "ه";
      std::string_view next = i + 1 < t.size() ? std::string_view(t[i + 1].norm) : "";
      std::string next_singular;
      if (next.size() > 8 && next.substr(next.size() - 6) == "تين")
        next_singular = std::string(next.substr(0, next.size() - 6)) + "ه";
      std::string_view u = unit_of(singular, next_singular);
      if (!u.empty() && u != "cities" && u != "countries" && u != "operations") {
        std::size_t end_token = unit_takes_two_words(singular, next_singular) ? i + 2 : i + 1;
        Figure f;
        f.begin = t[i].begin;
        f.end = t[end_token - 1].end;
        f.value = 2;
        f.unit = std::string(u);
        f.noun = singular;
        out.push_back(std::move(f));
        i = end_token;
        continue;
      }
    }
    // Masculine duals of broken-plural nouns and «noun + اثنين» count two: «شخصان», «عنصرين»,
    // «سائقين اثنين». (A sound plural in «-ين» is not a dual: «متهمين» is left alone.)
    if (!number && t[i].kind == TokenKind::word && t[i].arabic) {
      static const std::unordered_map<std::string_view, std::string_view> duals = {
          {"شخصان", "persons"},    {"شخصين", "persons"},  {"عنصران", "persons"},
          {"عنصرين", "persons"},   {"جنديان", "persons"}, {"جنديين", "persons"},
          {"رجلان", "persons"},    {"رجلين", "persons"},  {"قتيلان", "persons"},
          {"قتيلين", "persons"},   {"جريحان", "persons"}, {"جريحين", "persons"},
          {"شرطيان", "persons"},   {"شرطيين", "persons"}, {"طفلان", "persons"},
          {"طفلين", "persons"},    {"سلاحان", "weapons"}, {"سلاحين", "weapons"},
          {"مسدسان", "pistols"},   {"مسدسين", "pistols"}, {"صاروخان", "missiles"},
          {"صاروخين", "missiles"}, {"هجومان", "attacks"}, {"هجومين", "attacks"}};
      auto d = duals.find(t[i].norm);
      bool counted_after =
          i + 1 < t.size() && (t[i + 1].norm == "اثنين" || t[i + 1].norm == "اثنان");
      std::string_view plural_unit;
      if (d == duals.end() && counted_after && i > 0) {
        std::string_view w = strip_al(t[i].norm);
        plural_unit = unit_of(w);
      }
      if ((d != duals.end() && !(i > 0 && t[i - 1].kind == TokenKind::number)) ||
          !plural_unit.empty()) {
        Figure f;
        f.begin = t[i].begin;
        std::size_t end_token = counted_after ? i + 2 : i + 1;
        f.end = t[end_token - 1].end;
        f.value = 2;
        f.unit = std::string(d != duals.end() ? d->second : plural_unit);
        f.noun = t[i].norm;
        out.push_back(std::move(f));
        i = end_token;
        continue;
      }
    }
    if (!number || used[number->last - 1]) {
      ++i;
      continue;
    }
    std::size_t first = number->first;
    bool approximate = false;
    // Approximators before the number.
    for (std::size_t back = 1; back <= 2 && first >= back; ++back) {
      std::size_t words;
      if (is_approximator(t, first - back, words) && words == back) {
        approximate = true;
        first -= back;
        break;
      }
    }
    std::size_t k = number->last;
    bool via_min = false;
    if (k < t.size() && t[k].norm == "من" && k + 1 < t.size()) {
      // «14 من العناصر», «29 من العمر»
      via_min = true;
      ++k;
    }
    // «a four-member cell»: the counted noun after a hyphen.
    if (number->in_words && k + 1 < t.size() && t[k].kind == TokenKind::punct && t[k].norm == "-" &&
        !t[k].space_before && !t[k + 1].space_before)
      ++k;
    std::string unit;
    std::string noun;
    std::size_t end_token = k;
    if (k < t.size() && t[k].kind == TokenKind::word) {
      std::string_view w = via_min ? strip_al(t[k].norm) : std::string_view(t[k].norm);
      std::string_view next = k + 1 < t.size() ? std::string_view(t[k + 1].norm) : "";
      if (via_min && (t[k].norm == "العمر")) {
        unit = "years_age";
        end_token = k + 1;
      } else if (auto u = unit_of(w, next); !u.empty()) {
        unit = std::string(u);
        noun = std::string(w);
        end_token = unit_takes_two_words(w, next) ? k + 2 : k + 1;
      } else if (!via_min && is_nationality(w)) {
        unit = "persons";
        noun = std::string(w);
        end_token = k + 1;
      } else if (!via_min && !duration_unit(w).empty()) {
        std::string_view d = duration_unit(w);
        // «يبلغ من العمر 24 سنة»: an age; so is a number of years in apposition after a
        // name («أحمد سالم، 34 عاما،», «Gharsalli, 36 ans,») and «de 33 ans» after a person
        // noun («un ouvrier de 33 ans», «un adolescent de 17 ans»).
        bool apposition = d == "years" && first > 0 && t[first - 1].norm == "," &&
                          k + 1 < t.size() && t[k + 1].kind == TokenKind::punct;
        bool french_age = d == "years" && w == "ans" && first > 0 && t[first - 1].norm == "de" &&
                          !(k + 2 < t.size() && t[k + 1].norm == "de" &&
                            (t[k + 2].norm == "prison" || t[k + 2].norm == "reclusion"));
        // «تتراوح أعمارهم بين 22 و37 سنة», «âgés de 19 à 33 ans», «aged between 21 and 35»
        bool age_context = false;
        for (std::size_t back = 1; back <= 5 && back <= first; ++back) {
          std::string_view b = t[first - back].norm;
          age_context = age_context || b == "العمر" || b == "اعمارهم" || b == "اعمارهما" ||
                        b == "اعمار" || b == "age" || b == "agee" || b == "ages" || b == "agees" ||
                        b == "aged";
        }
        bool age = (i >= 2 && t[i - 1].norm == "العمر") || apposition || french_age || age_context;
        unit = age ? "years_age" : std::string(d);
        noun = std::string(w);
        end_token = k + 1;
      }
    }
    // «الموقوفين الـ 50»: noun, ال, number
    if (unit.empty() && !number->in_words && i >= 2 && t[i - 1].norm == "ال" &&
        t[i - 2].kind == TokenKind::word) {
      std::string_view w = strip_al(t[i - 2].norm);
      if (auto u = unit_of(w); !u.empty()) {
        unit = std::string(u);
        noun = std::string(w);
        first = i - 2;
        end_token = number->last;
      }
    }
    // «ال29 من العمر»
    if (unit.empty() && via_min && t[k].norm == "العمر") {
      unit = "years_age";
      end_token = k + 1;
    }
    // «Mustafa Al-Fitouri, 38, had ...»: a bare age in apposition after a Latin name.
    if (unit.empty() && !number->in_words && number->last == i + 1 && i >= 2 &&
        t[i - 1].norm == "," && t[i - 2].kind == TokenKind::word && !t[i - 2].arabic &&
        i + 1 < t.size() && t[i + 1].norm == "," && number->value >= 12 && number->value <= 99) {
      unit = "years_age";
      end_token = number->last;
    }
    if (unit.empty()) {
      i = number->last > i ? number->last : i + 1;
      continue;
    }
    // A word number alone must count something concrete ("ثلاثة أشهر" is a duration: kept).
    if (number->value <= 0 || number->value > 1e12) {
      i = end_token;
      continue;
    }
    Figure f;
    f.begin = t[first].begin;
    f.end = t[end_token - 1].end;
    f.value = number->value;
    f.unit = unit;
    f.noun = noun;
    f.approximate = approximate;
    out.push_back(std::move(f));
    i = end_token;
  }
  return out;
}

} // namespace tansiq::text
