#include "text/entities.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace tansiq::text {
namespace {

using Tokens = std::vector<Token>;

bool starts(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

const std::unordered_set<std::string_view>& stopwords() {
  static const std::unordered_set<std::string_view> words = {
      "في",    "من",   "علي",   "الي",  "عن",    "مع",   "ان",   "او",    "ثم",    "قد",   "لم",
      "لن",    "لا",   "ما",    "هو",   "هي",    "هم",   "الذي", "التي",  "الذين", "و",    "بعد",
      "قبل",   "خلال", "عبر",   "حول",  "ضد",    "منذ",  "حتي",  "كان",   "كانت",  "يوم",  "امس",
      "اليوم", "بين",  "لدي",   "عند",  "كل",    "هذا",  "هذه",  "ذلك",   "تلك",   "انه",  "انها",
      "بان",   "لان",  "اي",    "غير",  "بن",    "وهو",  "وهي",  "قال",   "اكد",   "اضاف", "اوضح",
      "اشار",  "وقال", "واضاف", "واكد", "واوضح", "مهمه", "الي",  "يتعلق", "الامر", "ايضا", "وذلك",
      "فان",   "فانه", "وان",   "اذ",   "اذا",   "لكنه", "وكان", "فقط",   "جدا",   "الذي", "نحو",
      "حيث",   "كما",  "لكن",   "بل",   "سواء"};
  return words;
}

const std::unordered_set<std::string_view>& titles() {
  static const std::unordered_set<std::string_view> words = {
      "السيد",   "السيده",   "الرئيس",  "الملك",   "الامير",  "الشيخ",   "العقيد",  "الجنرال",
      "اللواء",  "العميد",   "المقدم",  "الرائد",  "النقيب",  "الدكتور", "الوزير",  "الوزيره",
      "الزعيم",  "القيادي",  "المتهم",  "المدعو",  "المدعوه", "المسمي",  "القاضي",  "النائب",
      "السفير",  "الامام",   "الداعيه", "الخبير",  "الباحث",  "الصحفي",  "المحامي", "الاستاذ",
      "المواطن", "الارهابي", "المشتبه", "الجهادي", "الداعشي", "زوجها",   "زوجته"};
  return words;
}

// Role nouns after which «..., Name» names the holder.
const std::unordered_set<std::string_view>& role_heads() {
  static const std::unordered_set<std::string_view> words = {
      "الناطق", "المتحدث", "كاتب", "وزير", "مدير", "رئيس",   "قائد", "زعيم",   "امير",  "المسؤول",
      "المدير", "الرئيس",  "والي", "عامل", "سفير", "مستشار", "نائب", "المنسق", "الامين"};
  return words;
}

// Organisation head nouns (indefinite construct state: the complement follows).
const std::unordered_set<std::string_view>& org_heads() {
  static const std::unordered_set<std::string_view> words = {
      "وزاره",   "مديريه", "المديريه", "الاداره",   "مكتب",        "المكتب",   "وكاله",   "الشرطه",
      "المحكمه", "محكمه",  "النيابه",  "جهاز",      "مجلس",        "المجلس",   "هيئه",    "الهيئه",
      "الحرس",   "القوات", "الجيش",    "المخابرات", "الاستخبارات", "تنسيقيه",  "جمعيه",   "حزب",
      "حركه",    "جبهه",   "كتيبه",    "جماعه",     "منظمه",       "قوات",     "شرطه",    "مصلحه",
      "الدرك",   "فرقه",   "الفرقه",   "المركز",    "مركز",        "البرلمان", "الحكومه", "قياده",
      "القياده", "لجنه",   "اللجنه",   "سرايا",     "الاتحاد",     "اتحاد"};
  return words;
}

// Complements that do not make a name («الأجهزة الأمنية» is not an organisation).
const std::unordered_set<std::string_view>& generic_complements() {
  static const std::unordered_set<std::string_view> words = {
      "الامنيه",  "الامني",   "المختصه",   "المختص",  "المعنيه", "المحليه",  "السابق",
      "الجديد",   "الجديده",  "الاخري",    "الاخير",  "الاخيره", "العموميه", "نفسها",
      "ذاته",     "ذاتها",    "العسكريه",  "العسكري", "الخاصه",  "المغربيه", "المركزيه",
      "الماضي",   "الجاري",   "المذكور",   "التابع",  "التابعه", "الارهابي", "الارهابيه",
      "المتطرفه", "الجهاديه", "الاسلاميه", "الرسمي",  "الرسميه", "المكلف",   "المكلفه",
      "الموقوف",  "العام",    "العامه",    "الدولي",  "الدوليه", "الامن",    "الوطني",
      "الوطنيه"};
  return words;
}

const std::unordered_set<std::string_view>& place_triggers() {
  static const std::unordered_set<std::string_view> words = {
      "مدينه",   "بلده",   "ولايه",  "منطقه",  "قريه",   "اقليم",  "محافظه", "عماله", "مخيم",
      "ضاحيه",   "حي",     "مدن",    "بمدينه", "ببلده",  "بولايه", "بمنطقه", "بقريه", "باقليم",
      "بمحافظه", "بعماله", "لمدينه", "ومدينه", "ومنطقه", "وبلده",  "مدينتي", "بحي",   "بمخيم"};
  return words;
}

const std::unordered_set<std::string_view>& compound_place_starts() {
  static const std::unordered_set<std::string_view> words = {
      "بن", "ابن",  "سيدي", "عين",  "بئر", "بير", "وادي", "بني",  "اولاد", "ام", "راس",
      "تل", "ذراع", "جبل",  "حاسي", "برج", "دار", "سوق",  "خميس", "اغ",    "ايت"};
  return words;
}

bool is_al(std::string_view w) {
  return starts(w, "ال") && w.size() > 6;
}

struct Candidate {
  std::size_t first = 0, last = 0; // token range
  uint32_t prefix = 0;             // clitic bytes to skip in the first token
  EntityType type = EntityType::organization;
  std::string id;
  std::string name; // canonical
  std::vector<std::string> aliases;
  std::string rule;
};

class Finder {
public:
  Finder(std::string_view display, const Tokens& t, const KnowledgeBase& kb)
      : d_(display), t_(t), kb_(kb), used_(t.size(), false) {}

  std::vector<Entity> run() {
    kb_pass();
    org_patterns();
    place_triggers_pass();
    person_rules();
    family_mentions();
    return group();
  }

private:
  // Records of `types` whose name starts at token i (any clitic reading); longest match.
  bool match_at(std::size_t i, std::size_t& last, uint32_t& prefix,
                std::vector<uint32_t>& records) const {
    if (t_[i].kind == TokenKind::punct)
      return false;
    bool found = false;
    for (const CliticReading& reading : clitic_readings(t_[i].norm)) {
      std::string key = reading.form;
      std::size_t j = i;
      while (true) {
        if (const auto* hits = kb_.lookup(key)) {
          if (!found || j + 1 > last) {
            last = j + 1;
            prefix = reading.prefix_bytes;
            records = *hits;
            found = true;
          }
        }
        if (j + 1 >= t_.size() || !kb_.is_prefix(key))
          break;
        ++j;
        key += ' ';
        key += t_[j].norm;
      }
    }
    return found;
  }

  const EntityRecord* pick(const std::vector<uint32_t>& records, bool allow_people) const {
    const EntityRecord* best = nullptr;
    for (uint32_t r : records) {
      const EntityRecord& rec = kb_.record(r);
      if (rec.type == EntityType::given_name || rec.type == EntityType::nationality)
        continue;
      if (rec.type == EntityType::person && !allow_people)
        continue;
      if (!best || (best->type == EntityType::location && rec.type != EntityType::location))
        best = &rec;
    }
    return best;
  }

  bool is_nationality_word(std::string_view norm) const {
    if (const auto* hits = kb_.lookup(norm))
      for (uint32_t r : *hits)
        if (kb_.record(r).type == EntityType::nationality)
          return true;
    return false;
  }

  bool given_name_at(std::size_t i, std::size_t& words, uint32_t& prefix, bool& ambiguous) const {
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

  void add(Candidate c) {
    for (std::size_t k = c.first; k < c.last; ++k)
      used_[k] = true;
    candidates_.push_back(std::move(c));
  }

  bool free_range(std::size_t a, std::size_t b) const {
    for (std::size_t k = a; k < b && k < t_.size(); ++k)
      if (used_[k])
        return false;
    return b <= t_.size();
  }

  // Nationality adjectives after a name extend it («وزارة الداخلية المغربية»).
  std::size_t extend_with_nationality(std::size_t last) const {
    while (last < t_.size() && t_[last].kind == TokenKind::word && is_al(t_[last].norm) &&
           is_nationality_word(t_[last].norm) && !used_[last])
      ++last;
    return last;
  }

  void kb_pass() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      std::size_t last = 0;
      uint32_t prefix = 0;
      std::vector<uint32_t> records;
      if (!match_at(i, last, prefix, records))
        continue;
      const EntityRecord* rec = pick(records, true);
      if (!rec)
        continue;
      // «السلطات السعودية», «بلدة الرس السعودية»: a country name in adjective form after a
      // definite noun is an adjective, not a place.
      if (rec->type == EntityType::location && prefix == 0 && last == i + 1 && i > 0 &&
          t_[i - 1].kind == TokenKind::word && is_al(t_[i - 1].norm) && is_al(t_[i].norm) &&
          t_[i].norm.size() > 4 && t_[i].norm.substr(t_[i].norm.size() - 4) == "يه")
        continue;
      Candidate c;
      c.first = i;
      c.last = last;
      c.prefix = prefix;
      c.type = rec->type;
      c.id = rec->id;
      c.name = rec->names.empty() ? "" : rec->names.front();
      c.aliases = rec->names;
      c.rule = "kb";
      if (c.type == EntityType::organization || c.type == EntityType::group) {
        std::size_t extended = extend_with_nationality(last);
        // A generic org name with a nationality is a different body: keep it as a new name.
        c.last = extended;
      }
      // Latin acronyms must be written in capitals (not «is», «us», «ei» ...).
      if (!t_[i].arabic && t_[i].kind == TokenKind::word && last == i + 1) {
        std::string_view shown = d_.substr(t_[i].begin, t_[i].end - t_[i].begin);
        bool upper = std::all_of(shown.begin(), shown.end(),
                                 [](char ch) { return !(ch >= 'a' && ch <= 'z'); });
        if (shown.size() <= 4 && !upper)
          continue;
      }
      std::size_t end = c.last;
      add(std::move(c));
      i = end - 1;
    }
  }

  void org_patterns() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (used_[i] || t_[i].kind != TokenKind::word)
        continue;
      // Newspaper / agency named in quotes: صحيفة «الأنباء»
      for (const CliticReading& r : clitic_readings(t_[i].norm)) {
        if (r.form != "صحيفه" && r.form != "جريده" && r.form != "يوميه" && r.form != "قناه" &&
            r.form != "وكاله" && r.form != "موقع")
          continue;
        std::size_t q = i + 1;
        if (q < t_.size() && t_[q].kind == TokenKind::punct && q + 2 < t_.size()) {
          std::size_t e = q + 1;
          while (e < t_.size() && e < q + 5 && t_[e].kind == TokenKind::word)
            ++e;
          if (e < t_.size() && e > q + 1 && t_[e].kind == TokenKind::punct &&
              free_range(q + 1, e)) {
            Candidate c;
            c.first = q + 1;
            c.last = e;
            c.type = EntityType::organization;
            c.rule = "media-quoted";
            add(std::move(c));
          }
        }
      }
      const std::string& w = t_[i].norm;
      std::string_view head = w;
      uint32_t prefix = 0;
      if (!org_heads().count(head)) {
        bool ok = false;
        for (const CliticReading& r : clitic_readings(w))
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
      std::size_t k = j;
      while (k < t_.size() && k < j + 4 && !used_[k] && t_[k].kind == TokenKind::word) {
        std::string_view n = t_[k].norm;
        bool definite = is_al(n) || starts(n, "لل");
        if (!definite)
          break;
        if (stopwords().count(n))
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

  void place_triggers_pass() {
    for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
      if (!place_triggers().count(t_[i].norm))
        continue;
      std::size_t j = i + 1;
      if (j < t_.size() && t_[j].kind == TokenKind::punct && j + 1 < t_.size())
        ++j; // مدن «الهون»
      if (used_[j] || t_[j].kind != TokenKind::word)
        continue;
      std::string_view n = t_[j].norm;
      if (stopwords().count(n) || is_nationality_word(n) || generic_complements().count(n))
        continue;
      static const std::unordered_set<std::string_view> generic_places = {
          "شمال",   "جنوب",   "شرق",    "غرب",    "وسط",    "نفوذ",   "عازله",
          "حدوديه", "صناعيه", "النزاع", "القتال", "عمليات", "التماس", "الجنوب",
          "الشمال", "الشرق",  "الغرب",  "اخري",   "واسعه"};
      if (generic_places.count(n))
        continue;
      std::size_t last = j + 1;
      if (compound_place_starts().count(n) && last < t_.size() && t_[last].kind == TokenKind::word)
        ++last;
      // An adjective after the trigger («منطقة حدودية») is not a name: require a name-like
      // word: definite (الرس) or not ending like an adjective.
      std::string_view w = t_[j].norm;
      if (!is_al(w) &&
          (w.size() > 4 && (w.substr(w.size() - 4) == "يه" || w.substr(w.size() - 2) == "ي")))
        continue;
      if (is_al(w) && (w.size() > 4 && (w.substr(w.size() - 4) == "يه")))
        continue;
      Candidate c;
      c.first = j;
      c.last = last;
      c.type = EntityType::location;
      c.rule = "place-trigger";
      add(std::move(c));
    }
  }

  bool name_like(std::size_t k) const {
    if (k >= t_.size() || used_[k] || t_[k].kind != TokenKind::word || !t_[k].arabic)
      return false;
    std::string_view n = t_[k].norm;
    if (stopwords().count(n) || titles().count(n) || role_heads().count(n) || n == "ملك" ||
        is_nationality_word(n) || generic_complements().count(n))
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

  void add_person(std::size_t first, std::size_t last, uint32_t prefix, const char* rule) {
    Candidate c;
    c.first = first;
    c.last = last;
    c.prefix = prefix;
    c.type = EntityType::person;
    c.rule = rule;
    add(std::move(c));
  }

  void person_rules() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (used_[i] || t_[i].kind != TokenKind::word || !t_[i].arabic)
        continue;
      std::size_t words = 0;
      uint32_t prefix = 0;
      bool ambiguous = false;
      bool titled = i > 0 && titles().count(t_[i - 1].norm);
      if (given_name_at(i, words, prefix, ambiguous) && (!ambiguous || titled)) {
        std::size_t f = i + words;
        if (!name_like(f)) {
          // A given name alone before a role: «فليب ملك بلجيكا», «ماكرون رئيس ...».
          static const std::unordered_set<std::string_view> roles = {"ملك",  "ملكه", "رئيس",
                                                                     "وزير", "امير", "ولي"};
          if (!ambiguous && f < t_.size() && roles.count(t_[f].norm))
            add_person(i, f, prefix, "given-name-role");
          continue;
        }
        std::size_t last = f + 1;
        static const std::unordered_set<std::string_view> particles = {"بن", "ابن", "ولد", "ابو",
                                                                       "اغ", "ايت", "ام",  "بو"};
        if (particles.count(t_[f].norm) && name_like(last))
          ++last;
        add_person(i, last, prefix, "given-name");
        i = last - 1;
        continue;
      }
      if (titled && name_like(i) && !is_al(t_[i].norm) && name_like(i + 1)) {
        add_person(i, i + 2, 0, "title");
        i += 1;
        continue;
      }
    }
    // Role phrase, comma, name: «الناطق الرسمي باسم ...، خليفة الشيباني»
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (!role_heads().count(t_[i].norm))
        continue;
      std::size_t k = i + 1;
      while (k < t_.size() && k < i + 14 && !(t_[k].kind == TokenKind::punct) &&
             t_[k].sentence == t_[i].sentence)
        ++k;
      if (k >= t_.size() || t_[k].norm != ",")
        continue;
      std::size_t a = k + 1;
      // The name ends at punctuation or a function word («..، خليفة الشيباني خلال ندوة»).
      if (name_like(a) && !is_al(t_[a].norm) && name_like(a + 1) &&
          (a + 2 >= t_.size() || t_[a + 2].kind == TokenKind::punct ||
           stopwords().count(t_[a + 2].norm))) {
        add_person(a, a + 2, 0, "role-comma");
      }
    }
    // Name before a role: «عبد اللطيف الحموشي المدير العام» is caught by the given name.
  }

