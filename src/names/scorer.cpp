#include "names/scorer.h"

#include "names/latin_key.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdlib>
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
  // The costs above as tables (built once, then read only): this is the inner loop.
  struct Costs {
    std::array<double, 128> indel;
    std::array<std::array<double, 128>, 128> substitute;
  };
  static const Costs costs = [] {
    Costs c{};
    for (int x = 0; x < 128; ++x) {
      c.indel[static_cast<std::size_t>(x)] = indel_cost(static_cast<char>(x));
      for (int y = 0; y < 128; ++y)
        c.substitute[static_cast<std::size_t>(x)][static_cast<std::size_t>(y)] =
            substitute_cost(static_cast<char>(x), static_cast<char>(y));
    }
    return c;
  }();
  auto index = [](char c) { return static_cast<std::size_t>(static_cast<unsigned char>(c) & 127); };
  std::array<double, max_letters + 1> previous{}, current{};
  std::size_t n = std::min(a.size(), max_letters), m = std::min(b.size(), max_letters);
  previous[0] = 0;
  for (std::size_t j = 1; j <= m; ++j)
    previous[j] = previous[j - 1] + costs.indel[index(b[j - 1])];
  for (std::size_t i = 1; i <= n; ++i) {
    const auto& row = costs.substitute[index(a[i - 1])];
    double delete_a = costs.indel[index(a[i - 1])];
    current[0] = previous[0] + delete_a;
    for (std::size_t j = 1; j <= m; ++j)
      current[j] = std::min({previous[j - 1] + row[index(b[j - 1])], previous[j] + delete_a,
                             current[j - 1] + costs.indel[index(b[j - 1])]});
    std::copy_n(current.begin(), m + 1, previous.begin());
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
  // Costs that depend on one side only, worked out once per letter.
  std::array<double, max_letters> extra;
  for (std::size_t j = 0; j < m; ++j)
    extra[j] = extra_cost(latin, j);
  // cost[i][j]: the first i Arabic symbols read as the first j Latin letters.
  std::array<std::array<double, max_letters + 1>, max_letters + 1> cost;
  for (std::size_t i = 0; i <= n; ++i)
    std::fill(cost[i].begin(), cost[i].begin() + static_cast<std::ptrdiff_t>(m + 1), infinity);
  cost[0][0] = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    double omit = i < n ? omit_cost(arabic[i]) : 0;
    std::span<const Reading> options = i < n ? readings(arabic[i]) : std::span<const Reading>{};
    auto& row = cost[i];
    for (std::size_t j = 0; j <= m; ++j) {
      double here = row[j];
      if (here == infinity)
        continue;
      if (j < m)
        row[j + 1] = std::min(row[j + 1], here + extra[j]);
      if (i < n) {
        auto& next_row = cost[i + 1];
        next_row[j] = std::min(next_row[j], here + omit);
        if (j == m)
          continue;
        for (const Reading& reading : options) {
          std::string_view group = reading.latin;
          if (latin[j] == group[0] && group.size() <= m - j &&
              latin.compare(j, group.size(), group) == 0) {
            double& next = next_row[j + group.size()];
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

namespace {

// Skeletons (latin_key.h) of every reading of a part, as the watchlist keeps them: distinct,
// none empty.
std::vector<std::string> skeletons(const NamePart& part) {
  std::vector<std::string> out;
  for (const auto& form : part.forms) {
    std::string key = part.script == Script::latin ? latin_skeleton(form) : arabic_skeleton(form);
    if (!key.empty() && std::find(out.begin(), out.end(), key) == out.end())
      out.push_back(std::move(key));
  }
  return out;
}

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size())
    std::swap(a, b);
  if (b.size() - a.size() > 1)
    return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i])
    ++i;
  // One substitution, or one letter more in b.
  return a.size() == b.size() ? a.substr(i + std::min<std::size_t>(1, a.size() - i)) ==
                                    b.substr(i + std::min<std::size_t>(1, b.size() - i))
                              : a.substr(i) == b.substr(i + 1);
}

// Two words written as one (Akhund Zada / Akhunzada, Dahir Aweys / ظاهرعويس) keep their
// consonants: the joined pair is compared with a part only when their skeletons are at
// most one consonant apart. Every such match seen scored >= 0.84; the rest cost a full
// alignment each and almost never reach min_part_similarity.
bool may_be_joined(const std::vector<std::string>& single, const std::vector<std::string>& joined) {
  for (const auto& a : single)
    for (const auto& b : joined)
      if (within_one_edit(a, b))
        return true;
  return single.empty() || joined.empty();
}

// At most `limit` letter edits between two short strings (skeletons are a few consonants).
bool within_edits(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size())
    std::swap(a, b);
  if (b.size() - a.size() > limit)
    return false;
  if (b.size() > 30)
    return true; // not worth bounding
  if (a == b)
    return true;
  // Letters b has beyond what a can pair with each need an edit: a cheap first test.
  std::uint32_t paired = 0;
  std::size_t common = 0;
  for (char x : a)
    for (std::size_t j = 0; j < b.size(); ++j)
      if (!(paired >> j & 1) && b[j] == x) {
        paired |= 1u << j;
        ++common;
        break;
      }
  if (b.size() - common > limit)
    return false;
  // Two rows of the edit distance, swapped rather than copied; only b.size() + 1 cells are
  // written and read (called for most parts a query meets: no zeroing of unused cells).
  std::array<std::size_t, 32> row_a, row_b;
  std::size_t* previous = row_a.data();
  std::size_t* current = row_b.data();
  for (std::size_t j = 0; j <= b.size(); ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min(
          {previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit)
      return false;
    std::swap(previous, current);
  }
  return previous[b.size()] <= limit;
}

bool within_two_edits(std::string_view a, std::string_view b) {
  return within_edits(a, b, 2);
}

// Two parts whose consonant skeletons are more than two consonants apart are different
// names: not worth an alignment. (One is not enough: Azhar is "jr" against اظہر "dhr".)
// A part without consonants is compared.
bool may_be_same(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty())
    return true;
  for (const auto& x : a)
    for (const auto& y : b)
      if (within_two_edits(x, y))
        return true;
  return false;
}

// A first, cheaper test (no joined part built): a joined pair's skeleton is about as long
// as its two skeletons together.
bool lengths_may_join(const std::vector<std::string>& single, const std::vector<std::string>& left,
                      const std::vector<std::string>& right) {
  for (const auto& s : single)
    for (const auto& l : left)
      for (const auto& r : right) {
        auto joined = static_cast<std::ptrdiff_t>(l.size() + r.size());
        if (std::abs(static_cast<std::ptrdiff_t>(s.size()) - joined) <= 2)
          return true;
      }
  return single.empty() || left.empty() || right.empty();
}

// part_similarity(a, b) when one of them is a joined pair and the skeletons allow it.
double joined_similarity(const NamePart& a, const NamePart& b,
                         const std::vector<std::string>& single_keys,
                         const std::vector<std::string>& joined_keys) {
  return may_be_joined(single_keys, joined_keys) ? part_similarity(a, b) : 0.0;
}

// The alignment of two names. `entry_part(j)` gives the entry's parts; `sims` supplies the
// part similarities (single(i, j), query_pair(i, j): query parts i and i+1 joined against
// entry part j, entry_pair(i, j): query part i against entry parts j and j+1 joined), so
// that a caller scoring one query against many names can cache them.
template <class EntryPart, class Sims>
double align_names(const NameParts& query, std::size_t m, bool entry_reordered,
                   const EntryPart& entry_part, Sims& sims, Explanation* explanation) {
  const auto& q = query.parts;
  const std::size_t n = q.size();
  if (n == 0 || m == 0)
    return 0;
  // Normalised names have at most max_name_words words, hence parts.
  constexpr std::size_t most = max_name_words;
  if (n > most || m > most)
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
  std::array<double, most * most> single, query_pair, entry_pair;
  std::fill_n(single.begin(), n * m, -1.0);
  std::fill_n(query_pair.begin(), n * m, -2.0);
  std::fill_n(entry_pair.begin(), n * m, -2.0);
  auto sim1 = [&](std::size_t i, std::size_t j) {
    double& s = single[i * m + j];
    if (s < 0)
      s = sims.single(i, j);
    return s;
  };
  auto sim_query_pair = [&](std::size_t i, std::size_t j) {
    double& s = query_pair[i * m + j];
    if (s < -1)
      s = sims.query_pair(i, j) - 0.03;
    return s;
  };
  auto sim_entry_pair = [&](std::size_t i, std::size_t j) {
    double& s = entry_pair[i * m + j];
    if (s < -1)
      s = sims.entry_pair(i, j) - 0.03;
    return s;
  };

  constexpr std::size_t cells = (most + 1) * (most + 1);
  std::array<double, cells> value;
  std::array<Unit, cells> from;
  std::array<std::size_t, cells> back;
  std::array<std::array<double, most * most>, 3> unit_sim, unit_log;
  // Not std::pair: its constructor would zero 12 KB on every call (a tenth of a query's
  // instructions); only the first usable_count are ever read.
  struct UsableUnit {
    std::size_t at, kind;
  };
  std::array<UsableUnit, 3 * most * most> usable;
  // Rotations: none, or the family name moved from the front to the back or the other
  // way round; any other order would put given names out of order (Yunis Muhammad Ahmad is
  // not Muhammad Yunis Ahmad).
  for (std::size_t rotation = 0; rotation < m; ++rotation) {
    if (rotation != 0 && rotation != 1 && rotation != m - 1)
      continue;
    auto original = [&](std::size_t j) { return (j + rotation) % m; };
    // Each unit the alignment may use, by rotated position (i2, j2): its similarity and
    // 1.5 log of it (-infinity when not allowed or below min_part_similarity), worked out
    // once rather than for every state that can reach it.
    // Kinds: 0 one part each side, 1 one query part for two entry parts, 2 the reverse.
    for (std::size_t i2 = 0; i2 < n; ++i2)
      for (std::size_t j2 = 0; j2 < m; ++j2) {
        std::size_t at = i2 * m + j2;
        auto set = [&](std::size_t kind, double sim) {
          unit_sim[kind][at] = sim;
          unit_log[kind][at] = sim < min_part_similarity ? -infinity : 1.5 * std::log(sim);
        };
        double s = sim1(i2, original(j2));
        set(0, s);
        unit_log[1][at] = unit_log[2][at] = -infinity;
        if (j2 + 2 <= m && entry_part(original(j2)).script == entry_part(original(j2 + 1)).script &&
            j2 + 1 + rotation != m && s < 0.9)
          set(1, sim_entry_pair(i2, original(j2)));
        if (i2 + 2 <= n && q[i2].script == q[i2 + 1].script &&
            !(s >= 0.9 && sim1(i2 + 1, original(j2)) < 0.9))
          set(2, sim_query_pair(i2, original(j2)));
      }
    // value[i][j]: best log-score with the first i query parts and j entry parts used,
    // the last step a match.
    std::fill_n(value.begin(), (n + 1) * (m + 1), -infinity);
    std::fill_n(back.begin(), (n + 1) * (m + 1), SIZE_MAX);
    value[0] = 0;
    static constexpr std::size_t unit_query[3] = {1, 1, 2}, unit_entry[3] = {1, 2, 1};
    // The usable units in (i2, j2, kind) order: few, as most part pairs are different names.
    std::size_t usable_count = 0;
    for (std::size_t at = 0; at < n * m; ++at)
      for (std::size_t kind = 0; kind < 3; ++kind)
        if (unit_log[kind][at] != -infinity)
          usable[usable_count++] = {at, kind};
    for (std::size_t i = 0; i <= n; ++i) {
      for (std::size_t j = 0; j <= m; ++j) {
        double here = value[i * (m + 1) + j];
        if (here == -infinity)
          continue;
        for (std::size_t k = 0; k < usable_count; ++k) {
          auto [at, kind] = usable[k];
          std::size_t i2 = at / m, j2 = at % m;
          if (i2 < i || j2 < j)
            continue;
          double v = here + log_gap(i2 - i, j2 - j, i == 0 && j == 0) + unit_log[kind][at];
          std::size_t qs = unit_query[kind], es = unit_entry[kind];
          std::size_t to = (i2 + qs) * (m + 1) + (j2 + es);
          if (v > value[to]) {
            value[to] = v;
            from[to] = Unit{i2, qs, j2, es, unit_sim[kind][at]};
            back[to] = i * (m + 1) + j;
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
    std::array<Unit, most> units;
    std::size_t unit_count = 0;
    for (std::size_t at = best_end; at != 0 && back[at] != SIZE_MAX; at = back[at]) {
      Unit u = from[at];
      u.entry_begin = original(u.entry_begin);
      units[unit_count++] = u;
    }
    std::reverse(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(unit_count));
    double sum = 0, weight = 0, similarity_log = 0, weakest = 1;
    for (std::size_t k = 0; k < unit_count; ++k) {
      const Unit& u = units[k];
      double w = static_cast<double>(std::max(u.query_size, u.entry_size));
      sum += w * u.similarity;
      weight += w;
      similarity_log += std::log(match_factor(u.similarity));
      weakest = std::min(weakest, u.similarity);
    }
    double score = (sum / weight) * std::exp(best_here - similarity_log);
    // A name is as good as its weakest part: one part read with a different vowel
    // pattern (Hamid / Ahmad, Omar / Amir) makes another name.
    score *= std::pow(std::min(1.0, weakest / weakest_part_floor), 3);
    if (rotation != 0 && !query.reordered && !entry_reordered)
      score *= rotation_factor;
    if (score > best_score) {
      best_score = score;
      best_rotation = rotation;
      if (explanation)
        best_units.assign(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(unit_count));
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
        match.entry_part += (k ? " " : "") + entry_part(j).display;
      }
      NamePart qp = q[u.query_begin], ep = entry_part(u.entry_begin);
      if (u.query_size == 2)
        qp = join_parts(qp, q[u.query_begin + 1]);
      if (u.entry_size == 2)
        ep = join_parts(ep, entry_part((u.entry_begin + 1) % m));
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
        explanation->notes.push_back("entry part \"" + entry_part(j).display + "\" not matched");
    if (best_rotation != 0)
      explanation->notes.push_back("name parts in another order (family name first)");
    if (query.reordered || entry_reordered)
      explanation->notes.push_back(
          "family-name-first form (comma or capitals) put in given-name order");
  }
  return std::clamp(best_score, 0.0, 1.0);
}

} // namespace

double score_names(const NameParts& query, const NameParts& entry, Explanation* explanation) {
  const auto& q = query.parts;
  const auto& e = entry.parts;
  const std::size_t m = e.size();
  struct Direct {
    const std::vector<NamePart>& q;
    const std::vector<NamePart>& e;
    double single(std::size_t i, std::size_t j) {
      return may_be_same(skeletons(q[i]), skeletons(e[j])) ? part_similarity(q[i], e[j]) : 0.0;
    }
    double query_pair(std::size_t i, std::size_t j) {
      if (!lengths_may_join(skeletons(e[j]), skeletons(q[i]), skeletons(q[i + 1])))
        return 0.0;
      NamePart joined = join_parts(q[i], q[i + 1]);
      return joined_similarity(joined, e[j], skeletons(e[j]), skeletons(joined));
    }
    double entry_pair(std::size_t i, std::size_t j) {
      const NamePart& next = e[(j + 1) % e.size()];
      if (!lengths_may_join(skeletons(q[i]), skeletons(e[j]), skeletons(next)))
        return 0.0;
      NamePart joined = join_parts(e[j], next);
      return joined_similarity(q[i], joined, skeletons(q[i]), skeletons(joined));
    }
  } sims{q, e};
  auto part = [&](std::size_t j) -> const NamePart& { return e[j]; };
  return align_names(query, m, entry.reordered, part, sims, explanation);
}

void SharedSimilarities::prepare(std::size_t values) {
  values = std::min<std::size_t>(values, 1 << 20);
  std::size_t slots = std::bit_ceil(std::max<std::size_t>(64, values * 2));
  slots_ = std::make_unique<Slot[]>(slots);
  mask_ = slots - 1;
  capacity_ = slots / 2;
  size_.store(0, std::memory_order_relaxed);
}

std::size_t SharedSimilarities::slot_index(std::uint64_t key) const {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<std::size_t>(key) & mask_;
}

bool SharedSimilarities::find(std::uint64_t key, double& value) const {
  if (!slots_ || key >= writing - 1)
    return false;
  const std::uint64_t stored = key + 1;
  for (std::size_t probe = 0, at = slot_index(key); probe < max_probes;
       ++probe, at = (at + 1) & mask_) {
    // Acquire: the value was written before the key was published without `writing`.
    std::uint64_t k = slots_[at].key.load(std::memory_order_acquire);
    if (k == 0)
      return false;
    if (k == stored) {
      value = std::bit_cast<double>(slots_[at].value.load(std::memory_order_relaxed));
      return true;
    }
    if (k == (stored | writing))
      return false;
  }
  return false;
}

void SharedSimilarities::insert(std::uint64_t key, double value) const {
  if (!slots_ || key >= writing - 1 || size_.load(std::memory_order_relaxed) >= capacity_)
    return;
  const std::uint64_t stored = key + 1;
  for (std::size_t probe = 0, at = slot_index(key); probe < max_probes;
       ++probe, at = (at + 1) & mask_) {
    std::uint64_t k = slots_[at].key.load(std::memory_order_relaxed);
    if (k == 0 &&
        slots_[at].key.compare_exchange_strong(k, stored | writing, std::memory_order_relaxed)) {
      slots_[at].value.store(std::bit_cast<std::uint64_t>(value), std::memory_order_relaxed);
      slots_[at].key.store(stored, std::memory_order_release);
      size_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if ((k & ~writing) == stored)
      return; // another thread has it
  }
}

// What a query keeps about the table parts and entry-part pairs it meets. Rows are
// handed out in the order parts are met, so one query's rows are contiguous whatever the
// ids; a row is valid only when its part's stamp is the query's generation, so nothing
// is cleared between queries.
struct QueryScratch {
  std::uint32_t generation = 0;
  bool in_use = false;
  std::size_t n = 0; // parts of the current query
  // Table part id -> its row in this query (valid when part_stamp[id] == generation).
  std::vector<std::uint32_t> part_stamp, part_row;
  // Row r: near mask, then single similarities (n) and query-pair similarities (n); a
  // negative similarity is not computed yet.
  std::vector<std::uint32_t> row_mask;
  std::vector<double> row_sims;
  std::size_t rows = 0;
  // Adjacent entry parts (first << 32 | next) -> their row: open addressing, a slot valid
  // when stamped with the generation.
  struct PairSlot {
    std::uint64_t key = 0;
    std::uint32_t stamp = 0, row = 0;
  };
  std::vector<PairSlot> pair_slots;
  std::size_t pairs = 0;
  std::vector<std::uint32_t> pair_mask;
  std::vector<double> pair_sims; // n per row
  // The skeletons of two table parts joined do not depend on the query: kept from one query
  // to the next while the queries screen the same table (`table_token`), bounded. Stored in
  // the slot itself (one cache line read, no pointer to follow): up to two skeletons of up
  // to 22 letters together; longer ones are worked out each time.
  struct JoinedSlot {
    std::uint64_t key = 0;  // key + 1; 0 = empty
    std::uint8_t count = 0; // skeletons stored; too_long: not stored
    std::uint8_t length[2] = {};
    char text[22] = {};
  };
  static constexpr std::uint8_t too_long = 255;
  std::uint64_t table_token = 0;
  std::vector<JoinedSlot> joined_slots;
  std::size_t joined_used = 0;
  std::vector<std::string> joined_overflow; // the skeletons of a pair not stored

  // Whether a query part of the table and a table part may be alike (may_be_same) depends on
  // the two ids only: kept from one query to the next, while the queries screen the same
  // table, in one row of bytes per query part id (0 not known yet, 1 no, 2 yes), as many
  // rows as near_budget allows (the frequent parts, given names, come first).
  static constexpr std::size_t near_budget = std::size_t{16} << 20;
  std::uint64_t near_token = 0;
  std::size_t near_width = 0;
  std::vector<std::uint32_t> near_row_of; // query part id -> row + 1, 0 = none
  std::vector<std::uint8_t> near_rows;
  // The byte for (query part `query_id`, table part `id`), or null when not kept.
  std::uint8_t* near_byte(std::uint64_t token, std::uint32_t query_id, std::uint32_t id,
                          std::size_t width) {
    if (token == 0 || width == 0)
      return nullptr;
    if (token != near_token || width != near_width) {
      near_token = token;
      near_width = width;
      near_row_of.assign(width, 0);
      near_rows.clear();
    }
    if (query_id >= near_row_of.size() || id >= width)
      return nullptr;
    std::uint32_t& row = near_row_of[query_id];
    if (row == 0) {
      if (near_rows.size() + width > near_budget)
        return nullptr;
      near_rows.resize(near_rows.size() + width, 0);
      row = static_cast<std::uint32_t>(near_rows.size() / width);
    }
    return &near_rows[(row - 1) * width + id];
  }

  // Whether query part skeletons `single` may be parts `first` and `next` written as one
  // (may_be_joined with their joined skeletons).
  bool may_be_joined_pair(std::uint64_t token, const std::vector<std::string>& single,
                          std::uint32_t first, std::uint32_t next, std::span<const NamePart> table);
  const JoinedSlot& joined_slot(std::uint64_t token, std::uint32_t first, std::uint32_t next,
                                std::span<const NamePart> table);

  void start(std::size_t parts) {
    if (++generation == 0) { // after 2^32 queries: forget every stamp once
      std::fill(part_stamp.begin(), part_stamp.end(), 0);
      for (auto& slot : pair_slots)
        slot.stamp = 0;
      generation = 1;
    }
    n = parts;
    rows = 0;
    pairs = 0;
  }
  std::uint32_t new_row(std::uint32_t mask) {
    if (rows == row_mask.size()) {
      row_mask.resize(std::max<std::size_t>(64, rows * 2));
      row_sims.resize(row_mask.size() * 2 * max_name_words);
    }
    row_mask[rows] = mask;
    std::fill_n(row_sims.begin() + static_cast<std::ptrdiff_t>(rows * 2 * n), 2 * n, -1.0);
    return static_cast<std::uint32_t>(rows++);
  }
  static std::size_t slot_of(std::uint64_t key, std::size_t mask) {
    key ^= key >> 31;
    key *= 0x9e3779b97f4a7c15ULL;
    return static_cast<std::size_t>(key ^ (key >> 29)) & mask;
  }
  // The row of a pair, or a new one (`is_new`).
  std::uint32_t find_pair(std::uint64_t key, bool& is_new) {
    if ((pairs + 1) * 2 > pair_slots.size())
      grow_pairs();
    std::size_t mask = pair_slots.size() - 1;
    for (std::size_t at = slot_of(key, mask);; at = (at + 1) & mask) {
      PairSlot& slot = pair_slots[at];
      if (slot.stamp != generation) {
        is_new = true;
        if (pairs == pair_mask.size()) {
          pair_mask.resize(std::max<std::size_t>(64, pairs * 2));
          pair_sims.resize(pair_mask.size() * max_name_words);
        }
        slot = {key, generation, static_cast<std::uint32_t>(pairs)};
        std::fill_n(pair_sims.begin() + static_cast<std::ptrdiff_t>(pairs * n), n, -1.0);
        return static_cast<std::uint32_t>(pairs++);
      }
      if (slot.key == key) {
        is_new = false;
        return slot.row;
      }
    }
  }
  void grow_pairs() {
    std::vector<PairSlot> old(std::max<std::size_t>(256, pair_slots.size() * 2));
    old.swap(pair_slots);
    std::size_t mask = pair_slots.size() - 1;
    for (const PairSlot& slot : old)
      if (slot.stamp == generation) {
        std::size_t at = slot_of(slot.key, mask);
        while (pair_slots[at].stamp == generation)
          at = (at + 1) & mask;
        pair_slots[at] = slot;
      }
  }
};

const QueryScratch::JoinedSlot& QueryScratch::joined_slot(std::uint64_t token, std::uint32_t first,
                                                          std::uint32_t next,
                                                          std::span<const NamePart> table) {
  constexpr std::size_t most = std::size_t{1} << 18; // pairs kept (20 MB); then start again
  if (token != table_token || joined_slots.empty() || joined_used >= most) {
    table_token = token;
    joined_slots.assign(1024, JoinedSlot{});
    joined_used = 0;
  }
  if ((joined_used + 1) * 2 > joined_slots.size()) {
    std::vector<JoinedSlot> old(joined_slots.size() * 2);
    old.swap(joined_slots);
    std::size_t mask = joined_slots.size() - 1;
    for (const JoinedSlot& slot : old)
      if (slot.key != 0) {
        std::size_t at = slot_of(slot.key - 1, mask);
        while (joined_slots[at].key != 0)
          at = (at + 1) & mask;
        joined_slots[at] = slot;
      }
  }
  const std::uint64_t key = static_cast<std::uint64_t>(first) << 32 | next;
  std::size_t mask = joined_slots.size() - 1;
  std::size_t at = slot_of(key, mask);
  for (; joined_slots[at].key != 0; at = (at + 1) & mask)
    if (joined_slots[at].key == key + 1)
      return joined_slots[at];
  JoinedSlot& slot = joined_slots[at];
  slot.key = key + 1;
  ++joined_used;
  auto keys = skeletons(join_parts(table[first], table[next]));
  std::size_t total = 0;
  for (const auto& k : keys)
    total += k.size();
  if (keys.size() > 2 || total > sizeof slot.text) {
    slot.count = too_long;
    return slot;
  }
  slot.count = static_cast<std::uint8_t>(keys.size());
  std::size_t offset = 0;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    slot.length[k] = static_cast<std::uint8_t>(keys[k].size());
    std::copy(keys[k].begin(), keys[k].end(), slot.text + offset);
    offset += keys[k].size();
  }
  return slot;
}

bool QueryScratch::may_be_joined_pair(std::uint64_t token, const std::vector<std::string>& single,
                                      std::uint32_t first, std::uint32_t next,
                                      std::span<const NamePart> table) {
  if (token == 0) // a table that is not kept: nothing remembered
    return may_be_joined(single, skeletons(join_parts(table[first], table[next])));
  const JoinedSlot& slot = joined_slot(token, first, next, table);
  if (slot.count == too_long)
    return may_be_joined(single, skeletons(join_parts(table[first], table[next])));
  // may_be_joined, on the stored skeletons.
  if (single.empty() || slot.count == 0)
    return true;
  std::size_t offset = 0;
  for (std::size_t k = 0; k < slot.count; ++k) {
    std::string_view joined(slot.text + offset, slot.length[k]);
    offset += slot.length[k];
    for (const auto& a : single)
      if (within_one_edit(a, joined))
        return true;
  }
  return false;
}

namespace {
thread_local QueryScratch thread_scratch;
std::atomic<std::uint64_t> last_table_token{0};
} // namespace

std::uint64_t QueryScorer::new_table_token() {
  return last_table_token.fetch_add(1, std::memory_order_relaxed) + 1;
}

QueryScorer::QueryScorer(const NameParts& query, std::vector<std::uint32_t> query_ids,
                         const SharedSimilarities* shared, std::uint64_t table_token)
    : query_(query), query_ids_(std::move(query_ids)), shared_(shared), table_token_(table_token) {
  if (query_ids_.size() != query_.parts.size())
    shared_ = nullptr;
  const auto& q = query_.parts;
  for (const auto& part : q)
    keys_.push_back(skeletons(part));
  for (std::size_t i = 0; i + 1 < q.size(); ++i) {
    joined_.push_back(q[i].script == q[i + 1].script ? join_parts(q[i], q[i + 1]) : NamePart{});
    joined_keys_.push_back(skeletons(joined_.back()));
  }
  // Two scorers alive on one thread at once: the second has its own scratch.
  if (thread_scratch.in_use) {
    owned_ = std::make_unique<QueryScratch>();
    scratch_ = owned_.get();
  } else {
    scratch_ = &thread_scratch;
    scratch_->in_use = true;
  }
  scratch_->start(std::min(q.size(), max_name_words));
}

QueryScorer::~QueryScorer() {
  if (!owned_)
    scratch_->in_use = false;
}

std::uint32_t QueryScorer::part_row(std::uint32_t id,
                                    std::span<const std::vector<std::string>> table_keys) {
  QueryScratch& s = *scratch_;
  if (id >= s.part_stamp.size()) {
    std::size_t size = std::max<std::size_t>(table_keys.size(), std::size_t{id} + 1);
    s.part_stamp.resize(size, 0);
    s.part_row.resize(size, 0);
  }
  if (s.part_stamp[id] == s.generation)
    return s.part_row[id];
  const auto& keys = table_keys[id];
  const std::size_t n = s.n;
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint8_t* known = s.near_byte(table_token_, query_id(i), id, table_keys.size());
    if (known && *known == 0)
      *known = may_be_same(keys_[i], keys) ? 2 : 1;
    if (known ? *known == 2 : may_be_same(keys_[i], keys))
      mask |= 1u << i;
    // Two query parts as this one: the tests query_pair_similarity makes before aligning.
    if (i + 1 < n && lengths_may_join(keys, keys_[i], keys_[i + 1]) &&
        may_be_joined(keys, joined_keys_[i]))
      mask |= 1u << (16 + i);
  }
  s.part_stamp[id] = s.generation;
  return s.part_row[id] = s.new_row(mask);
}

std::uint32_t QueryScorer::near_mask(std::uint32_t id,
                                     std::span<const std::vector<std::string>> table_keys) {
  return scratch_->row_mask[part_row(id, table_keys)];
}

std::uint32_t QueryScorer::pair_row(std::uint32_t first, std::uint32_t next,
                                    std::span<const NamePart> table,
                                    std::span<const std::vector<std::string>> table_keys) {
  QueryScratch& s = *scratch_;
  bool is_new = false;
  std::uint32_t row = s.find_pair(static_cast<std::uint64_t>(first) << 32 | next, is_new);
  if (is_new) {
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < s.n; ++i)
      if (lengths_may_join(keys_[i], table_keys[first], table_keys[next]))
        mask |= 1u << i;
    // The joined skeletons only when the lengths allow a join (most pairs do not).
    for (std::size_t i = 0; i < s.n; ++i)
      if ((mask >> i & 1) && !s.may_be_joined_pair(table_token_, keys_[i], first, next, table))
        mask &= ~(1u << i);
    s.pair_mask[row] = mask;
  }
  return row;
}

std::uint32_t QueryScorer::entry_join_mask(std::uint32_t first, std::uint32_t next,
                                           std::span<const NamePart> table,
                                           std::span<const std::vector<std::string>> table_keys) {
  return scratch_->pair_mask[pair_row(first, next, table, table_keys)];
}

double QueryScorer::single_similarity(std::size_t i, std::uint32_t id,
                                      std::span<const NamePart> table,
                                      std::span<const std::vector<std::string>> table_keys) {
  if (i >= scratch_->n) // beyond max_name_words: not cached
    return may_be_same(keys_[i], table_keys[id]) ? part_similarity(query_.parts[i], table[id])
                                                 : 0.0;
  std::uint32_t row = part_row(id, table_keys);
  if ((scratch_->row_mask[row] >> i & 1) == 0)
    return 0.0; // skeletons too far apart: not compared
  double& value = scratch_->row_sims[row * 2 * scratch_->n + i];
  if (value < 0)
    value = shared_value(shared_key(0, query_id(i), id, 0),
                         [&] { return part_similarity(query_.parts[i], table[id]); });
  return value;
}

double QueryScorer::query_pair_similarity(std::size_t i, std::uint32_t id,
                                          std::span<const NamePart> table,
                                          std::span<const std::vector<std::string>> table_keys) {
  if (i + 1 >= scratch_->n) // beyond max_name_words: not cached
    return lengths_may_join(table_keys[id], keys_[i], keys_[i + 1])
               ? joined_similarity(joined_[i], table[id], table_keys[id], joined_keys_[i])
               : 0.0;
  std::uint32_t row = part_row(id, table_keys);
  if ((scratch_->row_mask[row] >> (16 + i) & 1) == 0)
    return 0.0; // lengths_may_join or may_be_joined said no
  double& value = scratch_->row_sims[row * 2 * scratch_->n + scratch_->n + i];
  if (value < 0)
    value = shared_value(shared_key(2, query_id(i), query_id(i + 1), id),
                         [&] { return part_similarity(joined_[i], table[id]); });
  return value;
}

double QueryScorer::entry_pair_similarity(std::size_t i, std::uint32_t first, std::uint32_t next,
                                          std::span<const NamePart> table,
                                          std::span<const std::vector<std::string>> table_keys) {
  if (i >= scratch_->n) { // beyond max_name_words: not cached
    if (!lengths_may_join(keys_[i], table_keys[first], table_keys[next]))
      return 0.0;
    NamePart joined = join_parts(table[first], table[next]);
    return joined_similarity(query_.parts[i], joined, keys_[i], skeletons(joined));
  }
  std::uint32_t row = pair_row(first, next, table, table_keys);
  if ((scratch_->pair_mask[row] >> i & 1) == 0)
    return 0.0; // lengths_may_join or may_be_joined said no
  double& value = scratch_->pair_sims[row * scratch_->n + i];
  // Shared across queries: joining the entry's parts and comparing is the costliest
  // similarity a query asks for, and queries repeat the same parts.
  if (value < 0)
    value = shared_value(shared_key(1, query_id(i), first, next), [&] {
      return part_similarity(query_.parts[i], join_parts(table[first], table[next]));
    });
  return value;
}

std::uint64_t QueryScorer::shared_key(std::uint64_t kind, std::uint32_t a, std::uint32_t b,
                                      std::uint32_t c) const {
  if (!shared_)
    return no_shared_key;
  if (kind == 0) // two ids of 30 bits
    return a < (1u << 30) && b < (1u << 30) ? kind << 60 | static_cast<std::uint64_t>(a) << 30 | b
                                            : no_shared_key;
  if (a >= (1u << 20) || b >= (1u << 20) || c >= (1u << 20)) // three ids of 20 bits
    return no_shared_key;
  return kind << 60 | static_cast<std::uint64_t>(a) << 40 | static_cast<std::uint64_t>(b) << 20 | c;
}

std::uint32_t QueryScorer::query_id(std::size_t i) const {
  return shared_ && i < query_ids_.size() ? query_ids_[i] : no_id;
}

double QueryScorer::coarse_estimate(std::span<const std::uint32_t> parts,
                                    std::span<const NamePart> table,
                                    std::span<const std::vector<std::string>> table_keys) {
  const std::size_t n = query_.parts.size(), m = parts.size();
  if (n == 0 || m == 0 || n > 16 || m > 16)
    return 1.0;
  std::uint32_t query_near = 0, entry_near = 0;
  for (std::size_t j = 0; j < m; ++j) {
    const std::uint32_t near = near_mask(parts[j], table_keys);
    for (std::size_t i = 0; i < n; ++i) {
      if (near >> i & 1) {
        query_near |= 1u << i;
        entry_near |= 1u << j;
      }
      if (near >> (16 + i) & 1) {
        query_near |= 3u << i;
        entry_near |= 1u << j;
      }
    }
  }
  // Query parts that entry parts j and j+1 together may stand for (cached per pair): only
  // looked at when they could change the count (joining two parts costs more than the
  // rest of the estimate).
  for (std::size_t j = 0; j + 1 < m; ++j) {
    if ((entry_near >> j & 3u) == 3u) {
      // Both entry parts are near something: the pair matters only for query parts not
      // near anything yet whose lengths allow the join.
      bool may_add = false;
      for (std::size_t i = 0; i < n && !may_add; ++i)
        may_add = (query_near >> i & 1) == 0 &&
                  lengths_may_join(keys_[i], table_keys[parts[j]], table_keys[parts[j + 1]]);
      if (!may_add)
        continue;
    }
    std::uint32_t joins = entry_join_mask(parts[j], parts[j + 1], table, table_keys);
    if (joins != 0) {
      query_near |= joins;
      entry_near |= 3u << j;
    }
  }
  int missing =
      std::popcount(~query_near & ((1u << n) - 1)) + std::popcount(~entry_near & ((1u << m) - 1));
  double estimate = 1.0; // omission_factor^missing, without pow() on every candidate
  for (int k = 0; k < missing; ++k)
    estimate *= omission_factor;
  return estimate;
}

double QueryScorer::estimate(std::span<const std::uint32_t> parts, std::span<const NamePart> table,
                             std::span<const std::vector<std::string>> table_keys) {
  const std::size_t n = query_.parts.size(), m = parts.size();
  if (n == 0 || m == 0 || n > 16 || m > 16)
    return 1.0;
  // The best similarity each part could have in a unit of the alignment (0: it can only be
  // missing), from the similarities the scorer would use (cached for it).
  std::array<double, 16> query_best{}, entry_best{};
  const auto& q = query_.parts;
  auto usable = [](double sim) { return sim >= min_part_similarity ? sim : 0.0; };
  for (std::size_t j = 0; j < m; ++j) {
    // The masks say which similarities can be above 0 (n <= 16 here): the others are not
    // looked up at all, one mask look-up per entry part instead of one per pair of parts.
    const std::uint32_t near = near_mask(parts[j], table_keys);
    for (std::size_t i = 0; i < n; ++i) {
      if ((near >> i & 1) != 0) {
        double sim = usable(single_similarity(i, parts[j], table, table_keys));
        query_best[i] = std::max(query_best[i], sim);
        entry_best[j] = std::max(entry_best[j], sim);
      }
      if ((near >> (16 + i) & 1) != 0 && q[i].script == q[i + 1].script) {
        // Two query parts written as one entry part (as the scorer, less 0.03).
        double joined = usable(query_pair_similarity(i, parts[j], table, table_keys) - 0.03);
        query_best[i] = std::max(query_best[i], joined);
        query_best[i + 1] = std::max(query_best[i + 1], joined);
        entry_best[j] = std::max(entry_best[j], joined);
      }
    }
  }
  // Two entry parts written as one query part (less 0.03, so at most 0.97): looked at only
  // when that could raise a best similarity, since joining two parts costs more than the
  // rest of the estimate. (A name that matches part for part skips them all.)
  constexpr double joined_at_most = 1.0 - 0.03;
  for (std::size_t j = 0; j + 1 < m; ++j) {
    if (table[parts[j]].script != table[parts[j + 1]].script)
      continue;
    const auto& left = table_keys[parts[j]];
    const auto& right = table_keys[parts[j + 1]];
    bool may_raise = entry_best[j] < joined_at_most || entry_best[j + 1] < joined_at_most;
    for (std::size_t i = 0; i < n && !may_raise; ++i)
      may_raise = query_best[i] < joined_at_most && lengths_may_join(keys_[i], left, right);
    if (!may_raise)
      continue;
    const std::uint32_t joins = entry_join_mask(parts[j], parts[j + 1], table, table_keys);
    for (std::size_t i = 0; i < n; ++i)
      if ((joins >> i & 1) != 0) {
        double joined =
            usable(entry_pair_similarity(i, parts[j], parts[j + 1], table, table_keys) - 0.03);
        query_best[i] = std::max(query_best[i], joined);
        entry_best[j] = std::max(entry_best[j], joined);
        entry_best[j + 1] = std::max(entry_best[j + 1], joined);
      }
  }
  // score <= mean similarity x 0.88 per unmatched part x (weakest / 0.85)^3: the best of
  // leaving out the k weakest parts.
  std::array<double, 32> best;
  std::copy_n(query_best.begin(), n, best.begin());
  std::copy_n(entry_best.begin(), m, best.begin() + static_cast<std::ptrdiff_t>(n));
  std::size_t count = n + m;
  std::sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(count));
  double strongest = best[count - 1], result = 0, missing = 1;
  for (std::size_t k = 0; k < count; ++k, missing *= omission_factor) {
    if (best[k] < min_part_similarity)
      continue;
    double ratio = std::min(1.0, best[k] / weakest_part_floor);
    double weakest = ratio * ratio * ratio;
    result = std::max(result, missing * weakest * strongest);
  }
  return result;
}

double QueryScorer::score(std::span<const std::uint32_t> parts, bool reordered,
                          std::span<const NamePart> table,
                          std::span<const std::vector<std::string>> table_keys,
                          Explanation* explanation) {
  const std::size_t m = parts.size();
  struct Cached {
    QueryScorer& self;
    std::span<const std::uint32_t> parts;
    std::span<const NamePart> table;
    std::span<const std::vector<std::string>> table_keys;
    double single(std::size_t i, std::size_t j) {
      return self.single_similarity(i, parts[j], table, table_keys);
    }
    double query_pair(std::size_t i, std::size_t j) {
      return self.query_pair_similarity(i, parts[j], table, table_keys);
    }
    double entry_pair(std::size_t i, std::size_t j) {
      return self.entry_pair_similarity(i, parts[j], parts[(j + 1) % parts.size()], table,
                                        table_keys);
    }
  } sims{*this, parts, table, table_keys};
  auto part = [&](std::size_t j) -> const NamePart& { return table[parts[j]]; };
  return align_names(query_, m, reordered, part, sims, explanation);
}

} // namespace tansiq::names
