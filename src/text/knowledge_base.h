// The curated lexicon: named entities with their ar/fr/en names and acronyms, nationality
// adjectives, and given names. Loaded from TSV text passed in (the library reads no files):
//   id <TAB> type[:subtype] <TAB> ar names <TAB> fr names <TAB> en names <TAB> acronyms <TAB>
//   country
// Names in a column are separated by '|'; '#' starts a comment line; trailing columns may be
// omitted. Types: person, organization, group, location, nationality, given_name.
// A repeated id adds names to the first record.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tansiq::text {

enum class EntityType : unsigned char {
  person,
  organization,
  group,
  location,
  nationality,
  given_name
};

const char* to_string(EntityType type);

struct EntityRecord {
  std::string id;
  EntityType type = EntityType::organization;
  std::string subtype;            // "country", "city", "agency", "ambiguous" ...
  std::vector<std::string> names; // every name and acronym as written, Arabic first
  std::string country;            // ISO 3166 code when known
};

class KnowledgeBase {
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V> using Map = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;

public:
  // Errors (invalid_input): a line without id or type, an unknown type; `origin` names the
  // text in messages (e.g. "organisations.tsv").
  Result<void> add_tsv(std::string_view tsv, std::string_view origin);
  // Every ISO 3166 country with its ICU (CLDR) display names in Arabic, French and English,
  // id "country:XX"; existing records with that id get the names added.
  void add_icu_countries();

  std::size_t size() const { return records_.size(); }
  const EntityRecord& record(uint32_t index) const { return records_[index]; }
  const EntityRecord* find(std::string_view id) const;

  // Records whose name has this phrase key (normalised tokens joined by single spaces).
  const std::vector<uint32_t>* lookup(std::string_view key) const;
  // True when some name's key starts with `key` + " ".
  bool is_prefix(std::string_view key) const { return prefixes_.find(key) != prefixes_.end(); }

  // The key of a name: normalised tokens joined by single spaces.
  static std::string key_of(std::string_view name);

private:
  uint32_t record_for(std::string_view id, EntityType type, std::string_view subtype);
  void add_name(uint32_t index, std::string_view name);

  std::vector<EntityRecord> records_;
  Map<uint32_t> by_id_;
  Map<std::vector<uint32_t>> by_key_;
  std::unordered_set<std::string, KeyHash, std::equal_to<>> prefixes_;
};

} // namespace tansiq::text
