// Private to the entity finder: the passes over the tokens share one Finder (its state: the
// tokens already used, the candidates) and are defined by concept in entities.cpp (knowledge
// base, grouping), entity_organisations.cpp, entity_places.cpp, entity_persons.cpp and
// entity_latin.cpp; the word lists are in entity_lexicon.cpp.
#pragma once

#include "text/entities.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace tansiq::text::entity_rules {

using Tokens = std::vector<Token>;

bool starts(std::string_view s, std::string_view p);

const std::unordered_set<std::string_view>& stopwords();

const std::unordered_set<std::string_view>& titles();

// Words that may stand between a title and the name: «المتهم الثاني قصي ...», «النائب العام
// الصديق الصور», «الرئيس الموريتاني محمد ...», «القاضي العسكري العقيد ...».
const std::unordered_set<std::string_view>& title_modifiers();

const std::unordered_set<std::string_view>& ordinal_words();

// Particles inside a name: «بلقاسم بن عيسى», «محمد ولد الشيخ الغزواني», «إياد أغ غالي».
const std::unordered_set<std::string_view>& name_particles();

// Role nouns after which «..., Name» names the holder.
const std::unordered_set<std::string_view>& role_heads();

// Organisation head nouns (indefinite construct state: the complement follows).
const std::unordered_set<std::string_view>& org_heads();

// Complements that do not make a name («الأجهزة الأمنية» is not an organisation).
const std::unordered_set<std::string_view>& generic_complements();

const std::unordered_set<std::string_view>& place_triggers();

// Dual triggers name two places: «بمدينتي طنجة وشفشاون», «بين ولايتي بومرداس وتيزي وزو».
const std::unordered_set<std::string_view>& dual_place_triggers();

// Triggers after which a masculine adjective (ending in ي) is not a name: «إقليم جبلي».
// After a feminine trigger («بلدة ليري») a final ي belongs to the name.
bool masculine_trigger(std::string_view w);

const std::unordered_set<std::string_view>& compound_place_starts();

bool is_al(std::string_view w);

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
    region_parts();
    person_rules();
    latin_places();
    family_mentions();
    return group();
  }

private:
  // The clitic readings of token i, computed once: every pass asks for them.
  const std::vector<CliticReading>& readings(std::size_t i) const;
  // Records of `types` whose name starts at token i (any clitic reading); longest match.
  bool match_at(std::size_t i, std::size_t& last, uint32_t& prefix,
                std::vector<uint32_t>& records) const;
  const EntityRecord* pick(const std::vector<uint32_t>& records, bool allow_people) const;
  bool is_nationality_word(std::string_view norm) const;
  bool given_name_at(std::size_t i, std::size_t& words, uint32_t& prefix, bool& ambiguous) const;
  void add(Candidate c);
  bool free_range(std::size_t a, std::size_t b) const;
  // Nationality adjectives after a name extend it («وزارة الداخلية المغربية»).
  std::size_t extend_with_nationality(std::size_t last) const;
  void kb_pass();
  // Takes back the one-token place candidate at token k so that a longer name can use it.
  void release_place(std::size_t k);
  bool is_known_place(std::size_t k) const;
  bool quoted_group_at(std::size_t i);
  bool military_region_at(std::size_t i);
  bool generic_body_at(std::size_t i);
  void org_patterns();
  // The trigger at token i, through its clitic readings («بمدينة», «ولولاية»): 0 if none,
  // 1 for a trigger of one place, 2 for a dual («بمدينتي طنجة وشفشاون»).
  int place_trigger_at(std::size_t i, std::string& form) const;
  // A place name after a trigger starting at token j (prefix bytes of a clitic to skip);
  // returns the end token, or j when the words there do not make a name.
  bool listed_with_trigger(std::string_view word) const;
  std::size_t place_name_at(std::size_t j, uint32_t prefix, std::string_view trigger) const;
  void place_triggers_pass();
  void region_parts();
  bool name_like(std::size_t k) const;
  void add_person(std::size_t first, std::size_t last, uint32_t prefix, const char* rule);
  // A title before token i, possibly through modifiers («المتهم الثاني», «النائب العام»,
  // «الرئيس الموريتاني»).
  bool titled_before(std::size_t i) const;
  bool given_at(std::size_t k, std::size_t& words) const;
  // The rest of a name from token f (after its first given name): particles with their
  // word, middle (father's, grandfather's) given names, then one family name. At most
  // `room` more words. Returns the end token.
  std::size_t name_rest(std::size_t f, std::size_t room) const;
  void person_rules();
  // «Interior Ministry», «Specialized Criminal Court», «Amnesty International»: capitalised
  // words ending in (or containing) an institution noun; «ministère de la Défense», «tribunal
  // de Paris»: a French institution noun and its capitalised complement.
  bool nationality_force_at(std::size_t i);
  void latin_orgs();
  bool capitalised(std::size_t k) const;
  // Capitalised words that do not belong to a name (sentence starters, calendar words,
  // institution nouns that follow a place or a person).
  static bool latin_non_name(std::string_view n);
  static bool latin_particle(std::string_view n);
  // A Latin given name at k (the knowledge base's given names in Latin script).
  bool latin_given_at(std::size_t k) const;
  // Capitalised name words from k: «Houcem Eddine Jebabli», «Mustafa Al-Fitouri»,
  // «Soufiane Ait Lahcen», «Alexander De Croo». Returns the end token.
  std::size_t latin_name_words(std::size_t k, std::size_t max_words) const;
  bool latin_title(std::string_view n) const;
  void latin_persons();
  // «à Strasbourg», «in Zliten», «near Qatrun», «originaires de Sbeïtla et de Jelma»,
  // «Jebel Mghila», «Borno State»: capitalised words after a place preposition.
  void latin_places();
  // Later mentions of a found person's family name («الحافيظي», «عيارة»).
  void family_mentions();
  std::string display_of(const Candidate& c, uint32_t& begin, uint32_t& end) const;
  std::vector<Entity> group();

  std::string_view d_;
  const Tokens& t_;
  const KnowledgeBase& kb_;
  std::vector<bool> used_;
  std::vector<Candidate> candidates_;
  std::vector<Candidate> candidates_copy_;
  mutable std::vector<std::vector<CliticReading>> readings_;
  mutable std::vector<bool> read_;
};

} // namespace tansiq::text::entity_rules
