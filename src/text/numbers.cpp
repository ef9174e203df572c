#include "text/numbers.h"

#include <cstdlib>
#include <string>
#include <unordered_map>

namespace tansiq::text {
namespace {

const std::unordered_map<std::string_view, double>& cardinals() {
  static const std::unordered_map<std::string_view, double> table = {
      {"واحد", 1},
      {"واحده", 1},
      {"اثنان", 2},
      {"اثنين", 2},
      {"اثنتان", 2},
      {"اثنتين", 2},
      {"ثلاث", 3},
      {"ثلاثه", 3},
      {"اربع", 4},
      {"اربعه", 4},
      {"خمس", 5},
      {"خمسه", 5},
      {"ست", 6},
      {"سته", 6},
      {"سبع", 7},
      {"سبعه", 7},
      {"ثمان", 8},
      {"ثماني", 8},
      {"ثمانيه", 8},
      {"تسع", 9},
      {"تسعه", 9},
      {"عشر", 10},
      {"عشره", 10},
      {"عشرون", 20},
      {"عشرين", 20},
      {"ثلاثون", 30},
      {"ثلاثين", 30},
      {"اربعون", 40},
      {"اربعين", 40},
      {"خمسون", 50},
      {"خمسين", 50},
      {"ستون", 60},
      {"ستين", 60},
      {"سبعون", 70},
      {"سبعين", 70},
      {"ثمانون", 80},
      {"ثمانين", 80},
      {"تسعون", 90},
      {"تسعين", 90},
      {"مئه", 100},
      {"مائه", 100},
      {"مئتان", 200},
      {"مئتين", 200},
      {"مائتان", 200},
      {"مائتين", 200},
      {"ثلاثمئه", 300},
      {"ثلاثمائه", 300},
      {"اربعمئه", 400},
      {"اربعمائه", 400},
      {"خمسمئه", 500},
      {"خمسمائه", 500},
      {"ستمئه", 600},
      {"ستمائه", 600},
      {"سبعمئه", 700},
      {"سبعمائه", 700},
      {"ثمانمئه", 800},
      {"ثمانمائه", 800},
      {"تسعمئه", 900},
      {"تسعمائه", 900},
      {"الف", 1000},
      {"الفا", 1000},
      {"الفان", 2000},
      {"الفين", 2000},
      {"مليون", 1e6},
      {"مليونا", 1e6},
      {"مليونان", 2e6},
      {"مليونين", 2e6},
      {"مليار", 1e9},
      {"مليارا", 1e9},
      {"احد", 1},
      {"احدي", 1},
      {"اثنا", 2},
      {"اثني", 2},
      {"اثنتا", 2},
      {"اثنتي", 2},
      // French and English (normalised: lower case, no accents). «un», «one» are left out:
      // they are articles or pronouns far more often than counts.
      {"deux", 2},
      {"trois", 3},
      {"quatre", 4},
      {"cinq", 5},
      {"six", 6},
      {"sept", 7},
      {"huit", 8},
      {"neuf", 9},
      {"dix", 10},
      {"onze", 11},
      {"douze", 12},
      {"treize", 13},
      {"quatorze", 14},
      {"quinze", 15},
      {"seize", 16},
      {"vingt", 20},
      {"trente", 30},
      {"quarante", 40},
      {"cinquante", 50},
      {"soixante", 60},
      {"cent", 100},
      {"two", 2},
      {"three", 3},
      {"four", 4},
      {"five", 5},
      {"seven", 7},
      {"eight", 8},
      {"nine", 9},
      {"ten", 10},
      {"eleven", 11},
      {"twelve", 12},
      {"thirteen", 13},
      {"fourteen", 14},
      {"fifteen", 15},
      {"sixteen", 16},
      {"seventeen", 17},
      {"eighteen", 18},
      {"nineteen", 19},
      {"twenty", 20},
      {"thirty", 30},
      {"forty", 40},
      {"fifty", 50},
      {"sixty", 60},
      {"seventy", 70},
      {"eighty", 80},
      {"ninety", 90},
      {"hundred", 100},
      {"dozen", 12}};
  return table;
}

double multiplier(std::string_view w) {
  if (w == "الف" || w == "الاف" || w == "الفا")
    return 1e3;
  if (w == "مليون" || w == "ملايين" || w == "مليونا")
    return 1e6;
  if (w == "مليار" || w == "مليارات")
    return 1e9;
  if (w == "مئه" || w == "مائه")
    return 100;
  if (w == "mille" || w == "thousand" || w == "thousands")
    return 1e3;
  if (w == "million" || w == "millions")
    return 1e6;
  if (w == "milliard" || w == "milliards" || w == "billion")
    return 1e9;
  if (w == "hundred" || w == "cent" || w == "cents")
    return 100;
  return 0;
}

std::string_view without_waw(std::string_view w) {
  if (w.size() > 2 && w.substr(0, 2) == "و")
    return w.substr(2);
  return w;
}

bool digits_value(std::string_view s, double& value) {
  std::string clean;
  // "100,000" (groups of three) is a thousands separator; "8,5" / "8.5" a decimal point.
  std::size_t comma = s.find(',');
  if (comma != std::string_view::npos && s.size() - comma == 4) {
    for (char c : s)
      if (c != ',')
        clean += c;
  } else {
    for (char c : s)
      clean += c == ',' ? '.' : c;
  }
  char* end = nullptr;
  value = std::strtod(clean.c_str(), &end);
  return end != nullptr && *end == '\0';
}

} // namespace

double cardinal_word_value(std::string_view w) {
  auto it = cardinals().find(w);
  return it == cardinals().end() ? -1 : it->second;
}

std::optional<ParsedNumber> parse_number(const std::vector<Token>& tokens, std::size_t i) {
  if (i >= tokens.size())
    return std::nullopt;
  ParsedNumber n;
  n.first = i;
  double total = 0, group = 0;
  std::size_t j = i;
  bool any = false;
  while (j < tokens.size()) {
    const Token& t = tokens[j];
    bool conj = false;
    std::size_t k = j;
    if (any && t.kind == TokenKind::word && t.norm == "و" && k + 1 < tokens.size()) {
      conj = true;
      ++k; // «و254» splits into و + 254
    }
    const Token& u = tokens[k];
    if (u.kind == TokenKind::number) {
      // «4 500 dinars»: a space between groups of three digits (French typography).
      if (any && !conj && !n.in_words && total == 0 && group >= 1 && group < 1000 &&
          u.norm.size() == 3 && u.space_before && tokens[j - 1].kind == TokenKind::number &&
          tokens[j - 1].norm.size() <= 3 && !tokens[j - 1].arabic && !u.arabic &&
          u.norm.find_first_not_of("0123456789") == std::string::npos) {
        group = group * 1000 + std::atof(u.norm.c_str());
        j = k + 1;
        continue;
      }
      if (any && !(conj && group == 0 && total > 0))
        break; // «و254» joins only after a multiplier (04 مليون و254 ألف)
      double v;
      if (!digits_value(u.norm, v))
        break;
      total += group;
      group = v;
      any = true;
      j = k + 1;
      continue;
    }
    if (u.kind != TokenKind::word)
      break;
    std::string_view w = without_waw(u.norm);
    bool joined = conj || w.size() != u.norm.size();
    double m = multiplier(w);
    if (any && !joined && m > 0) {
      // 10 آلاف, 8.5 ملايين, ثلاثة آلاف
      group = (group == 0 ? 1 : group) * m;
      total += group;
      group = 0;
      j = k + 1;
      continue;
    }
    double v = cardinal_word_value(w);
    if (v < 0)
      break;
    if (any && !joined) {
      if (v == 10 && group > 0 && group < 10) { // «ثلاثة عشر»
        group += 10;
        j = k + 1;
        continue;
      }
      break;
    }
    if (!any && v >= 1000) {
      group = v;
    } else {
      total += group;
      group = v;
    }
    any = true;
    n.in_words = true;
    j = k + 1;
  }
  if (!any)
    return std::nullopt;
  n.value = total + group;
  n.last = j;
  // A trailing lone «و» is not part of the number.
  return n;
}

int ordinal_value(const std::vector<Token>& tokens, std::size_t i, std::size_t& words) {
  static const std::unordered_map<std::string_view, int> ordinals = {
      {"الاول", 1},  {"الثاني", 2},   {"الثالث", 3},   {"الرابع", 4}, {"الخامس", 5},
      {"السادس", 6}, {"السابع", 7},   {"الثامن", 8},   {"التاسع", 9}, {"العاشر", 10},
      {"الحادي", 1}, {"العشرين", 20}, {"الثلاثين", 30}};
  if (i >= tokens.size())
    return 0;
  auto it = ordinals.find(tokens[i].norm);
  if (it == ordinals.end())
    return 0;
  words = 1;
  int v = it->second;
  if (v < 10 && i + 1 < tokens.size() && tokens[i + 1].norm == "عشر") {
    words = 2;
    return v + 10;
  }
  if (v < 10 && i + 2 < tokens.size() && tokens[i + 1].norm == "و" &&
      (tokens[i + 2].norm == "العشرين" || tokens[i + 2].norm == "الثلاثين")) {
    words = 3;
    return v + (tokens[i + 2].norm == "العشرين" ? 20 : 30);
  }
  if (v < 10 && i + 1 < tokens.size() &&
      (tokens[i + 1].norm == "والعشرين" || tokens[i + 1].norm == "والثلاثين")) {
    words = 2;
    return v + (tokens[i + 1].norm == "والعشرين" ? 20 : 30);
  }
  if (tokens[i].norm == "الحادي")
    return 0;
  return v;
}

} // namespace tansiq::text
