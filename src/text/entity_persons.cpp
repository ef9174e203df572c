// Person rules for Arabic script: the shape of a name (given names, particles, family name),
// titles and roles before it, later mentions of the family name.
#include "text/entity_finder.h"

#include <algorithm>
#include <map>

namespace tansiq::text::entity_rules {

bool Finder::given_name_at(std::size_t i, std::size_t& words, uint32_t& prefix,
                           bool& ambiguous) const {
  std::size_t last = 0;
  std::vector<uint32_t> records;
  if (!match_at(i, last, prefix, records))
    return false;
  bool given = false;
  ambiguous = false;
  for (uint32_t r : records) {
    const EntityRecord& rec = kb_.record(r);
    if (rec.type == EntityType::given_name) {
      given = true;
      if (rec.subtype == "ambiguous")
        ambiguous = true;
    }
  }
  words = last - i;
  return given;
}

bool Finder::name_like(std::size_t k) const {
  if (k >= t_.size() || used_[k] || t_[k].kind != TokenKind::word || !t_[k].arabic)
    return false;
  std::string_view n = t_[k].norm;
  if (stopwords().count(n) || titles().count(n) || role_heads().count(n) || n == "ملك" ||
      is_nationality_word(n) || generic_complements().count(n) || n == "اول" ||
      ordinal_words().count(n))
    return false;
  // «ووزير», «وللرئيس»: a role or title behind a conjunction or preposition.
  for (const CliticReading& r : readings(k))
    if (r.prefix_bytes && (role_heads().count(r.form) || titles().count(r.form)))
      return false;
  if (n.size() < 4)
    return false;
  std::size_t words;
  uint32_t prefix;
  bool ambiguous;
  (void)words;
  (void)prefix;
  (void)ambiguous;
  return true;
}

void Finder::add_person(std::size_t first, std::size_t last, uint32_t prefix, const char* rule) {
  Candidate c;
  c.first = first;
  c.last = last;
  c.prefix = prefix;
  c.type = EntityType::person;
  c.rule = rule;
  add(std::move(c));
}

// A title before token i, possibly through modifiers («المتهم الثاني», «النائب العام»,
// «الرئيس الموريتاني»).
bool Finder::titled_before(std::size_t i) const {
  for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
    const Token& p = t_[i - back];
    if (p.kind != TokenKind::word)
      return false;
    if (titles().count(p.norm))
      return true;
    bool clitic_title = false;
    for (const CliticReading& r : readings(i - back))
      clitic_title = clitic_title || (r.prefix_bytes && titles().count(r.form));
    if (clitic_title)
      return true;
    // «وزير الداخلية أنس خطاب», «رئيس الحكومة …»: a role noun and its definite complement.
    // («الناطق الرسمي باسم …»: an adjective, not a complement, so «باسم» is a preposition.)
    if (back >= 2 && is_al(t_[i - 1].norm) && !generic_complements().count(t_[i - 1].norm)) {
      bool role = false;
      for (const CliticReading& r : readings(i - back))
        role = role || role_heads().count(r.form) > 0;
      if (role)
        return true;
    }
    if (!title_modifiers().count(p.norm) && !is_nationality_word(p.norm) && !is_al(p.norm))
      return false;
  }
  return false;
}

bool Finder::given_at(std::size_t k, std::size_t& words) const {
  if (k >= t_.size() || used_[k] || t_[k].kind != TokenKind::word || !t_[k].arabic ||
      stopwords().count(t_[k].norm))
    return false;
  // «عبد» + a definite word is a compound given name even when the list lacks it.
  if (t_[k].norm == "عبد" && k + 1 < t_.size() && is_al(t_[k + 1].norm) && !used_[k + 1]) {
    words = 2;
    return true;
  }
  uint32_t prefix;
  bool ambiguous;
  return given_name_at(k, words, prefix, ambiguous) && prefix == 0;
}

// The rest of a name from token f (after its first given name): particles with their
// word, middle (father's, grandfather's) given names, then one family name. At most
// `room` more words. Returns the end token.
std::size_t Finder::name_rest(std::size_t f, std::size_t room) const {
  std::size_t start = f;
  // A name does not cross a sentence or a line («كتب: محمد عبد الحميد» / next line).
  uint32_t sentence = f > 0 ? t_[f - 1].sentence : 0;
  while (f < t_.size() && f - start < room && t_[f].sentence == sentence && !t_[f].line_start) {
    if (name_particles().count(t_[f].norm) && !used_[f]) {
      std::size_t w = 0;
      if (given_at(f + 1, w)) {
        f += 1 + w;
        continue;
      }
      if (name_like(f + 1)) {
        f += 2;
        continue;
      }
      break;
    }
    std::size_t w = 0;
    if (given_at(f, w)) {
      std::size_t after = f + w;
      // A given name in the middle needs a name after it; else it is the family name.
      if (after < t_.size() &&
          (name_like(after) || name_particles().count(t_[after].norm) || given_at(after, w))) {
        f = after;
        continue;
      }
      return after;
    }
    if (name_like(f)) {
      // Somali and Sahel names chain given names after the father's name («عبد الرحمن معلم
      // عثمان»): an unambiguous given name right after it is the grandfather's.
      std::size_t g = 0, words = 0;
      uint32_t prefix = 0;
      bool ambiguous = true;
      if (!is_al(t_[f].norm) && f + 1 - start < room && f + 1 < t_.size() &&
          t_[f + 1].sentence == sentence && !t_[f + 1].line_start && given_at(f + 1, g) &&
          given_name_at(f + 1, words, prefix, ambiguous) && !ambiguous)
        return f + 1 + g;
      return f + 1;
    }
    break;
  }
  return f;
}

