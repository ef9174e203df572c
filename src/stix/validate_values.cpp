// Checks of single property values: JSON types, timestamps, identifiers and
// their targets, vocabularies, hashes, hex/binary, and custom properties.
#include "stix/identifier.h"
#include "stix/timestamp.h"
#include "stix/validate_internal.h"

namespace tansiq::stix::detail {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// JSON does not distinguish 5 from 5.0; like JSON Schema, a number with no
// fractional part counts as an integer.
bool is_integer(element value) {
  if (value.type() == element_type::DOUBLE) {
    double number = value.get_double().value_unsafe();
    return number == static_cast<double>(static_cast<std::int64_t>(number));
  }
  return value.type() == element_type::INT64 || value.type() == element_type::UINT64;
}

std::string join(std::span<const std::string_view> values) {
  std::string out;
  for (auto v : values) {
    if (!out.empty())
      out += ", ";
    out.append(v);
  }
  return out;
}

// False (after reporting) unless `value` is a non-empty list.
bool require_list(const Context& ctx, element value, const PathNode& path,
                  simdjson::dom::array& list) {
  if (value.get_array().get(list)) {
    ctx.error(path, cat("must be a list; got ", got(value)));
    return false;
  }
  if (list.size() == 0) {
    ctx.error(path, "must not be an empty list: STIX 2.1 prohibits empty lists (omit an "
                    "optional property instead)");
    return false;
  }
  return true;
}

bool require_object(const Context& ctx, element value, const PathNode& path,
                    simdjson::dom::object& object, const char* what) {
  if (value.get_object().get(object)) {
    ctx.error(path, cat("must be ", what, " (a JSON object); got ", got(value)));
    return false;
  }
  if (object.size() == 0) {
    ctx.error(path, cat("must not be empty: STIX 2.1 prohibits empty ", what,
                        " (omit an optional property instead)"));
    return false;
  }
  return true;
}

std::string_view string_or_empty(element value) {
  std::string_view text;
  if (value.get_string().get(text))
    return {};
  return text;
}

bool is_rfc4122(std::string_view id) {
  // "<type>--xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx": V is the version, N the variant.
  std::string_view uuid = id.substr(id.size() - 36);
  char version = uuid[14];
  char variant = uuid[19];
  return version >= '1' && version <= '5' &&
         (variant == '8' || variant == '9' || variant == 'a' || variant == 'b' || variant == 'A' ||
          variant == 'B');
}

void check_hash_value(const Context& ctx, std::string_view algorithm, std::string_view hash,
                      const PathNode& path) {
  size_t expected = 0;
  if (algorithm == "MD5")
    expected = 32;
  else if (algorithm == "SHA-1")
    expected = 40;
  else if (algorithm == "SHA-256" || algorithm == "SHA3-256")
    expected = 64;
  else if (algorithm == "SHA-512" || algorithm == "SHA3-512")
    expected = 128;
  if (expected != 0) {
    if (hash.size() != expected || !is_hex(hash))
      ctx.error(path, cat(quoted(hash), " is not a ", algorithm, " hash: expected ",
                          std::to_string(expected), " hexadecimal digits"));
    return;
  }
  if (algorithm == "TLSH") {
    std::string_view digits = hash.starts_with("T1") ? hash.substr(2) : hash;
    if (digits.size() != 70 || !is_hex(digits))
      ctx.error(path, cat(quoted(hash), " is not a TLSH digest: expected 70 hexadecimal "
                                        "digits, optionally after \"T1\""));
    return;
  }
  if (algorithm == "SSDEEP") {
    size_t colons = 0;
    bool ok = !hash.empty() && is_digit(hash[0]);
    for (char c : hash) {
      colons += c == ':';
      ok = ok && (is_alpha(c) || is_digit(c) || c == '/' || c == '+' || c == ':' || c == '.');
    }
    if (!ok || colons != 2)
      ctx.error(path, cat(quoted(hash),
                          " is not an SSDEEP digest: expected blocksize:hash:hash in base64"));
    return;
  }
  if (hash.empty())
    ctx.error(path, "must not be an empty string: a hash value is required");
}

} // namespace

bool is_hex(std::string_view text) {
  if (text.size() % 2 != 0)
    return false;
  for (char c : text)
    if (!is_hex_digit(c))
      return false;
  return true;
}

