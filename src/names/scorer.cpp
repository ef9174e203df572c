#include "names/scorer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

namespace tansiq::names {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr std::size_t max_letters = 48;

struct Reading {
  std::string_view latin;
  float cost;
};

// Latin letter groups that romanise each Arabic symbol, with the cost of the reading.
// Costs are domain knowledge: 0 for the Mashriq/English, Maghreb/French and Afghan
// conventions (ش sh/ch, ج j/dj/g, و w/u/ou/o, ي y/i/ee, ق q/k), more for rarer or
// dialectal readings (ق as g, ث as s), none for letters that are never written alike.
std::span<const Reading> readings(char symbol) {
  static constexpr Reading b[] = {{"b", 0}, {"p", 0.1f}};
  static constexpr Reading t[] = {{"t", 0}, {"th", 0.3f}, {"d", 0.6f}};
  static constexpr Reading th[] = {{"th", 0}, {"t", 0.2f}, {"s", 0.25f}, {"z", 0.5f}};
  static constexpr Reading j[] = {{"j", 0},     {"dj", 0},    {"g", 0.15f},
                                  {"dg", 0.1f}, {"zh", 0.3f}, {"y", 0.6f}};
  static constexpr Reading h[] = {{"h", 0}, {"kh", 0.7f}};
  static constexpr Reading kh[] = {{"kh", 0},    {"x", 0},    {"h", 0.35f},
                                   {"ch", 0.3f}, {"k", 0.5f}, {"q", 0.6f}};
  static constexpr Reading d[] = {{"d", 0}, {"dh", 0.2f}, {"z", 0.35f}, {"t", 0.6f}};
  static constexpr Reading dh[] = {{"dh", 0}, {"z", 0.1f}, {"d", 0.2f}, {"th", 0.2f}, {"zh", 0.2f}};
  static constexpr Reading r[] = {{"r", 0}};
  static constexpr Reading z[] = {{"z", 0}, {"s", 0.3f}, {"dh", 0.4f}, {"zh", 0.3f}};
  static constexpr Reading s[] = {{"s", 0}, {"c", 0.2f}, {"z", 0.5f}, {"th", 0.5f}, {"sh", 0.6f}};
  static constexpr Reading sh[] = {{"sh", 0},      {"ch", 0},   {"sch", 0},
                                   {"tch", 0.05f}, {"c", 0.4f}, {"s", 0.6f}};
  static constexpr Reading gh[] = {{"gh", 0}, {"g", 0}, {"r", 0.6f}, {"q", 0.6f}, {"k", 0.6f}};
  static constexpr Reading f[] = {{"f", 0}, {"ph", 0}, {"v", 0.2f}};
  static constexpr Reading q[] = {{"q", 0},    {"k", 0},     {"ck", 0},   {"c", 0.1f},
                                  {"g", 0.3f}, {"gh", 0.4f}, {"kh", 0.6f}};
  static constexpr Reading k[] = {{"k", 0},    {"ck", 0},    {"c", 0.1f}, {"q", 0.2f},
                                  {"g", 0.4f}, {"ch", 0.4f}, {"kh", 0.5f}};
  static constexpr Reading l[] = {{"l", 0}};
  static constexpr Reading m[] = {{"m", 0}};
  static constexpr Reading n[] = {{"n", 0}, {"m", 0.7f}};
  static constexpr Reading initial_alef[] = {{"a", 0},    {"e", 0},    {"i", 0},
                                             {"o", 0.1f}, {"u", 0.1f}, {"y", 0.3f}};
  static constexpr Reading long_a[] = {{"a", 0},    {"aa", 0},   {"e", 0.15f}, {"ae", 0.1f},
                                       {"o", 0.6f}, {"i", 0.8f}, {"u", 0.8f}};
  static constexpr Reading waw[] = {{"w", 0},     {"u", 0},  {"ou", 0},   {"oo", 0},  {"o", 0},
                                    {"v", 0.1f},  {"ow", 0}, {"uw", 0},   {"ouw", 0}, {"aw", 0.1f},
                                    {"au", 0.2f}, {"uu", 0}, {"oe", 0.1f}};
  static constexpr Reading yaa[] = {{"y", 0},     {"i", 0},      {"ee", 0},   {"ie", 0},
                                    {"ei", 0.1f}, {"ey", 0.1f},  {"iy", 0},   {"ii", 0},
                                    {"ai", 0.1f}, {"ay", 0.05f}, {"e", 0.2f}, {"j", 0.5f}};
  static constexpr Reading maqsura[] = {{"a", 0},  {"i", 0},  {"y", 0},  {"e", 0.1f},
                                        {"aa", 0}, {"ah", 0}, {"ee", 0}, {"ie", 0}};
  static constexpr Reading final_h[] = {{"h", 0}, {"t", 0.1f}};
  static constexpr Reading ain[] = {
      {"a", 0.05f}, {"e", 0.05f}, {"i", 0.05f}, {"o", 0.05f}, {"u", 0.05f}};
  switch (symbol) {
  case 'b':
    return b;
  case 't':
    return t;
  case '8':
    return th;
  case 'j':
    return j;
  case 'h':
    return h;
  case 'x':
    return kh;
  case 'd':
    return d;
  case '9':
    return dh;
  case 'r':
    return r;
  case 'z':
    return z;
  case 's':
    return s;
  case 'c':
    return sh;
  case 'g':
    return gh;
  case 'f':
    return f;
  case 'q':
    return q;
  case 'k':
    return k;
  case 'l':
    return l;
  case 'm':
    return m;
  case 'n':
    return n;
  case 'E':
    return initial_alef;
  case 'A':
    return long_a;
  case 'W':
    return waw;
  case 'Y':
    return yaa;
  case 'M':
    return maqsura;
  case 'H':
    return final_h;
  case '\'':
    return ain;
  default:
    return {};
  }
}

bool is_latin_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// An Arabic symbol the Latin leaves out.
double omit_cost(char symbol) {
  switch (symbol) {
  case '\'':
  case 'H':
    return 0;
  case 'M':
    return 0.4;
  case 'E':
    return 0.6;
  case 'A':
  case 'W':
  case 'Y':
    return 1.0; // a long vowel the Latin lacks: another name
  default:
    return 1.0;
  }
}

// A Latin letter with no Arabic letter behind it: a short vowel (unwritten in Arabic), a
// doubled consonant (shadda, usually unwritten), or a real difference.
double extra_cost(std::string_view latin, std::size_t i) {
  char c = latin[i];
  if (is_latin_vowel(c))
    // A second vowel (Hussein, Saeed) marks a long vowel the Arabic does not have.
    return i > 0 && is_latin_vowel(latin[i - 1]) && latin[i - 1] != c ? 0.35 : 0.05;
  if (i > 0 && latin[i - 1] == c)
    return 0;
  if (c == 'h')
    return i + 1 == latin.size() ? 0.2 : 0.5;
  if (c == 'y')
    return 0.3;
  if (c == 'w')
    return 0.5;
  return 1.0;
}

double symbol_weight(char s) {
  switch (s) {
  case '\'':
  case 'H':
    return 0;
  case 'E':
  case 'A':
  case 'W':
  case 'Y':
  case 'M':
    return 0.5;
  default:
    return 1.0;
  }
}

// --- same-script comparison -------------------------------------------------------------

// Latin letters -> one symbol per sound: kh x, gh g, sh/ch c, th 8, dh 9, dj j, ph f,
// ck/q k, ou/oo/o u, ee/y i, v w, doubles collapsed.
std::string latin_sounds(std::string_view f) {
  std::string out;
  auto push = [&](char c) {
    if (out.empty() || out.back() != c)
      out += c;
  };
  for (std::size_t i = 0; i < f.size(); ++i) {
    char c = f[i], next = i + 1 < f.size() ? f[i + 1] : 0;
    if (next == 'h') {
      char digraph = 0;
      switch (c) {
      case 'k':
        digraph = 'x';
        break;
      case 'g':
        digraph = 'g';
        break;
      case 's':
      case 'c':
        digraph = 'c';
        break;
      case 't':
        digraph = '8';
        break;
      case 'd':
        digraph = '9';
        break;
      case 'p':
        digraph = 'f';
        break;
      case 'z':
        digraph = 'j';
        break;
      default:
        break;
      }
      if (digraph) {
        push(digraph);
        ++i;
        continue;
      }
    }
    if (c == 'd' && next == 'j') {
      push('j');
      ++i;
      continue;
    }
    if ((c == 'o' && (next == 'u' || next == 'o'))) {
      push('u');
      ++i;
      continue;
    }
    if (c == 'e' && next == 'e') {
      push('i');
      ++i;
      continue;
    }
    switch (c) {
    case 'q':
      push('k');
      break;
    case 'c':
      push(next == 'e' || next == 'i' ? 's' : 'k');
      break;
    case 'o':
      push('u');
      break;
    case 'v':
      push('w');
      break;
    case 'p':
      push('b');
      break;
    case 'y':
      push(is_latin_vowel(next) ? 'y' : 'i');
      break;
    case 'h':
      if (i + 1 < f.size())
        push('h');
      break; // a final h is spelling only
    default:
      push(c);
      break;
    }
  }
  return out;
}

bool is_sound_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'u' || c == 'A' || c == 'E' || c == 'W' ||
         c == 'Y' || c == 'M';
}