  // Later mentions of a found person's family name («الحافيظي», «عيارة»).
  void family_mentions() {
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
      for (const CliticReading& r : clitic_readings(t_[i].norm)) {
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

  std::string display_of(const Candidate& c, uint32_t& begin, uint32_t& end) const {
    begin = t_[c.first].begin;
    if (c.prefix) {
      // Skip the clitic: the display offset of the prefix_bytes-th normalised byte.
      std::size_t skip = 0;
      std::string_view shown = d_.substr(t_[c.first].begin, t_[c.first].end - t_[c.first].begin);
      // Normalised clitics are single Arabic letters (2 bytes each) that appear unchanged in
      // the display text, possibly followed by tatweel.
      skip = c.prefix;
      while (skip + 2 <= shown.size() && shown.substr(skip, 2) == "ـ")
        skip += 2;
      begin += static_cast<uint32_t>(std::min(skip, shown.size()));
    }
    end = t_[c.last - 1].end;
    return std::string(d_.substr(begin, end - begin));
  }

  std::vector<Entity> group() {
    candidates_copy_ = candidates_;
    std::sort(candidates_.begin(), candidates_.end(),
              [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
    std::vector<Entity> out;
    std::map<std::string, std::size_t> by_id;
    for (const Candidate& c : candidates_) {
      EntityMention m;
      m.text = display_of(c, m.begin, m.end);
      m.rule = c.rule;
      std::string id = c.id;
      if (id.empty() || id[0] == '#') {
        std::string key;
        if (!id.empty()) {
          // Family-name mention of a rule-found person: find that person's key.
          std::size_t index = std::stoul(id.substr(1));
          const Candidate& person = candidates_copy_[index];
          uint32_t b, e;
          key = "new:person:" + KnowledgeBase::key_of(display_of(person, b, e));
        } else {
          key = std::string("new:") + to_string(c.type) + ":" + KnowledgeBase::key_of(m.text);
        }
        id = key;
      }
      auto it = by_id.find(id);
      if (it == by_id.end()) {
        Entity e;
        e.id = id;
        e.type = c.type;
        e.name = c.name.empty() ? m.text : c.name;
        e.aliases = c.aliases;
        by_id.emplace(id, out.size());
        out.push_back(std::move(e));
        it = by_id.find(id);
      }
      Entity& e = out[it->second];
      if (std::find(e.aliases.begin(), e.aliases.end(), m.text) == e.aliases.end())
        e.aliases.push_back(m.text);
      e.mentions.push_back(std::move(m));
    }
    return out;
  }

  std::string_view d_;
  const Tokens& t_;
  const KnowledgeBase& kb_;
  std::vector<bool> used_;
  std::vector<Candidate> candidates_;
  std::vector<Candidate> candidates_copy_;
};

} // namespace

std::vector<Entity> find_entities(std::string_view display, const std::vector<Token>& tokens,
                                  const KnowledgeBase& kb) {
  Finder finder(display, tokens, kb);
  return finder.run();
}

} // namespace tansiq::text
