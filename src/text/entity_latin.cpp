// Latin-script rules (French and English articles, Latin names in any article): capitalised
// name words, institutions, places after a preposition, persons.
#include "text/entity_finder.h"

#include <algorithm>

namespace tansiq::text::entity_rules {

// «Interior Ministry», «Specialized Criminal Court», «Amnesty International»: capitalised
// words ending in (or containing) an institution noun; «ministère de la Défense», «tribunal
// de Paris»: a French institution noun and its capitalised complement.
// «Mauritanian army», «Malian armed forces», «Nigerien national guard»: English writes a
// country's forces with a nationality adjective and lower-case nouns.
bool Finder::nationality_force_at(std::size_t i) {
  static const std::unordered_set<std::string_view> forces = {"army", "navy", "police",
                                                              "gendarmerie"};
  static const std::unordered_set<std::string_view> qualifiers = {"armed", "national", "coast",
                                                                  "air"};
  static const std::unordered_set<std::string_view> plural_heads = {"forces", "guard", "force"};
  if (!capitalised(i) || !is_nationality_word(t_[i].norm) || i + 1 >= t_.size())
    return false;
  std::size_t end = 0;
  auto word = [&](std::size_t k) {
    return k < t_.size() && !used_[k] && t_[k].kind == TokenKind::word && !t_[k].arabic &&
           t_[k].sentence == t_[i].sentence;
  };
  if (word(i + 1) && forces.count(t_[i + 1].norm))
    end = i + 2;
  else if (word(i + 1) && word(i + 2) && qualifiers.count(t_[i + 1].norm) &&
           plural_heads.count(t_[i + 2].norm))
    end = i + 3;
  if (end == 0)
    return false;
  Candidate c;
  c.first = i;
  c.last = end;
  c.type = EntityType::organization;
  c.rule = "nationality-force";
  add(std::move(c));
  return true;
}

void Finder::latin_orgs() {
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
    if (nationality_force_at(i))
      continue;
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

bool Finder::capitalised(std::size_t k) const {
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
bool Finder::latin_non_name(std::string_view n) {
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

bool Finder::latin_particle(std::string_view n) {
  static const std::unordered_set<std::string_view> words = {
      "el", "al",  "ben", "bin", "ibn", "ould", "ait", "abu", "abou", "ag",
      "de", "van", "von", "der", "den", "da",   "di",  "dos", "bou",  "oulad"};
  return words.count(n) > 0;
}

// A Latin given name at k (the knowledge base's given names in Latin script).
bool Finder::latin_given_at(std::size_t k) const {
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
std::size_t Finder::latin_name_words(std::size_t k, std::size_t max_words) const {
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
    bool lower_particle =
        !capitalised(k) && t_[k].kind == TokenKind::word && !t_[k].arabic && latin_particle(n) &&
        (capitalised(k + 1) || (k + 2 < t_.size() && t_[k + 1].norm == "-" && capitalised(k + 2)));
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

bool Finder::latin_title(std::string_view n) const {
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

void Finder::latin_persons() {
  for (std::size_t i = 0; i < t_.size(); ++i) {
    // A name does not start with a particle, except a kunya («Abu Yasser al-Issawi»).
    bool kunya = t_[i].norm == "abu" || t_[i].norm == "abou";
    if (used_[i] || !capitalised(i) || latin_non_name(t_[i].norm) ||
        (latin_particle(t_[i].norm) && !kunya))
      continue;
    bool given = latin_given_at(i);
    // «near Adel Bagrou», «vers Bir Moghrein»: after a preposition of place a given name
    // starts a place (latin_places takes it).
    static const std::unordered_set<std::string_view> place_prepositions = {
        "near", "outside", "around", "towards", "toward", "vers", "pres"};
    if (given && i > 0 && place_prepositions.count(t_[i - 1].norm))
      continue;
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
        if (r < t_.size() && latin_title(t_[r].norm) && !t_[r].arabic && t_[r].norm != "suspect" &&
            t_[r].norm != "m") {
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
void Finder::latin_places() {
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
    // After «in» or «à» a given name is more often a person's («in Mohamed's house»); after
    // «near» it starts a place («near Adel Bagrou»; latin_persons leaves it).
    bool near = n == "near" || n == "outside" || n == "around";
    if (k >= t_.size() || used_[k] || !capitalised(k) || (latin_given_at(k) && !near))
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

} // namespace tansiq::text::entity_rules
