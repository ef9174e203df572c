// Place rules for Arabic script: a trigger noun («مدينة», «ولاية», ...) and the name after it.
#include "text/entity_finder.h"

#include <algorithm>

namespace tansiq::text::entity_rules {

// The trigger at token i, through its clitic readings («بمدينة», «ولولاية»): 0 if none,
// 1 for a trigger of one place, 2 for a dual («بمدينتي طنجة وشفشاون»).
int Finder::place_trigger_at(std::size_t i, std::string& form) const {
  if (t_[i].kind != TokenKind::word || !t_[i].arabic)
    return 0;
  for (const CliticReading& r : readings(i)) {
    if (place_triggers().count(r.form)) {
      form = r.form;
      return dual_place_triggers().count(r.form) ? 2 : 1;
    }
    if (dual_place_triggers().count(r.form)) {
      form = r.form;
      return 2;
    }
  }
  return 0;
}

// A place name after a trigger starting at token j (prefix bytes of a clitic to skip);
// returns the end token, or j when the words there do not make a name.
bool Finder::listed_with_trigger(std::string_view word) const {
  std::string key = "مدينه ";
  key += word;
  if (const auto* hits = kb_.lookup(key))
    for (uint32_t r : *hits)
      if (kb_.record(r).type == EntityType::location)
        return true;
  return false;
}

std::size_t Finder::place_name_at(std::size_t j, uint32_t prefix, std::string_view trigger) const {
  if (j >= t_.size() || used_[j] || t_[j].kind != TokenKind::word || !t_[j].arabic)
    return j;
  std::string_view n = std::string_view(t_[j].norm).substr(prefix);
  // A town named by a common word is listed with its trigger («مدينة الجديدة»): after any
  // trigger («بإقليم الجديدة») the word is that name, not an adjective.
  if (listed_with_trigger(n))
    return j + 1;
  if (stopwords().count(n) || is_nationality_word(n) || generic_complements().count(n) ||
      titles().count(n) || starts(n, "لل"))
    return j; // «مخيم للنازحين»: a preposition, not a name
  static const std::unordered_set<std::string_view> generic_places = {
      "شمال",     "جنوب",      "شرق",      "غرب",     "وسط",    "نفوذ",    "عازله",    "حدوديه",
      "صناعيه",   "النزاع",    "القتال",   "عمليات",  "التماس", "الجنوب",  "الشمال",   "الشرق",
      "الغرب",    "اخري",      "واسعه",    "جبليه",   "نائيه",  "سكنيه",   "مجاوره",   "قريبه",
      "بعيده",    "عسكريه",    "امنيه",    "مغلقه",   "الحدود", "محاذيه",  "ريفيه",    "معزوله",
      "المدن",    "المدينه",   "المناطق",  "المنطقه", "القري",  "البلدات", "الولايات", "الاحياء",
      "المخيمات", "المحافظات", "الاقاليم", "الجبال",  "الكبري", "الحضريه"};
  if (generic_places.count(n))
    return j;
  std::size_t last = j + 1;
  bool compound = compound_place_starts().count(n) > 0;
  if (compound && last < t_.size() && t_[last].kind == TokenKind::word && !used_[last]) {
    // «سيدي علي بوناب»: a saint's given name and family name after «سيدي».
    std::size_t w = 0;
    uint32_t given_prefix = 0;
    bool ambiguous = false;
    bool given = given_name_at(last, w, given_prefix, ambiguous) && w == 1 && !given_prefix;
    ++last;
    if (given && name_like(last) && t_[last].sentence == t_[j].sentence)
      ++last;
  }
  // An adjective after the trigger («منطقة حدودية», «إقليم جبلي») is not a name.
  if (!compound) {
    // An adjective agrees with the (indefinite) trigger, so a definite word after it is a
    // name in construct («بلدية الميلية»), an indefinite «-ية» word an adjective.
    bool fem_adjective = !is_al(n) && n.size() > 4 && n.substr(n.size() - 4) == "يه";
    bool masc_adjective =
        !is_al(n) && n.size() > 4 && n.substr(n.size() - 2) == "ي" && masculine_trigger(trigger);
    if (fem_adjective || masc_adjective)
      return j;
  }
  // «ولاية الحوض الشرقي», «محافظة البحر الأحمر»: a direction or size adjective completes
  // a definite name.
  static const std::unordered_set<std::string_view> completing = {
      "الشرقي",   "الغربي", "الشمالي", "الجنوبي", "الشرقيه", "الغربيه", "الشماليه",
      "الجنوبيه", "الكبري", "الصغري",  "العليا",  "السفلي",  "الاحمر",  "الابيض"};
  if (is_al(n) && last < t_.size() && !used_[last] && completing.count(t_[last].norm))
    ++last;
  return last;
}

void Finder::place_triggers_pass() {
  for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
    std::string trigger;
    int count = place_trigger_at(i, trigger);
    if (!count)
      continue;
    std::size_t j = i + 1;
    if (j < t_.size() && t_[j].kind == TokenKind::punct && j + 1 < t_.size())
      ++j; // مدن «الهون»
    std::size_t last = j;
    if (j < t_.size() && used_[j]) {
      // Already a name (a known place): only the second place of a dual is left to find.
      if (count < 2)
        continue;
      for (const Candidate& c : candidates_)
        if (c.first == j)
          last = c.last;
      if (last == j)
        continue;
    } else {
      last = place_name_at(j, 0, trigger);
      if (last == j)
        continue;
      Candidate c;
      c.first = j;
      c.last = last;
      c.type = EntityType::location;
      c.rule = "place-trigger";
      add(std::move(c));
    }
    // The second place of a dual: «و» + name.
    if (count == 2 && last < t_.size() && !used_[last] && starts(t_[last].norm, "و") &&
        t_[last].norm.size() > 4) {
      std::size_t end2 = place_name_at(last, 2, trigger);
      if (end2 > last) {
        Candidate d;
        d.first = last;
        d.last = end2;
        d.prefix = 2;
        d.type = EntityType::location;
        d.rule = "place-trigger";
        add(std::move(d));
      }
    }
    i = last - 1;
  }
}

// «جوبا السفلى», «شبيلي الوسطى», «مصر العليا»: a part of a region. The adjective extends a
// place already found; after an indefinite name-like word it makes a place by itself (after a
// definite word it is an institution: «المحكمة العليا», «اللجنة العليا»).
void Finder::region_parts() {
  static const std::unordered_set<std::string_view> parts = {"السفلي", "العليا", "الوسطي"};
  for (Candidate& c : candidates_)
    if (c.type == EntityType::location && c.last < t_.size() && !used_[c.last] &&
        parts.count(t_[c.last].norm) && t_[c.last].sentence == t_[c.last - 1].sentence) {
      used_[c.last] = true;
      ++c.last;
      c.id.clear();
      c.name.clear();
      c.aliases.clear();
      c.rule = "region-part";
    }
  for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
    if (!parts.count(t_[i + 1].norm) || used_[i + 1] || !name_like(i) || is_al(t_[i].norm) ||
        t_[i].sentence != t_[i + 1].sentence)
      continue;
    Candidate c;
    c.first = i;
    c.last = i + 2;
    c.type = EntityType::location;
    c.rule = "region-part";
    add(std::move(c));
  }
}

} // namespace tansiq::text::entity_rules