double indel_cost(char c) {
  switch (c) {
  case '\'':
    return 0.1;
  case 'H':
    return 0.15;
  case 'h':
    return 0.5;
  case 'a':
  case 'e':
  case 'i':
  case 'u':
    return 0.2;
  case 'E':
  case 'M':
    return 0.35;
  case 'A':
  case 'W':
  case 'Y':
    return 0.6;
  case 'y':
  case 'w':
    return 0.4;
  default:
    return 1.0;
  }
}

double substitute_cost(char x, char y) {
  if (x == y)
    return 0;
  if (x > y)
    std::swap(x, y);
  auto pair = [&](char a, char b) { return (x == a && y == b) || (x == b && y == a); };
  if (is_sound_vowel(x) && is_sound_vowel(y)) {
    if (pair('a', 'e') || pair('e', 'i'))
      return 0.1;
    if (pair('A', 'M') || pair('M', 'Y') || pair('E', 'A'))
      return 0.15;
    return 0.35;
  }
  if (pair('q', 'k'))
    return 0.05;
  if (pair('t', '8') || pair('s', '8'))
    return 0.3;
  if (pair('d', '9') || pair('z', '9'))
    return 0.2;
  if (pair('z', 's'))
    return 0.4;
  if (pair('h', 'x') || pair('k', 'x'))
    return 0.5;
  if (pair('j', 'g'))
    return 0.2;
  if (pair('s', 'c'))
    return 0.6;
  if (pair('w', 'u') || pair('W', 'w') || pair('y', 'i') || pair('Y', 'y'))
    return 0.1;
  if (pair('w', 'f'))
    return 0.3;
  if (pair('H', 'h') || pair('H', 't'))
    return 0.1;
  return 1.0;
}

