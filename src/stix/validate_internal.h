// Internal to the STIX validator: the table-driven machinery shared by the
// validate_*.cpp files. A Schema lists the properties of an object (or of a
// nested structure such as an extension); each Property says what its value must
// be. validate_properties() walks an object once, checks every member against its
// Property, then reports missing required ones; type-specific co-constraints run
// afterwards through a Checker.
#pragma once

#include "stix/validate.h"
#include "stix/vocabularies.h"

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace tansiq::stix::detail {

// One step of a JSON path, chained on the stack: nothing is allocated until a
// violation needs the path as text.
struct PathNode {
  const PathNode* parent = nullptr; // nullptr: `key` is the raw root path
  std::string_view key;             // member name (ignored when index >= 0)
  std::int64_t index = -1;          // array index, or -1
};

inline PathNode child(const PathNode& parent, std::string_view key) {
  return {&parent, key, -1};
}
inline PathNode at_index(const PathNode& parent, std::int64_t index) {
  return {&parent, {}, index};
}
std::string render(const PathNode& node);

// Concatenates string pieces into a message (only called on the unhappy path).
template <class... Parts> std::string cat(const Parts&... parts) {
  std::string text;
  (text.append(std::string_view(parts)), ...);
  return text;
}
std::string quoted(std::string_view text);     // "text" (shortened when very long)
std::string got(simdjson::dom::element value); // "a string", "an integer", ...

enum class Category : std::uint8_t {
  sdo,
  sro,
  sco,
  marking_definition,
  language_content,
  extension_definition,
  bundle,
  unknown, // a custom (non-STIX 2.1) type
};
Category category_of(std::string_view type); // of a type name defined by STIX 2.1
const char* category_name(Category category);

// Which object types an identifier property may point to.
struct RefRule {
  const char* expected; // for messages, e.g. "an identity"
  bool (*accepts)(std::string_view type);
};

enum class Kind : std::uint8_t {
  string,
  boolean,
  integer,
  number,
  timestamp,
  timestamp_millis, // created/modified: at least millisecond precision
  identifier,       // with `refs`
  identifier_list,  // with `refs`
  string_list,      // with optional `vocab`
  hashes,
  dictionary,
  object,      // a non-empty JSON object, contents not checked further
  nested,      // a JSON object checked against `nested`
  nested_list, // a list of JSON objects checked against `nested`
  kill_chain_phases,
  external_references,
  granular_markings,
  extensions,
  hex,
  binary,
  any,            // any non-null value (checked by a Checker)
  not_applicable, // a common property that this kind of object must not carry
  reserved,       // a name STIX 2.1 reserves
};

struct SchemaDef;

struct Property {
  std::string_view name;
  Kind kind = Kind::string;
  bool required = false;
  const RefRule* refs = nullptr;
  const Vocab* vocab = nullptr; // for string and string_list
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const SchemaDef* nested = nullptr;
};

struct Checker;
using CoConstraint = void (*)(Checker&);

// A property table as written in the source: common properties plus the
// object's own, and the co-constraints that tie them together.
struct SchemaDef {
  const char* what; // for messages, e.g. "indicator" or "the archive-ext extension"
  std::span<const Property> common;
  std::span<const Property> own;
  CoConstraint check = nullptr;
};

// The same table compiled once: properties sorted by name for binary search.
struct Schema {
  const SchemaDef* def = nullptr;
  std::vector<const Property*> sorted;
  int find(std::string_view name) const; // index into `sorted`, or -1
};

// The compiled form of `def` (every SchemaDef reachable from the type registry
// is compiled once, on first use, thread-safely).
const Schema& compiled(const SchemaDef& def);

constexpr int max_properties = 64;

struct Context {
  std::vector<Violation>& out;
  simdjson::dom::element root;             // the top-level object (granular-marking selectors)
  std::string_view type;                   // the top-level object's type
  mutable bool toplevel_extension = false; // an extension adds top-level properties
  bool custom_type = false; // a custom object type: its top-level properties are its own
  void error(const PathNode& at, std::string message) const;
  void warn(const PathNode& at, std::string message) const;
};

// Every item of a list of structures: an item that is not a JSON object gets
// `not_object` + "; got <its JSON type>", each object is passed to `check`
// with its path.
template <typename Check>
void for_each_listed_object(const Context& ctx, simdjson::dom::array list, const PathNode& path,
                            std::string_view not_object, Check check) {
  std::int64_t i = 0;
  for (simdjson::dom::element item : list) {
    PathNode at = at_index(path, i++);
    simdjson::dom::object object;
    if (item.get_object().get(object))
      ctx.error(at, cat(not_object, "; got ", got(item)));
    else
      check(object, at);
  }
}

// What validate_properties() saw: lets co-constraints read properties by name.
struct Checker {
  const Context& ctx;
  const Schema& schema;
  simdjson::dom::object object;
  const PathNode& path;
  std::uint64_t seen = 0;
  std::array<simdjson::dom::element, max_properties> values{};

  bool has(std::string_view name) const;
  // The property's value when present (and of the expected JSON type).
  bool get(std::string_view name, simdjson::dom::element& value) const;
  bool get_string(std::string_view name, std::string_view& value) const;
  bool get_bool(std::string_view name, bool& value) const;
  void error(std::string_view name, std::string message) const;
  void warn(std::string_view name, std::string message) const;
  void error_here(std::string message) const { ctx.error(path, std::move(message)); }
};

// Checks every member of checker.object against checker.schema, then the
// required ones and the schema's co-constraint. Members not in the schema are
// custom properties.
void validate_properties(Checker& checker);
// The same for a nested structure (an extension, a MIME part, ...).
void validate_nested(const Context& ctx, simdjson::dom::object object, const SchemaDef& def,
                     const PathNode& path);

// Value checks shared by several schemas.
void check_value(const Context& ctx, const Property& property, simdjson::dom::element value,
                 const PathNode& path);
void check_timestamp(const Context& ctx, simdjson::dom::element value, const PathNode& path,
                     bool millis);
void check_identifier(const Context& ctx, simdjson::dom::element value, const RefRule* refs,
                      const PathNode& path);
void check_hashes(const Context& ctx, simdjson::dom::element value, const PathNode& path,
                  bool strict_keys);
void check_external_references(const Context& ctx, simdjson::dom::element value,
                               const PathNode& path);
void check_granular_markings(const Context& ctx, simdjson::dom::element value,
                             const PathNode& path);
void check_extensions(const Context& ctx, std::string_view object_type,
                      simdjson::dom::element value, const PathNode& path);
void check_custom_property(const Context& ctx, std::string_view name, simdjson::dom::element value,
                           const PathNode& path);
void check_kill_chain_phases(const Context& ctx, simdjson::dom::element value,
                             const PathNode& path);
void check_vocab(const Context& ctx, const Vocab& vocab, std::string_view value,
                 const PathNode& path);
bool is_property_name(std::string_view name);
bool is_dictionary_key(std::string_view key);
bool is_hex(std::string_view text);
bool is_base64(std::string_view text);
bool is_language_tag(std::string_view text);

// Time ordering helper for co-constraints: reports when `later` < `earlier` (or
// <= when `strict`). Both are property names; absent or malformed values are
// skipped (their own checks report them).
void check_order(Checker& checker, std::string_view earlier, std::string_view later, bool strict);

// Reference rules.
namespace refs {
extern const RefRule identity, marking_definition, extension_definition, software, file, artifact,
    directory, email_addr, user_account, autonomous_system, mac_addr, network_traffic, process,
    observed_data, identity_or_location, file_or_artifact, file_or_directory, sample,
    domain_resolution, address, sdo_or_sco, sdo, sco, sco_or_sro, any_object,
    not_bundle_or_language;
} // namespace refs

// Common properties by kind of object (validate_common.cpp).
extern const std::span<const Property> sdo_common_properties;
extern const std::span<const Property> sco_common_properties;

struct TypeDef {
  std::string_view type;
  Category category;
  const SchemaDef* schema;
};
// The object types of each part of the specification.
std::span<const TypeDef> sdo_types();  // validate_sdo.cpp (SDOs and SROs)
std::span<const TypeDef> sco_types();  // validate_sco.cpp
std::span<const TypeDef> meta_types(); // validate_meta.cpp

struct ExtensionDef {
  std::string_view name;       // e.g. "archive-ext"
  std::string_view owner_type; // e.g. "file"
  const SchemaDef* schema;
};
std::span<const ExtensionDef> predefined_extensions(); // validate_sco.cpp

// The schema of an object type defined by STIX 2.1 (nullptr for custom types),
// and the generic schemas for custom objects (SDO-like or SCO-like).
const Schema* schema_for_type(std::string_view type);
const Schema& custom_object_schema(bool observable);
const ExtensionDef* find_predefined_extension(std::string_view name);

} // namespace tansiq::stix::detail