bool is_base64(std::string_view text) {
  if (text.size() % 4 != 0)
    return false;
  size_t padding = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0 || !(is_alpha(c) || is_digit(c) || c == '+' || c == '/'))
      return false;
  }
  return padding <= 2;
}

bool is_property_name(std::string_view name) {
  if (name.size() < 3 || name.size() > 250 || !(name[0] >= 'a' && name[0] <= 'z'))
    return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '_'))
      return false;
  return true;
}

bool is_dictionary_key(std::string_view key) {
  if (key.empty() || key.size() > 250)
    return false;
  for (char c : key)
    if (!(is_alpha(c) || is_digit(c) || c == '_' || c == '-'))
      return false;
  return true;
}

bool is_language_tag(std::string_view text) {
  // RFC 5646 shape: a 2-8 letter primary subtag, then 1-8 character subtags.
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t end = text.find('-', start);
    std::string_view subtag = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (subtag.empty() || subtag.size() > 8 || (first && subtag.size() < 2))
      return false;
    for (char c : subtag)
      if (!(is_alpha(c) || (!first && is_digit(c))))
        return false;
    if (end == std::string_view::npos)
      return true;
    first = false;
    start = end + 1;
  }
}

void check_vocab(const Context& ctx, const Vocab& vocab, std::string_view value,
                 const PathNode& path) {
  if (vocab_contains(vocab, value))
    return;
  if (vocab.open)
    ctx.warn(path, cat(quoted(value), " is not in the open vocabulary ", vocab.name,
                       "; values SHOULD come from it (", join(vocab.values).substr(0, 200), ")"));
  else
    ctx.error(path, cat(quoted(value), " is not a value of ", vocab.name,
                        "; it MUST be one of: ", join(vocab.values)));
}

void check_timestamp(const Context& ctx, element value, const PathNode& path, bool millis) {
  std::string_view text;
  if (value.get_string().get(text)) {
    ctx.error(path, cat("must be a timestamp string; got ", got(value)));
    return;
  }
  if (!parse_timestamp(text)) {
    ctx.error(path, cat(quoted(text), " is not an RFC 3339 timestamp in UTC "
                                      "(YYYY-MM-DDTHH:MM:SS[.s+]Z, a valid date and time)"));
    return;
  }
  if (millis && fractional_digits(text) < 3)
    ctx.error(path, cat(quoted(text), " has ", std::to_string(fractional_digits(text)),
                        " fractional-second digits; STIX 2.1 requires created and modified "
                        "to be precise to at least the millisecond (3 digits)"));
}

void check_identifier(const Context& ctx, element value, const RefRule* refs,
                      const PathNode& path) {
  std::string_view id;
  if (value.get_string().get(id)) {
    ctx.error(path, cat("must be an identifier string; got ", got(value)));
    return;
  }
  std::string_view type = identifier_type(id);
  if (type.empty()) {
    ctx.error(path, cat(quoted(id), " is not a STIX identifier (<object-type>--<UUID>)"));
    return;
  }
  if (!is_rfc4122(id)) {
    ctx.error(path, cat(quoted(id), " does not end in an RFC 4122 UUID (version digit 1-5, "
                                    "variant digit 8, 9, a or b)"));
    return;
  }
  if (refs && !refs->accepts(type))
    ctx.error(path, cat("references a \"", type, "\" object; it must reference ", refs->expected));
}

void check_hashes(const Context& ctx, element value, const PathNode& path, bool strict_keys) {
  simdjson::dom::object hashes;
  if (!require_object(ctx, value, path, hashes, "a hashes dictionary"))
    return;
  for (auto [algorithm, hash_value] : hashes) {
    PathNode at = child(path, algorithm);
    if (algorithm.size() < 3 || !is_dictionary_key(algorithm)) {
      ctx.error(at, cat(quoted(algorithm), " is not a valid hashes key (3-250 characters of "
                                           "a-z, A-Z, 0-9, '-' and '_')"));
      continue;
    }
    std::string_view hash;
    if (hash_value.get_string().get(hash)) {
      ctx.error(at, cat("a hash value must be a string; got ", got(hash_value)));
      continue;
    }
    if (!vocab_contains(vocab::hash_algorithm, algorithm)) {
      std::string message = cat(quoted(algorithm), " is not in hash-algorithm-ov (",
                                join(vocab::hash_algorithm.values), ")");
      if (strict_keys)
        ctx.error(at, message + "; external-reference hashes MUST use it");
      else
        ctx.warn(at, message + "; hash names SHOULD come from it");
      continue;
    }
    check_hash_value(ctx, algorithm, hash, at);
  }
}

