// Organisation rules for Arabic script: head noun + complements, quoted group names.
#include "text/entity_finder.h"

#include <algorithm>

namespace tansiq::text::entity_rules {

bool Finder::quoted_group_at(std::size_t i) {
  static const std::unordered_set<std::string_view> kinds = {"حركه", "كتيبه", "جماعه", "تنظيم",
                                                             "جبهه", "سرايا", "لواء",  "كتائب"};
  std::string_view kind;
  uint32_t prefix = 0;
  for (const CliticReading& r : readings(i))
    if (kinds.count(r.form)) {
      kind = r.form;
      prefix = r.prefix_bytes;
      break;
    }
  if (kind.empty())
    return false;
  std::size_t q = i + 1;
  auto is_quote = [&](std::size_t k) {
    return k < t_.size() && t_[k].kind == TokenKind::punct &&
           (t_[k].norm == "\"" || t_[k].norm == "«" || t_[k].norm == "»" || t_[k].norm == "“" ||
            t_[k].norm == "”");
  };
  if (!is_quote(q))
    return false;
  std::size_t e = q + 1;
  while (e < t_.size() && e < q + 5 && t_[e].kind == TokenKind::word)
    ++e;
  if (e == q + 1 || !is_quote(e) || !free_range(i, e + 1))
    return false;
  Candidate c;
  c.first = i;
  c.last = e + 1;
  c.prefix = prefix;
  c.type =
      kind == "حركه" || kind == "كتيبه" || kind == "تنظيم" || kind == "سرايا" || kind == "كتائب"
          ? EntityType::group
          : EntityType::organization;
  c.rule = "group-quoted";
  add(std::move(c));
  return true;
}

// A military region: «المنطقة العسكرية الشمالية», «الناحية العسكرية الخامسة». Made of generic
// words only, it is a body (a command) when a direction or an ordinal numbers it.
bool Finder::military_region_at(std::size_t i) {
  static const std::unordered_set<std::string_view> qualifiers = {
      "الشماليه", "الجنوبيه", "الشرقيه", "الغربيه", "الوسطي",  "الاولي",  "الثانيه", "الثالثه",
      "الرابعه",  "الخامسه",  "السادسه", "السابعه", "الثامنه", "التاسعه", "العاشره"};
  if (i + 2 >= t_.size() || !free_range(i, i + 3) || t_[i + 1].norm != "العسكريه" ||
      !qualifiers.count(t_[i + 2].norm))
    return false;
  for (const CliticReading& r : readings(i)) {
    if (r.form != "المنطقه" && r.form != "الناحيه")
      continue;
    Candidate c;
    c.first = i;
    c.last = i + 3;
    c.prefix = r.prefix_bytes;
    c.type = EntityType::organization;
    c.rule = "military-region";
    add(std::move(c));
    return true;
  }
  return false;
}

// «النيابة العسكرية», «الجيش الوطني», «المجلس العسكري», «الدرك الوطني»: a definite institution
// noun and «military»/«national» alone name the body of the country the article is about
// (a longer definite complement is left to the construct rule).
bool Finder::generic_body_at(std::size_t i) {
  static const std::unordered_set<std::string_view> heads = {
      "النيابه", "المحكمه", "الشرطه", "الجيش", "الحرس", "الدرك", "المجلس"};
  static const std::unordered_set<std::string_view> adjectives = {"العسكريه", "العسكري", "الوطني",
                                                                  "الوطنيه"};
  if (i + 1 >= t_.size() || !free_range(i, i + 2) || !adjectives.count(t_[i + 1].norm) ||
      t_[i + 1].sentence != t_[i].sentence)
    return false;
  std::size_t after = i + 2;
  if (after < t_.size() && t_[after].kind == TokenKind::word && is_al(t_[after].norm) &&
      !is_nationality_word(t_[after].norm))
    return false;
  for (const CliticReading& r : readings(i)) {
    if (!heads.count(r.form))
      continue;
    Candidate c;
    c.first = i;
    c.last = extend_with_nationality(i + 2);
    c.prefix = r.prefix_bytes;
    c.type = EntityType::organization;
    c.rule = "generic-body";
    add(std::move(c));
    return true;
  }
  return false;
}

void Finder::org_patterns() {
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (used_[i] || t_[i].kind != TokenKind::word)
      continue;
    // Newspaper / agency named in quotes: صحيفة «الأنباء»
    for (const CliticReading& r : readings(i)) {
      if (r.form != "صحيفه" && r.form != "جريده" && r.form != "يوميه" && r.form != "قناه" &&
          r.form != "وكاله" && r.form != "موقع")
        continue;
      std::size_t q = i + 1;
      if (q < t_.size() && t_[q].kind == TokenKind::punct && q + 2 < t_.size()) {
        std::size_t e = q + 1;
        while (e < t_.size() && e < q + 5 && t_[e].kind == TokenKind::word)
          ++e;
        if (e < t_.size() && e > q + 1 && t_[e].kind == TokenKind::punct && free_range(q + 1, e)) {
          Candidate c;
          c.first = q + 1;
          c.last = e;
          c.type = EntityType::organization;
          c.rule = "media-quoted";
          add(std::move(c));
        }
      }
    }
    // A group named in quotes after its kind: حركة "حسم"، كتيبة «الأرقم»
    if (quoted_group_at(i))
      continue;
    if (military_region_at(i) || generic_body_at(i))
      continue;
    const std::string& w = t_[i].norm;
    std::string_view head = w;
    uint32_t prefix = 0;
    if (!org_heads().count(head)) {
      bool ok = false;
      for (const CliticReading& r : readings(i))
        if (r.prefix_bytes && org_heads().count(r.form)) {
          prefix = r.prefix_bytes;
          ok = true;
          break;
        }
      if (!ok)
        continue;
    }
    std::size_t j = i + 1;
    // «المديرية العامة», «الإدارة العامة», «النيابة العامة», «المكتب المركزي»
    if (j < t_.size() && (t_[j].norm == "العامه" || t_[j].norm == "المركزي" ||
                          t_[j].norm == "الوطنيه" || t_[j].norm == "الوطني"))
      ++j;
    std::size_t specific = 0;
    // Indefinite nouns of a construct chain: «محكمة أمن الدولة», «نيابة أمن الدولة العليا»,
    // «محكمة جنايات القاهرة», «مجلس قضاء بومرداس» (ended by a definite word or a place).
    static const std::unordered_set<std::string_view> construct = {
        "امن",  "قضاء", "جنايات", "جنح",   "شؤون",   "مكافحه",    "حمايه",
        "شرطه", "حرس",  "دعم",    "تنسيق", "مراقبه", "استخبارات", "مخابرات"};
    if (j == i + 1 && j < t_.size() && construct.count(t_[j].norm)) {
      std::size_t e = j + 1;
      if (e < t_.size() && construct.count(t_[e].norm))
        ++e;
      // A known place ending the chain («جنايات القاهرة») becomes part of the name.
      if (e < t_.size() && used_[e] && is_known_place(e))
        release_place(e);
      // So does a compound place name («محكمة سيدي امحمد»).
      if (e == j && e + 1 < t_.size() && !used_[e] && !used_[e + 1] &&
          compound_place_starts().count(t_[e].norm) && t_[e].norm != "بن" && t_[e].norm != "ابن" &&
          name_like(e + 1)) {
        Candidate c;
        c.first = i;
        c.last = e + 2;
        c.prefix = prefix;
        c.type = EntityType::organization;
        c.rule = "org-pattern";
        add(std::move(c));
        i = e + 1;
        continue;
      }
      if (e < t_.size() && !used_[e] && t_[e].kind == TokenKind::word &&
          !stopwords().count(t_[e].norm) && (is_al(t_[e].norm) || is_known_place(e))) {
        j = e;
        ++specific;
        if (!is_al(t_[e].norm)) {
          Candidate c;
          c.first = i;
          c.last = e + 1;
          c.prefix = prefix;
          c.type = EntityType::organization;
          c.rule = "org-pattern";
          add(std::move(c));
          i = e;
          continue;
        }
      }
    }
    std::size_t k = j;
    while (k < t_.size() && k < j + 4 && !used_[k] && t_[k].kind == TokenKind::word) {
      std::string_view n = t_[k].norm;
      bool definite = is_al(n) || starts(n, "لل");
      if (!definite)
        break;
      if (stopwords().count(n) || titles().count(n))
        break;
      if (!generic_complements().count(n))
        ++specific;
      ++k;
    }
    if (specific == 0 || k == j)
      continue;
    Candidate c;
    c.first = i;
    c.last = k;
    c.prefix = prefix;
    c.type = EntityType::organization;
    c.rule = "org-pattern";
    std::size_t end = k;
    add(std::move(c));
    i = end - 1;
  }
}

} // namespace tansiq::text::entity_rules