void Finder::person_rules() {
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (used_[i] || t_[i].kind != TokenKind::word || !t_[i].arabic)
      continue;
    std::size_t words = 0;
    uint32_t prefix = 0;
    bool ambiguous = false;
    bool titled = titled_before(i);
    bool given = given_name_at(i, words, prefix, ambiguous);
    if (!given && prefix == 0 && t_[i].norm == "عبد" && i + 1 < t_.size() &&
        is_al(t_[i + 1].norm) && !used_[i + 1])
      given = true, words = 2, ambiguous = false;
    // An ambiguous given name followed by a father's given name and a family name is a
    // full name («حمزة يوسف الدكالي»); alone it needs a title.
    std::size_t middle = 0;
    uint32_t middle_prefix = 0;
    bool middle_ambiguous = true;
    bool full_name = given && ambiguous && !titled && prefix == 0 && given_at(i + words, middle) &&
                     given_name_at(i + words, middle, middle_prefix, middle_ambiguous) &&
                     !middle_ambiguous && name_rest(i + words, 6) > i + words + middle;
    if (given && (!ambiguous || titled || full_name)) {
      std::size_t f = i + words;
      std::size_t last = name_rest(f, 6);
      if (last == f) {
        // A given name alone before a role: «فليب ملك بلجيكا», «ماكرون رئيس ...».
        static const std::unordered_set<std::string_view> roles = {"ملك",  "ملكه", "رئيس",
                                                                   "وزير", "امير", "ولي"};
        if (!ambiguous && f < t_.size() && roles.count(t_[f].norm))
          add_person(i, f, prefix, "given-name-role");
        continue;
      }
      add_person(i, last, prefix, "given-name");
      i = last - 1;
      continue;
    }
    // A name not in the list needs its title right before it («المدعو», «العقيد») or
    // through an ordinal («المتهم الثاني»); through «العام» or a nationality it is too
    // often a noun phrase («النائب العام تسليط عقوبة ...»).
    bool close_title = i > 0 && t_[i - 1].kind == TokenKind::word &&
                       (titles().count(t_[i - 1].norm) ||
                        (i > 1 && t_[i - 1].norm == "اول" && titles().count(t_[i - 2].norm)) ||
                        (i > 1 && ordinal_words().count(t_[i - 1].norm) &&
                         (t_[i - 2].norm == "المتهم" || t_[i - 2].norm == "المتهمه" ||
                          t_[i - 2].norm == "المشتبه")));
    if (close_title && name_like(i) && !is_al(t_[i].norm) &&
        (name_like(i + 1) || name_particles().count(t_[i + 1].norm))) {
      // Title + name words: the name ends after a family name with the article or after
      // three words («المتهم الثاني قصي جهاد الزيود»).
      std::size_t last = i + 1;
      while (last < t_.size() && last < i + 4) {
        if (name_particles().count(t_[last].norm) && name_like(last + 1)) {
          last += 2;
          continue;
        }
        if (!name_like(last))
          break;
        ++last;
        if (is_al(t_[last - 1].norm))
          break;
      }
      if (last >= i + 2) {
        add_person(i, last, 0, "title");
        i = last - 1;
        continue;
      }
    }
  }
  // Role phrase, comma, name: «الناطق الرسمي باسم ...، خليفة الشيباني»
  for (std::size_t i = 0; i < t_.size(); ++i) {
    bool role = false;
    if (t_[i].kind == TokenKind::word)
      for (const CliticReading& r : readings(i))
        role = role || role_heads().count(r.form) > 0;
    if (!role)
      continue;
    std::size_t k = i + 1;
    while (k < t_.size() && k < i + 14 && !(t_[k].kind == TokenKind::punct) &&
           t_[k].sentence == t_[i].sentence)
      ++k;
    if (k >= t_.size() || t_[k].norm != ",")
      continue;
    std::size_t a = k + 1;
    if (a >= t_.size() || used_[a])
      continue;
    // The name: two to four words ending at punctuation or a function word
    // («..، خليفة الشيباني خلال ندوة», «زعيم الخلية، عبد الباقي القماطي، وهو»).
    std::size_t w = 0;
    std::size_t first_end =
        given_at(a, w) ? a + w : (name_like(a) && !is_al(t_[a].norm) ? a + 1 : a);
    if (first_end == a)
      continue;
    std::size_t last = name_rest(first_end, 3);
    if (last < a + 2)
      continue;
    if (last < t_.size() && t_[last].kind != TokenKind::punct && !stopwords().count(t_[last].norm))
      continue;
    if (!free_range(a, last))
      continue;
    add_person(a, last, 0, "role-comma");
  }
  latin_persons();
}

// Later mentions of a found person's family name («الحافيظي», «عيارة»).
void Finder::family_mentions() {
  std::map<std::string, std::size_t> family; // family name -> candidate index
  for (std::size_t c = 0; c < candidates_.size(); ++c) {
    const Candidate& cand = candidates_[c];
    if (cand.type != EntityType::person || cand.last - cand.first < 2)
      continue;
    family.emplace(t_[cand.last - 1].norm, c);
  }
  if (family.empty())
    return;
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (used_[i] || t_[i].kind != TokenKind::word)
      continue;
    for (const CliticReading& r : readings(i)) {
      auto it = family.find(r.form);
      if (it == family.end())
        continue;
      Candidate c = candidates_[it->second];
      c.first = i;
      c.last = i + 1;
      c.prefix = r.prefix_bytes;
      c.rule = "family-name";
      c.id = c.id.empty() ? "#" + std::to_string(it->second) : c.id;
      add(std::move(c));
      break;
    }
  }
}

} // namespace tansiq::text::entity_rules