void check_kill_chain_phases(const Context& ctx, element value, const PathNode& path) {
  simdjson::dom::array list;
  if (!require_list(ctx, value, path, list))
    return;
  for_each_listed_object(
      ctx, list, path, "a kill-chain-phase must be an object",
      [&](simdjson::dom::object phase, const PathNode& at) {
        for (const char* key : {"kill_chain_name", "phase_name"}) {
          element field;
          std::string_view text;
          if (phase[key].get(field)) {
            ctx.error(child(at, key),
                      cat("required property \"", key, "\" of a kill-chain-phase is missing"));
          } else if (field.get_string().get(text)) {
            ctx.error(child(at, key), cat("must be a string; got ", got(field)));
          } else {
            for (char c : text)
              if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '-')) {
                ctx.warn(child(at, key),
                         cat(quoted(text), " SHOULD be all lowercase with hyphens as word "
                                           "separators"));
                break;
              }
          }
        }
      });
}

void check_value(const Context& ctx, const Property& property, element value,
                 const PathNode& path) {
  switch (property.kind) {
  case Kind::string: {
    std::string_view text;
    if (value.get_string().get(text))
      ctx.error(path, cat("must be a string; got ", got(value)));
    else if (property.vocab)
      check_vocab(ctx, *property.vocab, text, path);
    return;
  }
  case Kind::boolean:
    if (value.type() != element_type::BOOL)
      ctx.error(path, cat("must be a boolean (true or false); got ", got(value)));
    return;
  case Kind::integer:
  case Kind::number: {
    bool integral = is_integer(value);
    if (property.kind == Kind::integer ? !integral
                                       : !(integral || value.type() == element_type::DOUBLE)) {
      ctx.error(path, cat("must be ", property.kind == Kind::integer ? "an integer" : "a number",
                          "; got ", got(value)));
      return;
    }
    double number = 0;
    if (value.type() == element_type::UINT64)
      number = static_cast<double>(value.get_uint64().value_unsafe());
    else if (value.type() == element_type::INT64)
      number = static_cast<double>(value.get_int64().value_unsafe());
    else
      number = value.get_double().value_unsafe();
    if (number < static_cast<double>(property.min) || number > static_cast<double>(property.max))
      ctx.error(path, cat(simdjson::to_string(value), " is out of range: \"", property.name,
                          "\" must be between ", std::to_string(property.min), " and ",
                          std::to_string(property.max)));
    return;
  }
  case Kind::timestamp:
  case Kind::timestamp_millis:
    check_timestamp(ctx, value, path, property.kind == Kind::timestamp_millis);
    return;
  case Kind::identifier:
    check_identifier(ctx, value, property.refs, path);
    return;
  case Kind::identifier_list: {
    simdjson::dom::array list;
    if (!require_list(ctx, value, path, list))
      return;
    std::int64_t i = 0;
    for (element item : list)
      check_identifier(ctx, item, property.refs, at_index(path, i++));
    return;
  }
  case Kind::string_list: {
    simdjson::dom::array list;
    if (!require_list(ctx, value, path, list))
      return;
    std::int64_t i = 0;
    for (element item : list) {
      PathNode at = at_index(path, i++);
      std::string_view text;
      if (item.get_string().get(text))
        ctx.error(at, cat("must be a string; got ", got(item)));
      else if (property.vocab)
        check_vocab(ctx, *property.vocab, text, at);
    }
    return;
  }
  case Kind::hashes:
    check_hashes(ctx, value, path, false);
    return;
  case Kind::dictionary: {
    simdjson::dom::object dictionary;
    if (!require_object(ctx, value, path, dictionary, "a dictionary"))
      return;
    for (auto [key, item] : dictionary)
      if (!is_dictionary_key(key))
        ctx.error(child(path, key), cat(quoted(key), " is not a valid dictionary key (1-250 "
                                                     "characters of a-z, A-Z, 0-9, '-' and '_')"));
    return;
  }
  case Kind::object: {
    simdjson::dom::object object;
    require_object(ctx, value, path, object, "an object");
    return;
  }
  case Kind::nested: {
    simdjson::dom::object object;
    if (require_object(ctx, value, path, object, "an object"))
      validate_nested(ctx, object, *property.nested, path);
    return;
  }
  case Kind::nested_list: {
    simdjson::dom::array list;
    if (!require_list(ctx, value, path, list))
      return;
    for_each_listed_object(ctx, list, path, cat("must be an object (", property.nested->what, ")"),
                           [&](simdjson::dom::object object, const PathNode& at) {
                             validate_nested(ctx, object, *property.nested, at);
                           });
    return;
  }
  case Kind::kill_chain_phases:
    check_kill_chain_phases(ctx, value, path);
    return;
  case Kind::external_references:
    check_external_references(ctx, value, path);
    return;
  case Kind::granular_markings:
    check_granular_markings(ctx, value, path);
    return;
  case Kind::extensions:
    check_extensions(ctx, ctx.type, value, path);
    return;
  case Kind::hex:
    if (!is_hex(string_or_empty(value)) || value.type() != element_type::STRING)
      ctx.error(path, cat("must be a hex string (an even number of hexadecimal digits); got ",
                          value.type() == element_type::STRING ? quoted(string_or_empty(value))
                                                               : got(value)));
    return;
  case Kind::binary:
    if (value.type() != element_type::STRING || !is_base64(string_or_empty(value)))
      ctx.error(path, "must be a base64-encoded string (RFC 4648) of the binary value");
    return;
  case Kind::any:
    if (value.type() == element_type::NULL_VALUE)
      ctx.error(path, "must not be null");
    return;
  case Kind::not_applicable:
  case Kind::reserved:
    return; // reported by validate_properties
  }
}