double sounds_weight(std::string_view s) {
  double w = 0;
  for (char c : s)
    w += c == '\'' || c == 'H' ? 0 : is_sound_vowel(c) ? 0.5 : 1.0;
  return w;
}

double edit_cost(std::string_view a, std::string_view b) {
  std::array<double, max_letters + 1> previous{}, current{};
  std::size_t n = std::min(a.size(), max_letters), m = std::min(b.size(), max_letters);
  previous[0] = 0;
  for (std::size_t j = 1; j <= m; ++j)
    previous[j] = previous[j - 1] + indel_cost(b[j - 1]);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = previous[0] + indel_cost(a[i - 1]);
    for (std::size_t j = 1; j <= m; ++j)
      current[j] =
          std::min({previous[j - 1] + substitute_cost(a[i - 1], b[j - 1]),
                    previous[j] + indel_cost(a[i - 1]), current[j - 1] + indel_cost(b[j - 1])});
    previous = current;
  }
  return previous[m];
}

double same_script_similarity(std::string_view a, std::string_view b) {
  double weight = std::max({2.0, sounds_weight(a), sounds_weight(b)});
  return std::max(0.0, 1.0 - edit_cost(a, b) / weight);
}

} // namespace

double romanisation_cost(std::string_view arabic, std::string_view latin) {
  std::size_t n = std::min(arabic.size(), max_letters), m = std::min(latin.size(), max_letters);
  latin = latin.substr(0, m);
  // cost[i][j]: the first i Arabic symbols read as the first j Latin letters.
  std::array<std::array<double, max_letters + 1>, max_letters + 1> cost;
  for (std::size_t i = 0; i <= n; ++i)
    std::fill(cost[i].begin(), cost[i].begin() + static_cast<std::ptrdiff_t>(m + 1), infinity);
  cost[0][0] = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = 0; j <= m; ++j) {
      double here = cost[i][j];
      if (here == infinity)
        continue;
      if (j < m)
        cost[i][j + 1] = std::min(cost[i][j + 1], here + extra_cost(latin, j));
      if (i < n && j == m) {
        cost[i + 1][j] = std::min(cost[i + 1][j], here + omit_cost(arabic[i]));
      } else if (i < n) {
        cost[i + 1][j] = std::min(cost[i + 1][j], here + omit_cost(arabic[i]));
        for (const Reading& reading : readings(arabic[i])) {
          std::string_view group = reading.latin;
          if (latin[j] == group[0] && latin.substr(j, group.size()) == group) {
            double& next = cost[i + 1][j + group.size()];
            next = std::min(next, here + reading.cost);
          }
        }
      }
    }
  }
  return cost[n][m];
}

