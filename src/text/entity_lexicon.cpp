// The closed word lists of the entity rules (stop words, titles, heads, triggers, particles):
// grammar of the press, not facts about the world (those are in data/text/).
#include "text/entity_finder.h"

namespace tansiq::text::entity_rules {

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

} // namespace tansiq::text::entity_rules
