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
      "في", "من", "علي", "الي", "عن", "مع", "ان", "او", "ثم", "قد", "لم", "لن", "لا", "ما", "هو",
      "هي", "هم", "الذي", "التي", "الذين", "و", "بعد", "قبل", "خلال", "عبر", "حول", "ضد", "منذ",
      "حتي", "كان", "كانت", "يوم", "امس", "اليوم", "بين", "لدي", "عند", "كل", "هذا", "هذه", "ذلك",
      "تلك", "انه", "انها", "بان", "لان", "اي", "غير", "بن", "وهو", "وهي", "قال", "اكد", "اضاف",
      "اوضح", "اشار", "وقال", "واضاف", "واكد", "واوضح", "مهمه", "الي", "يتعلق", "الامر", "ايضا",
      "وذلك", "فان", "فانه", "وان", "اذ", "اذا", "لكنه", "وكان", "فقط", "جدا", "الذي", "نحو", "حيث",
      "كما", "لكن", "بل", "سواء",
      // prepositions with a pronoun, and words that follow «المشتبه», «المتهم» ...
      "فيه", "فيها", "فيهم", "فيهما", "به", "بها", "بهم", "له", "لها", "لهم", "عليه", "عليها",
      "عليهم", "منه", "منها", "منهم", "عنه", "عنها", "عنهم", "اليه", "اليها", "اليهم", "كانوا",
      "تحت", "فوق", "ضمن", "امام", "داخل", "خارج", "لقد", "وقد", "الا", "بينهم", "لدي", "عقب",
      "اثر", "رفقه", "برفقه", "بحوزته", "بحوزتهم"};
  return words;
}

const std::unordered_set<std::string_view>& titles() {
  static const std::unordered_set<std::string_view> words = {
      "السيد",   "السيده",   "الرئيس",  "الملك",    "الامير",   "الشيخ",   "العقيد",   "الجنرال",
      "اللواء",  "العميد",   "المقدم",  "الرائد",   "النقيب",   "الدكتور", "الوزير",   "الوزيره",
      "الزعيم",  "القيادي",  "المتهم",  "المدعو",   "المدعوه",  "المسمي",  "القاضي",   "النائب",
      "السفير",  "الامام",   "الداعيه", "الخبير",   "الباحث",   "الصحفي",  "المحامي",  "الاستاذ",
      "المواطن", "الارهابي", "المشتبه", "الجهادي",  "الداعشي",  "زوجها",   "زوجته",    "الضابط",
      "المفتش",  "الحاج",    "الفريق",  "المشير",   "النائبه",  "المتهمه", "المواطنه", "الشقيق",
      "شقيقه",   "الاخوين",  "القائد",  "الامين",   "المستشار", "الوالي",  "الحاكم",   "عمده",
      "العمده",  "المراسل",  "الناشط",  "المحاميه", "الوكيل",   "المفوض",  "المراقب"};
  return words;
}

// Words that may stand between a title and the name: «المتهم الثاني قصي ...», «النائب العام
// الصديق الصور», «الرئيس الموريتاني محمد ...», «القاضي العسكري العقيد ...».
const std::unordered_set<std::string_view>& title_modifiers() {
  static const std::unordered_set<std::string_view> words = {
      "الاول",  "الثاني", "الثالث", "الرابع",  "الخامس",  "السادس",  "الاخير", "الرئيسي",
      "العام",  "العامه", "السابق", "المساعد", "الاول",   "العسكري", "الملكي", "المكلف",
      "الاعلي", "الاسبق", "الحالي", "الجديد",  "المفترض", "اول"};
  return words;
}