namespace {

double cross_script_similarity(std::string_view arabic, std::string_view latin) {
  double weight = 0;
  for (char s : arabic)
    weight += symbol_weight(s);
  weight = std::max(2.0, weight);
  return std::max(0.0, 1.0 - romanisation_cost(arabic, latin) / weight);
}

} // namespace

double part_similarity(const NamePart& a, const NamePart& b, std::string* how) {
  double best = 0;
  std::size_t best_a = 0, best_b = 0;
  for (std::size_t i = 0; i < a.forms.size(); ++i) {
    for (std::size_t j = 0; j < b.forms.size(); ++j) {
      double sim;
      if (a.script == b.script) {
        if (a.forms[i] == b.forms[j])
          sim = 1.0;
        else if (a.script == Script::latin)
          sim = same_script_similarity(latin_sounds(a.forms[i]), latin_sounds(b.forms[j]));
        else
          sim = same_script_similarity(a.forms[i], b.forms[j]);
      } else if (a.script == Script::arabic) {
        sim = cross_script_similarity(a.forms[i], b.forms[j]);
      } else {
        sim = cross_script_similarity(b.forms[j], a.forms[i]);
      }
      // A reading other than the most likely one (a stripped glued article...) costs a little.
      if (i + j > 0)
        sim -= 0.02;
      if (sim > best) {
        best = sim;
        best_a = i;
        best_b = j;
      }
    }
  }
  best = std::clamp(best, 0.0, 1.0);
  if (how) {
    if (a.script != b.script) {
      const std::string& latin = a.script == Script::latin ? a.forms[best_a] : b.forms[best_b];
      *how = "Arabic script read as \"" + latin + "\"";
    } else if (best >= 1.0) {
      *how = "identical";
    } else {
      *how = "spelling variant";
    }
    (void)best_b;
  }
  return best;
}

// --- whole names -------------------------------------------------------------------------

namespace {

constexpr double min_part_similarity = 0.55;
constexpr double substitution_factor = 0.35; // a part facing a different part
constexpr double omission_factor = 0.88;     // a part the other name does not have
constexpr double omitted_given_factor = 0.7; // ...when it is the first (given) name
constexpr double weakest_part_floor = 0.85;  // below this a part drags the name down
constexpr double rotation_factor = 0.92;     // family name first, without a comma or capitals

double match_factor(double similarity) {
  return std::pow(similarity, 1.5);
}

struct Unit {
  std::size_t query_begin, query_size, entry_begin, entry_size;
  double similarity;
};

double gap_factor(std::size_t query_gap, std::size_t entry_gap, bool at_start) {
  std::size_t substitutions = std::min(query_gap, entry_gap);
  std::size_t omissions = std::max(query_gap, entry_gap) - substitutions;
  double factor = std::pow(substitution_factor, static_cast<double>(substitutions));
  if (omissions > 0 && at_start && substitutions == 0) {
    factor *= omitted_given_factor;
    --omissions;
  }
  return factor * std::pow(omission_factor, static_cast<double>(omissions));
}

} // namespace

