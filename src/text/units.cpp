#include "text/units.h"

#include <string>
#include <unordered_map>

namespace tansiq::text {
namespace {

using Table = std::unordered_map<std::string_view, std::string_view>;

// Keys are normalised (أ->ا, ة->ه, ى->ي).
const Table& single() {
  static const Table table = [] {
    Table t;
    auto add = [&](std::string_view unit, std::initializer_list<std::string_view> words) {
      for (auto w : words)
        t.emplace(w, unit);
    };
    add("persons", {"شخص",        "شخصا",        "اشخاص",      "شخصين",       "مواطن",
                    "مواطنا",     "مواطنين",     "مواطنون",    "عنصر",        "عنصرا",
                    "عناصر",      "ارهابي",      "ارهابيا",    "ارهابيين",    "ارهابيون",
                    "متطرف",      "متطرفا",      "متطرفين",    "مشتبه",       "مشتبها",
                    "مشتبهين",    "موقوف",       "موقوفا",     "موقوفين",     "معتقل",
                    "معتقلا",     "معتقلين",     "مقاتل",      "مقاتلا",      "مقاتلين",
                    "مقاتلون",    "فرد",         "افراد",      "رجل",         "رجال",
                    "رجلا",       "امراه",       "نساء",       "سيده",        "طفل",
                    "اطفال",      "قتيل",        "قتيلا",      "قتلي",        "جريح",
                    "جريحا",      "جرحي",        "ضحيه",       "ضحايا",       "شرطي",
                    "شرطيا",      "عسكري",       "عسكريين",    "جندي",        "جنديا",
                    "جنود",       "مهاجر",       "مهاجرا",     "مهاجرين",     "مجتاز",
                    "مجتازا",     "اخرون",       "اخرين",      "متهم",        "متهما",
                    "متهمين",     "جهادي",       "جهاديا",     "جهاديين",     "داعشي",
                    "داعشيا",     "داعشيين",     "نفر",        "انتحاري",     "انتحاريين",
                    "مسلح",       "مسلحا",       "مسلحين",     "قيادي",       "قياديين",
                    "مطلوب",      "مطلوبا",      "مطلوبين",    "رهينه",       "رهائن",
                    "سجين",       "سجينا",       "سجناء",      "persons",     "people",
                    "personnes",  "individus",   "suspects",   "terroristes", "terrorists",
                    "fighters",   "combattants", "مدني",       "مدنيا",       "مدنيين",
                    "مدنيون",     "لاجئ",        "لاجئا",      "لاجئين",      "لاجئون",
                    "elements",   "membres",     "members",    "member",      "mineurs",
                    "soldats",    "soldiers",    "militaires", "insurgents",  "militants",
                    "jihadistes", "jihadists",   "men",        "hommes",      "defendants",
                    "accuses",    "prevenus",    "civils",     "civilians",   "refugees",
                    "refugies",   "policiers",   "victims",    "victimes",    "morts",
                    "dead",       "blesses",     "wounded",    "detenus",     "detainees",
                    "others",     "autres",      "hostages",   "otages",      "citizens",
                    "nationals",  "aides",       "troops",     "students",    "ressortissants",
                    "passengers", "passagers",   "drivers",    "chauffeurs",  "سائق",
                    "سائقا",      "سائقين",      "طالب",       "طالبا",       "طلاب",
                    "ركاب",       "مهاجم",       "مهاجما",     "مهاجمين",     "مهاجمون",
                    "منهم",       "attackers",   "assailants", "assaillants", "gunmen",
                    "agresseurs"});
    add("cells", {"خليه", "خلايا", "cellules", "cells", "cellule", "cell"});
    add("networks", {"شبكه", "شبكات"});
    add("weapons", {"سلاح", "اسلحه", "بندقيه", "بنادق", "كلاشينكوف", "قاذفه", "قاذفات", "رشاش",
                    "رشاشات", "armes", "weapons", "fusils", "rifles", "kalachnikovs",
                    "kalashnikovs", "guns", "firearms"});
    add("pistols", {"مسدس", "مسدسا", "مسدسات"});
    add("missiles", {"صاروخ", "صاروخا", "صواريخ"});
    add("rounds", {"اطلاقه", "رصاصه", "طلقه", "طلقات", "ذخيره", "rounds", "balles", "bullets"});
    add("cartridges", {"خرطوشه", "خراطيش", "cartouches", "cartridges"});
    add("shells", {"قذيفه", "قذائف"});
    add("grenades", {"رمانه", "رمانات", "قنبله", "قنابل", "grenades"});
    add("detonators", {"صاعقه", "صواعق", "مفجر", "مفجرات"});
    add("explosive_devices", {"عبوه", "عبوات"});
    add("cases", {"قضيه", "قضايا", "ملف", "ملفات"});
    add("raids", {"مداهمه", "مداهمات"});
    add("operations", {"عمليه", "عمليات"});
    add("attacks", {"هجوم", "هجمات", "هجوما", "اعتداء", "اعتداءات", "تفجير", "تفجيرات", "attentats",
                    "attacks", "attaques", "bombings"});
    add("plots", {"مخطط", "مخططات", "مخططا"});
    add("vehicles",
        {"سياره", "سيارات", "شاحنه", "شاحنات", "عربه", "عربات", "دراجه", "مركبه", "مركبات",
         "vehicules", "vehicles", "trucks", "cars", "voitures", "motos", "motorcycles", "camions"});
    add("kg", {"كلغ", "كغ", "كيلوغرام", "كيلوغراما", "كيلوجرام", "كلم", "kg", "kilograms",
               "kilogrammes", "kilos"});
    add("t", {"طن", "طنا", "اطنان"});
    add("g", {"غرام", "غراما", "جرام"});
    add("pills", {"قرص", "قرصا", "اقراص", "حبه", "حبات", "pills", "tablets", "comprimes"});
    add("cities", {"مدن", "مدينه"});
    add("countries", {"دول", "دوله", "بلدان", "بلد", "بلدا"});
    add("TND", {"دينار", "دينارا", "دنانير", "dinars"});
    add("MAD", {"درهم", "درهما", "دراهم", "dirhams"});
    add("USD", {"دولار", "دولارا", "دولارات", "dollars"});
    add("EGP", {"جنيه", "جنيها", "جنيهات"});
    add("SAR", {"ريال", "ريالا", "ريالات", "riyals"});
    add("EUR", {"يورو", "euros"});
    add("centimes", {"سنتيم", "سنتيما"});
    add("years_age", {});
    return t;
  }();
  return table;
}

const Table& pairs() {
  static const Table table = {{"قطعه سلاح", "weapons"},
                              {"قطع سلاح", "weapons"},
                              {"قطعه اسلحه", "weapons"},
                              {"عمليه مداهمه", "raids"},
                              {"عمليات مداهمه", "raids"},
                              {"حزام ناسف", "explosive_belts"},
                              {"احزمه ناسفه", "explosive_belts"},
                              {"حزاما ناسفا", "explosive_belts"},
                              {"قاذفات صواريخ", "weapons"},
                              {"قاذفه صواريخ", "weapons"},
                              {"بنادق صيد", "weapons"},
                              {"عمليه ارهابيه", "attacks"},
                              {"عمليات ارهابيه", "attacks"},
                              {"خليه ارهابيه", "cells"},
                              {"خلايا ارهابيه", "cells"},
                              {"رمانه يدويه", "grenades"},
                              {"رمانات يدويه", "grenades"},
                              {"قرصا مخدرا", "pills"},
                              {"عبوه ناسفه", "explosive_devices"},
                              {"عبوات ناسفه", "explosive_devices"},
                              {"سياره مفخخه", "vehicles"},
                              {"gun trucks", "vehicles"}};
  return table;
}

} // namespace

std::string_view unit_of(std::string_view word, std::string_view next) {
  if (!next.empty()) {
    std::string key(word);
    key += ' ';
    key += next;
    auto it = pairs().find(key);
    if (it != pairs().end())
      return it->second;
  }
  auto it = single().find(word);
  return it == single().end() ? std::string_view{} : it->second;
}

bool unit_takes_two_words(std::string_view word, std::string_view next) {
  if (next.empty())
    return false;
  std::string key(word);
  key += ' ';
  key += next;
  return pairs().count(key) > 0;
}

std::string_view duration_unit(std::string_view w) {
  static const Table table = {
      {"اشهر", "months"},    {"شهر", "months"},    {"شهرا", "months"},  {"شهور", "months"},
      {"سنه", "years"},      {"سنوات", "years"},   {"سنين", "years"},   {"عاما", "years"},
      {"اعوام", "years"},    {"عام", "years"},     {"يوم", "days"},     {"ايام", "days"},
      {"يوما", "days"},      {"اسبوع", "weeks"},   {"اسابيع", "weeks"}, {"اسبوعا", "weeks"},
      {"ساعه", "hours"},     {"ساعات", "hours"},   {"ans", "years"},    {"years", "years"},
      {"mois", "months"},    {"months", "months"}, {"jours", "days"},   {"days", "days"},
      {"semaines", "weeks"}, {"weeks", "weeks"},   {"heures", "hours"}, {"hours", "hours"}};
  auto it = table.find(w);
  return it == table.end() ? std::string_view{} : it->second;
}

} // namespace tansiq::text