const std::unordered_set<std::string_view>& ordinal_words() {
  static const std::unordered_set<std::string_view> words = {
      "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "الرئيسي"};
  return words;
}

// Particles inside a name: «بلقاسم بن عيسى», «محمد ولد الشيخ الغزواني», «إياد أغ غالي».
const std::unordered_set<std::string_view>& name_particles() {
  static const std::unordered_set<std::string_view> words = {"بن",  "ابن", "ولد", "ابو", "اغ",
                                                             "ايت", "ام",  "بو",  "بنت"};
  return words;
}

// Role nouns after which «..., Name» names the holder.
const std::unordered_set<std::string_view>& role_heads() {
  static const std::unordered_set<std::string_view> words = {
      "الناطق",  "المتحدث", "كاتب",   "وزير",  "مدير", "رئيس",    "قائد",   "زعيم",   "امير",
      "المسؤول", "المدير",  "الرئيس", "والي",  "عامل", "سفير",    "مستشار", "نائب",   "المنسق",
      "الامين",  "عمده",    "قاضي",   "محامي", "ناطق", "متحدث",   "مسؤول",  "المكلف", "رئيسه",
      "مديره",   "امين",    "محافظ",  "قائده", "وكيل", "المندوب", "مندوب"};
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
      "القياده", "لجنه",   "اللجنه",   "سرايا",     "الاتحاد",     "اتحاد",    "قطاع",    "نيابه",
      "فيلق",    "الفيلق", "لواء",     "كتائب"};
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
      "الوطنيه",  "المحكمه",  "الجيش",     "المسلحه", "المسلح",  "المتشدد",  "المتشدده",
      "المذكوره", "المعني",   "المشتركه",  "المشترك", "الموحده", "الخاص",    "المتخصصه"};
  return words;
}

const std::unordered_set<std::string_view>& place_triggers() {
  static const std::unordered_set<std::string_view> words = {
      "مدينه",   "بلده",   "ولايه",   "منطقه",  "قريه",   "اقليم",  "محافظه", "عماله", "مخيم",
      "ضاحيه",   "حي",     "مدن",     "بمدينه", "ببلده",  "بولايه", "بمنطقه", "بقريه", "باقليم",
      "بمحافظه", "بعماله", "لمدينه",  "ومدينه", "ومنطقه", "وبلده",  "مدينتي", "بحي",   "بمخيم",
      "بلديه",   "مقاطعه", "معتمديه", "قضاء",   "ناحيه",  "جبل",    "جبال",   "ضواحي", "محله",
      "دوار",    "قصبه",   "واحه",    "بلدات",  "قري",    "مخيمات"};
  return words;
}

// Dual triggers name two places: «بمدينتي طنجة وشفشاون», «بين ولايتي بومرداس وتيزي وزو».
const std::unordered_set<std::string_view>& dual_place_triggers() {
  static const std::unordered_set<std::string_view> words = {
      "مدينتي", "بلدتي",   "ولايتي", "معتمديتي", "محافظتي", "منطقتي",
      "اقليمي", "مقاطعتي", "قريتي",  "بلديتي",   "عمالتي",  "جهتي"};
  return words;
}

// Triggers after which a masculine adjective (ending in ي) is not a name: «إقليم جبلي».
// After a feminine trigger («بلدة ليري») a final ي belongs to the name.
bool masculine_trigger(std::string_view w) {
  return w == "اقليم" || w == "حي" || w == "مخيم" || w == "قضاء" || w == "جبل" || w == "دوار";
}