double score_names(const NameParts& query, const NameParts& entry, Explanation* explanation,
                   SimilarityCache* cache) {
  const auto& q = query.parts;
  const std::size_t n = q.size(), m = entry.parts.size();
  if (n == 0 || m == 0)
    return 0;
  // log(gap_factor) for every gap two names can have (computed once, then read only).
  static const std::array<double, 2 * 17 * 17> log_gaps = [] {
    std::array<double, 2 * 17 * 17> table{};
    for (std::size_t a = 0; a <= 16; ++a)
      for (std::size_t b = 0; b <= 16; ++b)
        for (int start = 0; start < 2; ++start)
          table[(static_cast<std::size_t>(start) * 17 + a) * 17 + b] =
              std::log(gap_factor(a, b, start != 0));
    return table;
  }();
  auto log_gap = [&](std::size_t a, std::size_t b, bool start) {
    return log_gaps[(static_cast<std::size_t>(start) * 17 + a) * 17 + b];
  };
  double best_score = 0;
  std::vector<Unit> best_units;
  std::size_t best_rotation = 0;

  // Similarities are computed once; rotation only changes the entry's index.
  std::vector<double> single(n * m, -1);
  auto sim1 = [&](std::size_t i, std::size_t j) {
    double& s = single[i * m + j];
    if (s < 0) {
      if (cache) {
        std::string key(1, static_cast<char>(i));
        key += entry.parts[j].script == Script::latin ? 'L' : 'A';
        for (const auto& form : entry.parts[j].forms)
          (key += form) += '/';
        auto [it, inserted] = cache->try_emplace(std::move(key), 0.0);
        if (inserted)
          it->second = part_similarity(q[i], entry.parts[j]);
        s = it->second;
      } else {
        s = part_similarity(q[i], entry.parts[j]);
      }
    }
    return s;
  };
  // Two query parts against one entry part, one query part against two entry parts
  // (entry index of the first of the two, in the original order).
  std::vector<double> query_pair(n * m, -2), entry_pair(n * m, -2);
  auto cached = [&](std::string key, auto compute) {
    if (!cache)
      return compute();
    auto [it, inserted] = cache->try_emplace(std::move(key), 0.0);
    if (inserted)
      it->second = compute();
    return it->second;
  };
  auto forms_key = [](char tag, std::size_t i, const NamePart& p) {
    std::string key{tag, static_cast<char>(i), p.script == Script::latin ? 'L' : 'A'};
    for (const auto& form : p.forms)
      (key += form) += '/';
    return key;
  };
  auto sim_query_pair = [&](std::size_t i, std::size_t j) {
    double& s = query_pair[i * m + j];
    if (s < -1)
      s = cached(forms_key('q', i, entry.parts[j]), [&] {
        return part_similarity(join_parts(q[i], q[i + 1]), entry.parts[j]) - 0.03;
      });
    return s;
  };
  auto sim_entry_pair = [&](std::size_t i, std::size_t j) {
    double& s = entry_pair[i * m + j];
    if (s < -1) {
      NamePart joined = join_parts(entry.parts[j], entry.parts[(j + 1) % m]);
      s = cached(forms_key('e', i, joined), [&] { return part_similarity(q[i], joined) - 0.03; });
    }
    return s;
  };

  std::vector<double> value;
  std::vector<Unit> from;
  std::vector<std::size_t> back;
  // Rotations: none, or the family name moved from the front to the back or the other
  // way round; any other order would put given names out of order (Yunis Muhammad Ahmad is
  // not Muhammad Yunis Ahmad).
  for (std::size_t rotation = 0; rotation < m; ++rotation) {
    if (rotation != 0 && rotation != 1 && rotation != m - 1)
      continue;
    auto original = [&](std::size_t j) { return (j + rotation) % m; };
    // value[i][j]: best log-score with the first i query parts and j entry parts used,
    // the last step a match.
    value.assign((n + 1) * (m + 1), -infinity);
    from.resize((n + 1) * (m + 1));
    back.assign((n + 1) * (m + 1), SIZE_MAX);
    value[0] = 0;
    for (std::size_t i = 0; i <= n; ++i) {
      for (std::size_t j = 0; j <= m; ++j) {
        double here = value[i * (m + 1) + j];
        if (here == -infinity)
          continue;
        for (std::size_t i2 = i; i2 < n; ++i2) {
          for (std::size_t j2 = j; j2 < m; ++j2) {
            double gap = log_gap(i2 - i, j2 - j, i == 0 && j == 0);
            for (std::size_t qs = 1; qs <= 2 && i2 + qs <= n; ++qs) {
              for (std::size_t es = 1; es <= 2 && j2 + es <= m; ++es) {
                if (qs == 2 && es == 2)
                  continue;
                double s;
                if (qs == 1 && es == 1) {
                  s = sim1(i2, original(j2));
                } else if (qs == 2) {
                  if (q[i2].script != q[i2 + 1].script ||
                      (sim1(i2, original(j2)) >= 0.9 && sim1(i2 + 1, original(j2)) < 0.9))
                    continue;
                  s = sim_query_pair(i2, original(j2));
                } else {
                  if (entry.parts[original(j2)].script != entry.parts[original(j2 + 1)].script ||
                      j2 + 1 + rotation == m || sim1(i2, original(j2)) >= 0.9)
                    continue;
                  s = sim_entry_pair(i2, original(j2));
                }
                if (s < min_part_similarity)
                  continue;
                double v = here + gap + 1.5 * std::log(s);
                std::size_t to = (i2 + qs) * (m + 1) + (j2 + es);
                if (v > value[to]) {
                  value[to] = v;
                  from[to] = Unit{i2, qs, j2, es, s};
                  back[to] = i * (m + 1) + j;
                }
              }
            }
          }
        }
      }
    }
    // Close with the trailing gap.
    double best_here = -infinity;
    std::size_t best_end = 0;
    for (std::size_t i = 0; i <= n; ++i)
      for (std::size_t j = 0; j <= m; ++j) {
        double here = value[i * (m + 1) + j];
        if (here == -infinity || (i == 0 && j == 0))
          continue;
        double v = here + log_gap(n - i, m - j, false);
        if (v > best_here) {
          best_here = v;
          best_end = i * (m + 1) + j;
        }
      }
    if (best_here == -infinity)
      continue;
    // The alignment was chosen on the product of the similarities; the score is their
    // mean (weighted by the parts each unit covers) times what the gaps cost.
    std::vector<Unit> units;
    for (std::size_t at = best_end; at != 0 && back[at] != SIZE_MAX; at = back[at]) {
      Unit u = from[at];
      u.entry_begin = original(u.entry_begin);
      units.push_back(u);
    }
    std::reverse(units.begin(), units.end());
    double sum = 0, weight = 0, similarity_log = 0;
    for (const Unit& u : units) {
      double w = static_cast<double>(std::max(u.query_size, u.entry_size));
      sum += w * u.similarity;
      weight += w;
      similarity_log += std::log(match_factor(u.similarity));
    }
    double score = (sum / weight) * std::exp(best_here - similarity_log);
    // A name is as good as its weakest part: one part read with a different vowel
    // pattern (Hamid / Ahmad, Omar / Amir) makes another name.
    double weakest = 1;
    for (const Unit& u : units)
      weakest = std::min(weakest, u.similarity);
    score *= std::pow(std::min(1.0, weakest / weakest_part_floor), 3);
    if (rotation != 0 && !query.reordered && !entry.reordered)
      score *= rotation_factor;
    if (score > best_score) {
      best_score = score;
      best_rotation = rotation;
      best_units = std::move(units);
    }
  }

  if (explanation) {
    std::vector<bool> query_used(n), entry_used(m);
    for (const Unit& u : best_units) {
      PartMatch match;
      for (std::size_t k = 0; k < u.query_size; ++k) {
        query_used[u.query_begin + k] = true;
        match.query_part += (k ? " " : "") + q[u.query_begin + k].display;
      }
      for (std::size_t k = 0; k < u.entry_size; ++k) {
        std::size_t j = (u.entry_begin + k) % m;
        entry_used[j] = true;
        match.entry_part += (k ? " " : "") + entry.parts[j].display;
      }
      NamePart qp = q[u.query_begin], ep = entry.parts[u.entry_begin];
      if (u.query_size == 2)
        qp = join_parts(qp, q[u.query_begin + 1]);
      if (u.entry_size == 2)
        ep = join_parts(ep, entry.parts[(u.entry_begin + 1) % m]);
      match.similarity = part_similarity(qp, ep, &match.how);
      if (u.query_size + u.entry_size > 2)
        match.how += " (two words written as one)";
      explanation->parts.push_back(std::move(match));
    }
    for (std::size_t i = 0; i < n; ++i)
      if (!query_used[i])
        explanation->notes.push_back("query part \"" + q[i].display + "\" not matched");
    for (std::size_t j = 0; j < m; ++j)
      if (!entry_used[j])
        explanation->notes.push_back("entry part \"" + entry.parts[j].display + "\" not matched");
    if (best_rotation != 0)
      explanation->notes.push_back("name parts in another order (family name first)");
    if (query.reordered || entry.reordered)
      explanation->notes.push_back(
          "family-name-first form (comma or capitals) put in given-name order");
  }
  return std::clamp(best_score, 0.0, 1.0);
}

} // namespace tansiq::names