void check_custom_property(const Context& ctx, std::string_view name, element value,
                           const PathNode& path) {
  if (!is_property_name(name)) {
    ctx.error(path, cat(quoted(name), " is not a valid property name: STIX 2.1 property names "
                                      "are 3-250 ASCII characters of a-z, 0-9 and '_', "
                                      "starting with a letter"));
    return;
  }
  // The "x_" recommendation is for custom properties added to objects; a custom
  // object type's own top-level properties, and those an extension-definition
  // adds at top level, are exempt.
  bool top_level = path.parent != nullptr && path.parent->parent == nullptr;
  if (!name.starts_with("x_") && !(top_level && (ctx.toplevel_extension || ctx.custom_type)))
    ctx.warn(path, cat("custom property ", quoted(name), " is not defined by STIX 2.1 for ",
                       "this object; custom property names SHOULD start with \"x_\""));
  switch (value.type()) {
  case element_type::NULL_VALUE:
    ctx.error(path, "must not be null: STIX 2.1 has no null values (omit the property)");
    return;
  case element_type::ARRAY:
    if (simdjson::dom::array(value).size() == 0)
      ctx.error(path, "must not be an empty list: STIX 2.1 prohibits empty lists (omit the "
                      "property instead)");
    break;
  case element_type::OBJECT:
    if (simdjson::dom::object(value).size() == 0)
      ctx.error(path, "must not be an empty object (omit the property instead)");
    break;
  default:
    break;
  }
  if (name.ends_with("_hex")) {
    if (value.type() != element_type::STRING || !is_hex(string_or_empty(value)))
      ctx.error(path, "a property named *_hex must hold a hex string (an even number of "
                      "hexadecimal digits)");
  } else if (name.ends_with("_bin")) {
    if (value.type() != element_type::STRING || !is_base64(string_or_empty(value)))
      ctx.error(path, "a property named *_bin must hold a base64-encoded string");
  } else if (name.ends_with("_ref")) {
    if (!is_valid_identifier(string_or_empty(value)))
      ctx.warn(path, "a property named *_ref SHOULD hold a STIX identifier "
                     "(<object-type>--<UUID>)");
  } else if (name.ends_with("_refs")) {
    simdjson::dom::array list;
    bool ok = !value.get_array().get(list);
    if (ok)
      for (element item : list)
        ok = ok && is_valid_identifier(string_or_empty(item));
    if (!ok)
      ctx.warn(path, "a property named *_refs SHOULD hold a list of STIX identifiers");
  }
}

} // namespace tansiq::stix::detail