const std::unordered_set<std::string_view>& compound_place_starts() {
  static const std::unordered_set<std::string_view> words = {
      "بن", "ابن", "سيدي", "عين", "بئر", "بير", "وادي", "بني", "اولاد", "ام", "راس", "تل", "ذراع",
      "جبل", "حاسي", "برج", "دار", "سوق", "خميس", "اغ", "ايت",
      // Moroccan market-day towns: «حد السوالم», «ثلاثاء بوكدرة», «سبت كزولة»
      "حد", "ثلاثاء", "اربعاء", "سبت", "احد"};
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
      : d_(display), t_(t), kb_(kb), used_(t.size(), false), readings_(t.size()),
        read_(t.size(), false) {}

  std::vector<Entity> run() {
    kb_pass();
    org_patterns();
    latin_orgs();
    place_triggers_pass();
    person_rules();
    latin_places();
    family_mentions();
    return group();
  }

private:
  // The clitic readings of token i, computed once: every pass asks for them.
  const std::vector<CliticReading>& readings(std::size_t i) const {
    if (!read_[i]) {
      readings_[i] = clitic_readings(t_[i].norm);
      read_[i] = true;
    }
    return readings_[i];
  }

  // Records of `types` whose name starts at token i (any clitic reading); longest match.
  bool match_at(std::size_t i, std::size_t& last, uint32_t& prefix,
                std::vector<uint32_t>& records) const {
    if (t_[i].kind == TokenKind::punct)
      return false;
    bool found = false;
    for (const CliticReading& reading : readings(i)) {
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
      // «صدام حفتر» is not Khalifa Haftar: a one-word person alias right after a given name
      // that is not part of the listed person's names belongs to another person.
      if (rec->type == EntityType::person && last == i + 1 && i > 0 && prefix == 0) {
        std::size_t w = 0;
        uint32_t p = 0;
        bool ambiguous = false;
        if (given_name_at(i - 1, w, p, ambiguous) && w == 1 && !ambiguous && p == 0) {
          std::string full = t_[i - 1].norm + " " + t_[i].norm;
          bool listed = false;
          if (const auto* hits = kb_.lookup(full))
            for (uint32_t r : *hits)
              listed = listed || kb_.record(r).id == rec->id;
          if (!listed)
            continue;
        }
      }
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
        // A short place name written as a name («Mali», «Chad», «Iraq») is not an acronym.
        bool place_name = rec->type == EntityType::location && shown[0] >= 'A' && shown[0] <= 'Z' &&
                          shown.size() >= 3;
        if (shown.size() <= 4 && !upper && !place_name)
          continue;
      }
      std::size_t end = c.last;
      add(std::move(c));
      i = end - 1;
    }
  }

  // Takes back the one-token place candidate at token k so that a longer name can use it.
  void release_place(std::size_t k) {
    for (std::size_t c = 0; c < candidates_.size(); ++c)
      if (candidates_[c].first == k && candidates_[c].last == k + 1 &&
          candidates_[c].type == EntityType::location) {
        candidates_.erase(candidates_.begin() + static_cast<std::ptrdiff_t>(c));
        used_[k] = false;
        return;
      }
  }

  bool is_known_place(std::size_t k) const {
    if (const auto* hits = kb_.lookup(t_[k].norm))
      for (uint32_t r : *hits)
        if (kb_.record(r).type == EntityType::location)
          return true;
    return false;
  }

  bool quoted_group_at(std::size_t i) {
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

  void org_patterns() {
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
      // A group named in quotes after its kind: حركة "حسم"، كتيبة «الأرقم»
      if (quoted_group_at(i))
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
            compound_place_starts().count(t_[e].norm) && t_[e].norm != "بن" &&
            t_[e].norm != "ابن" && name_like(e + 1)) {
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

  // The trigger at token i, through its clitic readings («بمدينة», «ولولاية»): 0 if none,
  // 1 for a trigger of one place, 2 for a dual («بمدينتي طنجة وشفشاون»).
  int place_trigger_at(std::size_t i, std::string& form) const {
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
  std::size_t place_name_at(std::size_t j, uint32_t prefix, std::string_view trigger) const {
    if (j >= t_.size() || used_[j] || t_[j].kind != TokenKind::word || !t_[j].arabic)
      return j;
    std::string_view n = std::string_view(t_[j].norm).substr(prefix);
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

  void place_triggers_pass() {
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

  bool name_like(std::size_t k) const {
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

  void add_person(std::size_t first, std::size_t last, uint32_t prefix, const char* rule) {
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
  bool titled_before(std::size_t i) const {
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

  bool given_at(std::size_t k, std::size_t& words) const {
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
  std::size_t name_rest(std::size_t f, std::size_t room) const {
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
      if (name_like(f))
        return f + 1;
      break;
    }
    return f;
  }

  void person_rules() {
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
      bool full_name = given && ambiguous && !titled && prefix == 0 &&
                       given_at(i + words, middle) &&
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
      if (last < t_.size() && t_[last].kind != TokenKind::punct &&
          !stopwords().count(t_[last].norm))
        continue;
      if (!free_range(a, last))
        continue;
      add_person(a, last, 0, "role-comma");
    }
    latin_persons();
  }

  // «Interior Ministry», «Specialized Criminal Court», «Amnesty International»: capitalised
  // words ending in (or containing) an institution noun; «ministère de la Défense», «tribunal
  // de Paris»: a French institution noun and its capitalised complement.
  void latin_orgs() {
    static const std::unordered_set<std::string_view> heads = {
        "ministry",      "court",      "agency",     "service",     "services",     "directorate",
        "office",        "council",    "force",      "forces",      "army",         "police",
        "guard",         "command",    "commission", "prosecution", "committee",    "department",
        "bureau",        "unit",       "brigade",    "movement",    "organisation", "organization",
        "international", "party",      "authority",  "tribunal",    "gendarmerie",  "coalition",
        "front",         "presidency", "parliament", "senate"};
    static const std::unordered_set<std::string_view> french_heads = {
        "ministere",   "tribunal", "cour",    "parquet", "direction", "garde",    "armee",
        "gendarmerie", "police",   "conseil", "agence",  "service",   "services", "commission",
        "comite",      "pole",     "office",  "brigade", "etat"};
    static const std::unordered_set<std::string_view> french_links = {"de",
                                                                      "du",
                                                                      "des",
                                                                      "la",
                                                                      "le",
                                                                      "l",
                                                                      "d",
                                                                      "'",
                                                                      "’",
                                                                      "generale",
                                                                      "general",
                                                                      "nationale",
                                                                      "national",
                                                                      "speciale",
                                                                      "militaire",
                                                                      "judiciaire",
                                                                      "antiterroriste",
                                                                      "federal",
                                                                      "federale",
                                                                      "appel",
                                                                      "premiere",
                                                                      "instance",
                                                                      "surete",
                                                                      "securite",
                                                                      "interieure",
                                                                      "exterieure",
                                                                      "renseignement",
                                                                      "renseignements",
                                                                      "-",
                                                                      "major"};
    static const std::unordered_set<std::string_view> openers = {"the", "a", "an", "le", "la",
                                                                 "les", "l", "un", "une"};
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (used_[i] || t_[i].kind != TokenKind::word || t_[i].arabic)
        continue;
      std::string_view n = t_[i].norm;
      // French: «ministère de la Défense», «cour d'appel de Rabat»
      if (french_heads.count(n) && !capitalised(i)) {
        std::size_t k = i + 1, end = i + 1;
        while (k < t_.size() && k < i + 8 && !used_[k] && t_[k].sentence == t_[i].sentence) {
          if (capitalised(k) && !latin_non_name(t_[k].norm)) {
            end = ++k;
            continue;
          }
          if ((t_[k].kind == TokenKind::word && !t_[k].arabic && french_links.count(t_[k].norm)) ||
              (t_[k].kind == TokenKind::punct && french_links.count(t_[k].norm))) {
            ++k;
            continue;
          }
          break;
        }
        if (end > i + 1 && capitalised(end - 1)) {
          Candidate c;
          c.first = i;
          c.last = end;
          c.type = EntityType::organization;
          c.rule = "latin-org";
          add(std::move(c));
          i = end - 1;
        }
        continue;
      }
      // English: a run of capitalised words (with «of/for/and» and hyphens inside).
      if (!capitalised(i) || openers.count(n))
        continue;
      std::size_t k = i, last_head = 0, words = 0;
      while (k < t_.size() && !used_[k] && t_[k].sentence == t_[i].sentence && words < 7) {
        if (capitalised(k) && !(k > i && t_[k].line_start)) {
          if (heads.count(t_[k].norm))
            last_head = k + 1;
          ++k;
          ++words;
          continue;
        }
        bool hyphen = t_[k].norm == "-" && !t_[k].space_before && k + 1 < t_.size() &&
                      !t_[k + 1].space_before && capitalised(k + 1);
        bool link = (t_[k].norm == "of" || t_[k].norm == "for" || t_[k].norm == "and") &&
                    capitalised(k + 1) && k > i;
        if (hyphen || link) {
          ++k;
          continue;
        }
        break;
      }
      // The institution noun must come after at least one other word and end the name or be
      // followed only by a complement («Ministry of Interior»).
      if (last_head > i + 1 && words >= 2 && last_head == k) {
        Candidate c;
        c.first = i;
        c.last = k;
        c.type = EntityType::organization;
        c.rule = "latin-org";
        add(std::move(c));
      }
      i = k > i ? k - 1 : i;
    }
  }

  // ---- Latin script (French and English articles, Latin names in any article) ----

  bool capitalised(std::size_t k) const {
    if (k >= t_.size() || t_[k].kind != TokenKind::word || t_[k].arabic)
      return false;
    auto c = static_cast<unsigned char>(d_[t_[k].begin]);
    if (c >= 'A' && c <= 'Z')
      return true;
    // Latin-1 capitals (É, Î, Ö ...) are C3 80..C3 9E in UTF-8.
    auto c2 = t_[k].begin + 1 < d_.size() ? static_cast<unsigned char>(d_[t_[k].begin + 1]) : 0;
    return c == 0xC3 && c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97;
  }

  // Capitalised words that do not belong to a name (sentence starters, calendar words,
  // institution nouns that follow a place or a person).
  static bool latin_non_name(std::string_view n) {
    static const std::unordered_set<std::string_view> words = {"the",
                                                               "le",
                                                               "la",
                                                               "les",
                                                               "l",
                                                               "un",
                                                               "une",
                                                               "des",
                                                               "du",
                                                               "de",
                                                               "a",
                                                               "an",
                                                               "in",
                                                               "on",
                                                               "at",
                                                               "and",
                                                               "et",
                                                               "ou",
                                                               "or",
                                                               "of",
                                                               "for",
                                                               "pour",
                                                               "par",
                                                               "by",
                                                               "with",
                                                               "avec",
                                                               "selon",
                                                               "according",
                                                               "after",
                                                               "apres",
                                                               "before",
                                                               "avant",
                                                               "depuis",
                                                               "since",
                                                               "this",
                                                               "that",
                                                               "ce",
                                                               "cette",
                                                               "il",
                                                               "elle",
                                                               "ils",
                                                               "elles",
                                                               "he",
                                                               "she",
                                                               "they",
                                                               "we",
                                                               "nous",
                                                               "but",
                                                               "mais",
                                                               "while",
                                                               "when",
                                                               "lors",
                                                               "janvier",
                                                               "fevrier",
                                                               "mars",
                                                               "avril",
                                                               "mai",
                                                               "juin",
                                                               "juillet",
                                                               "aout",
                                                               "septembre",
                                                               "octobre",
                                                               "novembre",
                                                               "decembre",
                                                               "january",
                                                               "february",
                                                               "march",
                                                               "april",
                                                               "may",
                                                               "june",
                                                               "july",
                                                               "august",
                                                               "september",
                                                               "october",
                                                               "november",
                                                               "december",
                                                               "lundi",
                                                               "mardi",
                                                               "mercredi",
                                                               "jeudi",
                                                               "vendredi",
                                                               "samedi",
                                                               "dimanche",
                                                               "monday",
                                                               "tuesday",
                                                               "wednesday",
                                                               "thursday",
                                                               "friday",
                                                               "saturday",
                                                               "sunday",
                                                               "state",
                                                               "province",
                                                               "governorate",
                                                               "region",
                                                               "court",
                                                               "agency",
                                                               "office",
                                                               "ministry",
                                                               "army",
                                                               "police",
                                                               "force",
                                                               "forces",
                                                               "bureau",
                                                               "directorate",
                                                               "department",
                                                               "service",
                                                               "council",
                                                               "security",
                                                               "intelligence",
                                                               "guard",
                                                               "garde",
                                                               "ministere",
                                                               "ministre",
                                                               "minister",
                                                               "direction",
                                                               "parquet",
                                                               "tribunal",
                                                               "cour",
                                                               "conseil",
                                                               "union",
                                                               "group",
                                                               "groupe",
                                                               "front",
                                                               "brigade",
                                                               "katiba",
                                                               "islamic",
                                                               "islamique",
                                                               "etat",
                                                               "general",
                                                               "national",
                                                               "nationale",
                                                               "international",
                                                               "task",
                                                               "joint",
                                                               "air",
                                                               "operation",
                                                               "mr",
                                                               "mrs",
                                                               "m",
                                                               "mme",
                                                               "dr",
                                                               "president",
                                                               "read",
                                                               "share",
                                                               "partager",
                                                               "lire",
                                                               "related",
                                                               "comments"};
    return words.count(n) > 0;
  }

  static bool latin_particle(std::string_view n) {
    static const std::unordered_set<std::string_view> words = {
        "el", "al",  "ben", "bin", "ibn", "ould", "ait", "abu", "abou", "ag",
        "de", "van", "von", "der", "den", "da",   "di",  "dos", "bou",  "oulad"};
    return words.count(n) > 0;
  }

  // A Latin given name at k (the knowledge base's given names in Latin script).
  bool latin_given_at(std::size_t k) const {
    if (!capitalised(k) || used_[k])
      return false;
    if (const auto* hits = kb_.lookup(t_[k].norm))
      for (uint32_t r : *hits)
        if (kb_.record(r).type == EntityType::given_name)
          return true;
    return false;
  }

  // Capitalised name words from k: «Houcem Eddine Jebabli», «Mustafa Al-Fitouri»,
  // «Soufiane Ait Lahcen», «Alexander De Croo». Returns the end token.
  std::size_t latin_name_words(std::size_t k, std::size_t max_words) const {
    std::size_t words = 0;
    uint32_t sentence = k > 0 ? t_[k - 1].sentence : 0;
    while (k < t_.size() && words < max_words && !used_[k] && t_[k].sentence == sentence &&
           !t_[k].line_start) {
      if (t_[k].kind == TokenKind::punct && t_[k].norm == "-" && !t_[k].space_before &&
          k + 1 < t_.size() && !t_[k + 1].space_before && capitalised(k + 1)) {
        ++k; // «Al-Fitouri»: the hyphen joins two parts of one name
        continue;
      }
      std::string_view n = t_[k].norm;
      bool lower_particle = !capitalised(k) && t_[k].kind == TokenKind::word && !t_[k].arabic &&
                            latin_particle(n) &&
                            (capitalised(k + 1) ||
                             (k + 2 < t_.size() && t_[k + 1].norm == "-" && capitalised(k + 2)));
      if (!capitalised(k) && !lower_particle)
        break;
      bool particle = latin_particle(n);
      if (particle) {
        if (!capitalised(k + 1) && !(k + 1 < t_.size() && t_[k + 1].norm == "-"))
          break;
      } else if (latin_non_name(n)) {
        break;
      }
      ++k;
      // «Hussain bin Ali Al-Abbas»: particles do not count towards the name's length.
      words += particle ? 0 : 1;
    }
    return k;
  }

  bool latin_title(std::string_view n) const {
    static const std::unordered_set<std::string_view> words = {
        "minister",    "ministre",   "spokesman",  "spokesperson", "spokeswoman",
        "porte",       "parole",     "director",   "directeur",    "directrice",
        "chief",       "chef",       "president",  "general",      "colonel",
        "commander",   "commandant", "judge",      "juge",         "prosecutor",
        "procureur",   "mr",         "mrs",        "ms",           "m",
        "mme",         "dr",         "suspect",    "defendant",    "leader",
        "prefet",      "prefect",    "ambassador", "ambassadeur",  "mayor",
        "maire",       "king",       "roi",        "emir",         "imam",
        "sheikh",      "cheikh",     "lieutenant", "captain",      "capitaine",
        "officer",     "premier",    "senator",    "senateur",     "depute",
        "secretary",   "secretaire", "governor",   "gouverneur",   "commissioner",
        "commissaire", "lawyer",     "avocat",     "brother",      "frere",
        "named",       "nomme",      "identified", "presume",      "alleged"};
    return words.count(n) > 0;
  }

  void latin_persons() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      // A name does not start with a particle, except a kunya («Abu Yasser al-Issawi»).
      bool kunya = t_[i].norm == "abu" || t_[i].norm == "abou";
      if (used_[i] || !capitalised(i) || latin_non_name(t_[i].norm) ||
          (latin_particle(t_[i].norm) && !kunya))
        continue;
      bool given = latin_given_at(i);
      bool titled = i > 0 && t_[i - 1].kind == TokenKind::word && latin_title(t_[i - 1].norm);
      // «identified as X», «known as X»
      titled = titled || (i > 1 && t_[i - 1].norm == "as" && latin_title(t_[i - 2].norm));
      // «the Interior Minister, Emad Trabelsi», «le porte-parole de la Garde nationale, X Y»
      if (!given && !titled && i > 0 && t_[i - 1].norm == ",") {
        for (std::size_t b = i - 1; b-- > 0 && b + 12 > i;) {
          if (t_[b].sentence != t_[i].sentence || t_[b].norm == "," || t_[b].norm == ".")
            break;
          if (t_[b].kind == TokenKind::word && latin_title(t_[b].norm)) {
            titled = true;
            break;
          }
        }
      }
      if (!given && !titled) {
        // The role after the name: «Yehia Rasool, spokesperson for ...», «X Y, the minister».
        std::size_t end = latin_name_words(i + 1, 2);
        std::size_t r = end + 1;
        if (end > i + 1 && r < t_.size() && t_[end].norm == ",") {
          if (t_[r].norm == "the" || t_[r].norm == "le" || t_[r].norm == "la")
            ++r;
          if (r < t_.size() && latin_title(t_[r].norm) && !t_[r].arabic &&
              t_[r].norm != "suspect" && t_[r].norm != "m") {
            add_person(i, end, 0, "latin-role-after");
            i = end - 1;
          }
        }
        continue;
      }
      std::size_t last = latin_name_words(i + 1, 3);
      if (last == i + 1)
        continue;
      add_person(i, last, 0, given ? "latin-given-name" : "latin-title");
      i = last - 1;
    }
  }

  // «à Strasbourg», «in Zliten», «near Qatrun», «originaires de Sbeïtla et de Jelma»,
  // «Jebel Mghila», «Borno State»: capitalised words after a place preposition.
  void latin_places() {
    static const std::unordered_set<std::string_view> prepositions = {"a",    "in",      "near",
                                                                      "pres", "outside", "around"};
    static const std::unordered_set<std::string_view> place_nouns = {
        "ville",    "villes",   "region",      "province",   "gouvernorat", "gouvernorats",
        "wilaya",   "commune",  "localite",    "originaire", "originaires", "city",
        "town",     "village",  "governorate", "district",   "camp",        "quartier",
        "banlieue", "environs", "outskirts"};
    static const std::unordered_set<std::string_view> mountains = {"jebel", "djebel", "mount",
                                                                   "mont",  "monts",  "jabal"};
    for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
      if (t_[i].kind != TokenKind::word || t_[i].arabic)
        continue;
      std::string_view n = t_[i].norm;
      std::size_t k = 0;
      bool mountain = mountains.count(n) && capitalised(i);
      if (mountain) {
        k = i;
      } else if (prepositions.count(n) && !capitalised(i)) {
        k = i + 1;
      } else if ((n == "de" || n == "of" || n == "d") &&
                 (i > 0 && place_nouns.count(t_[i - 1].norm))) {
        k = i + 1;
      } else if ((n == "de" || n == "a") && i >= 2 && t_[i - 1].norm == "et") {
        // «de Kasserine et de Sidi Bouzid»: the second of a coordinated pair.
        bool place_before = false;
        for (const Candidate& c : candidates_)
          place_before = place_before || (c.type == EntityType::location && c.last == i - 1);
        if (!place_before)
          continue;
        k = i + 1;
      } else {
        continue;
      }
      if (k < t_.size() && t_[k].kind == TokenKind::punct &&
          (t_[k].norm == "'" || t_[k].norm == "’") && n == "d")
        ++k;
      // «près d'Assamaka», «originaire d'Oujda»
      if (k + 1 < t_.size() && t_[k].norm == "d" && t_[k + 1].kind == TokenKind::punct &&
          (t_[k + 1].norm == "'" || t_[k + 1].norm == "’"))
        k += 2;
      if (k >= t_.size() || used_[k] || !capitalised(k) || latin_given_at(k))
        continue;
      std::size_t last = latin_name_words(mountain ? k + 1 : k, 3);
      if (last == k || (mountain && last == k + 1))
        continue;
      // «Borno State», «Nineveh Province»
      static const std::unordered_set<std::string_view> suffixes = {"state", "province",
                                                                    "governorate", "region"};
      if (last < t_.size() && !used_[last] && capitalised(last) && suffixes.count(t_[last].norm))
        ++last;
      Candidate c;
      c.first = k;
      c.last = last;
      c.type = EntityType::location;
      c.rule = "latin-place";
      add(std::move(c));
      i = last - 1;
    }
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
  mutable std::vector<std::vector<CliticReading>> readings_;
  mutable std::vector<bool> read_;
};

} // namespace

std::vector<Entity> find_entities(std::string_view display, const std::vector<Token>& tokens,
                                  const KnowledgeBase& kb) {
  Finder finder(display, tokens, kb);
  return finder.run();
}

} // namespace tansiq::text
