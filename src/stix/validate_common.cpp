// Common properties (STIX 2.1 section 3.2) and the common data types used by
// them: external references, extensions, and timestamp ordering.
#include "stix/identifier.h"
#include "stix/timestamp.h"
#include "stix/validate_internal.h"

namespace tansiq::stix::detail {
namespace {

using simdjson::dom::element;

constexpr Property sdo_common[] = {
    {.name = "type", .kind = Kind::any, .required = true},
    {.name = "spec_version", .kind = Kind::string, .required = true},
    {.name = "id", .kind = Kind::any, .required = true},
    {.name = "created_by_ref", .kind = Kind::identifier, .refs = &refs::identity},
    {.name = "created", .kind = Kind::timestamp_millis, .required = true},
    {.name = "modified", .kind = Kind::timestamp_millis, .required = true},
    {.name = "revoked", .kind = Kind::boolean},
    {.name = "labels", .kind = Kind::string_list},
    {.name = "confidence", .kind = Kind::integer, .min = 0, .max = 100},
    {.name = "lang", .kind = Kind::string},
    {.name = "external_references", .kind = Kind::external_references},
    {.name = "object_marking_refs",
     .kind = Kind::identifier_list,
     .refs = &refs::marking_definition},
    {.name = "granular_markings", .kind = Kind::granular_markings},
    {.name = "extensions", .kind = Kind::extensions},
    {.name = "defanged", .kind = Kind::not_applicable},
    // Reserved names (the STIX 2.1 JSON schemas reject them on every object).
    {.name = "action", .kind = Kind::reserved},
    {.name = "phone_numbers", .kind = Kind::reserved},
    {.name = "severity", .kind = Kind::reserved},
    {.name = "username", .kind = Kind::reserved},
};

constexpr Property sco_common[] = {
    {.name = "type", .kind = Kind::any, .required = true},
    {.name = "spec_version", .kind = Kind::string},
    {.name = "id", .kind = Kind::any, .required = true},
    {.name = "object_marking_refs",
     .kind = Kind::identifier_list,
     .refs = &refs::marking_definition},
    {.name = "granular_markings", .kind = Kind::granular_markings},
    {.name = "defanged", .kind = Kind::boolean},
    {.name = "extensions", .kind = Kind::extensions},
    {.name = "created_by_ref", .kind = Kind::not_applicable},
    {.name = "created", .kind = Kind::not_applicable},
    {.name = "modified", .kind = Kind::not_applicable},
    {.name = "revoked", .kind = Kind::not_applicable},
    {.name = "labels", .kind = Kind::not_applicable},
    {.name = "confidence", .kind = Kind::not_applicable},
    {.name = "lang", .kind = Kind::not_applicable},
    {.name = "external_references", .kind = Kind::not_applicable},
    {.name = "action", .kind = Kind::reserved},
    {.name = "phone_numbers", .kind = Kind::reserved},
    {.name = "severity", .kind = Kind::reserved},
    {.name = "username", .kind = Kind::reserved},
};

bool has_scheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0)
    return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))))
      return false;
  }
  return true;
}

bool matches_numbered_id(std::string_view text, std::string_view prefix, size_t min_digits) {
  if (!text.starts_with(prefix) || text.size() < prefix.size() + min_digits)
    return false;
  for (char c : text.substr(prefix.size()))
    if (c < '0' || c > '9')
      return false;
  return true;
}

bool is_cve_id(std::string_view text) {
  // CVE-YYYY-NNNN with at least four sequence digits.
  if (text.size() < 13 || !text.starts_with("CVE-") || text[8] != '-')
    return false;
  return matches_numbered_id(text.substr(0, 8), "CVE-", 4) &&
         matches_numbered_id(text.substr(8), "-", 4);
}

void check_external_reference(const Context& ctx, simdjson::dom::object reference,
                              const PathNode& path) {
  std::string_view source_name, external_id;
  bool has_source = false, has_detail = false, has_id = false;
  for (auto [key, value] : reference) {
    PathNode at = child(path, key);
    if (key == "source_name" || key == "description" || key == "external_id" || key == "url") {
      std::string_view text;
      if (value.get_string().get(text)) {
        ctx.error(at, cat("must be a string; got ", got(value)));
        continue;
      }
      if (key == "source_name") {
        has_source = true;
        source_name = text;
      } else {
        has_detail = true;
      }
      if (key == "external_id") {
        has_id = true;
        external_id = text;
      }
      if (key == "url" && !has_scheme(text))
        ctx.error(at, cat(quoted(text), " is not a URL (RFC 3986: it must start with a scheme "
                                        "such as https:)"));
    } else if (key == "hashes") {
      check_hashes(ctx, value, at, true);
    } else {
      check_custom_property(ctx, key, value, at);
    }
  }
  if (!has_source)
    ctx.error(child(path, "source_name"),
              "required property \"source_name\" of an external reference is missing");
  if (!has_detail)
    ctx.error(path, "an external reference MUST have at least one of \"description\", \"url\" "
                    "or \"external_id\" besides \"source_name\"");
  if (source_name == "cve" && has_id && !is_cve_id(external_id))
    ctx.error(child(path, "external_id"),
              cat(quoted(external_id), " is not a CVE identifier (CVE-YYYY-NNNN): an external "
                                       "reference with source_name \"cve\" MUST carry one"));
  if (source_name == "capec" && has_id && !matches_numbered_id(external_id, "CAPEC-", 1))
    ctx.error(child(path, "external_id"),
              cat(quoted(external_id), " is not a CAPEC identifier (CAPEC-<number>): an "
                                       "external reference with source_name \"capec\" MUST "
                                       "carry one"));
}

} // namespace

const std::span<const Property> sdo_common_properties{sdo_common};
const std::span<const Property> sco_common_properties{sco_common};

void check_external_references(const Context& ctx, element value, const PathNode& path) {
  simdjson::dom::array list;
  if (value.get_array().get(list)) {
    ctx.error(path, cat("must be a list of external references; got ", got(value)));
    return;
  }
  if (list.size() == 0)
    ctx.error(path, "must not be an empty list: STIX 2.1 prohibits empty lists");
  for_each_listed_object(ctx, list, path, "an external reference must be an object",
                         [&](simdjson::dom::object reference, const PathNode& at) {
                           check_external_reference(ctx, reference, at);
                         });
}

void check_extensions(const Context& ctx, std::string_view object_type, element value,
                      const PathNode& path) {
  simdjson::dom::object extensions;
  if (value.get_object().get(extensions)) {
    ctx.error(path, cat("must be a dictionary of extensions; got ", got(value)));
    return;
  }
  if (extensions.size() == 0)
    ctx.error(path, "must not be empty: STIX 2.1 prohibits empty dictionaries");
  bool marking = object_type == "marking-definition";
  for (auto [key, extension_value] : extensions) {
    PathNode at = child(path, key);
    simdjson::dom::object extension;
    if (extension_value.get_object().get(extension)) {
      ctx.error(at, cat("an extension must be an object; got ", got(extension_value)));
      continue;
    }
    if (extension.size() == 0) {
      ctx.error(at, "an extension must not be empty");
      continue;
    }
    if (key.starts_with("extension-definition--")) {
      if (!is_valid_identifier(key)) {
        ctx.error(at, cat(quoted(key), " is not a valid extension-definition identifier"));
        continue;
      }
      bool has_type = false;
      for (auto [name, property] : extension) {
        PathNode property_at = child(at, name);
        if (name == "extension_type") {
          has_type = true;
          std::string_view extension_type;
          if (property.get_string().get(extension_type)) {
            ctx.error(property_at, cat("must be a string; got ", got(property)));
            continue;
          }
          check_vocab(ctx, vocab::extension_type, extension_type, property_at);
          if (extension_type == "toplevel-property-extension")
            ctx.toplevel_extension = true;
          bool new_object = extension_type.starts_with("new-") &&
                            vocab_contains(vocab::extension_type, extension_type);
          if (new_object && category_of(object_type) != Category::unknown)
            ctx.error(property_at,
                      cat(quoted(extension_type), " extensions define new object types; \"",
                          object_type, "\" is a type defined by STIX 2.1"));
        } else if (!is_property_name(name)) {
          ctx.error(property_at,
                    cat(quoted(name), " is not a valid property name (3-250 characters of a-z, "
                                      "0-9 and '_', starting with a letter)"));
        }
      }
      if (!has_type)
        ctx.error(child(at, "extension_type"),
                  "required property \"extension_type\" of an extension-definition extension "
                  "is missing");
      continue;
    }
    if (marking) {
      ctx.error(at, cat(quoted(key), " is not an extension-definition identifier: marking "
                                     "definitions only take extension-definition extensions"));
      continue;
    }
    if (const ExtensionDef* predefined = find_predefined_extension(key)) {
      if (predefined->owner_type != object_type)
        ctx.error(at, cat("the predefined \"", key, "\" extension belongs to \"",
                          predefined->owner_type, "\" objects, not \"", object_type, "\""));
      else
        validate_nested(ctx, extension, *predefined->schema, at);
      continue;
    }
    if (key.ends_with("-ext") && is_valid_type_name(key)) {
      ctx.warn(at, cat(quoted(key), " is a custom (STIX 2.0 style) extension name; STIX 2.1 "
                                    "deprecates these in favour of extension-definition "
                                    "extensions"));
      continue;
    }
    ctx.error(at, cat(quoted(key), " is neither a predefined extension name (such as "
                                   "\"archive-ext\") nor an extension-definition identifier"));
  }
}

void check_order(Checker& checker, std::string_view earlier, std::string_view later, bool strict) {
  std::string_view earlier_text, later_text;
  if (!checker.get_string(earlier, earlier_text) || !checker.get_string(later, later_text))
    return;
  auto first = parse_timestamp(earlier_text);
  auto second = parse_timestamp(later_text);
  if (!first || !second)
    return;
  if (*second < *first)
    checker.error(later, cat("\"", later, "\" (", later_text, ") is earlier than \"", earlier,
                             "\" (", earlier_text, "); it MUST be ",
                             strict ? "later than" : "later than or equal to", " it"));
  else if (strict && *second == *first)
    checker.error(later, cat("\"", later, "\" (", later_text, ") equals \"", earlier, "\" (",
                             earlier_text, "); it MUST be later than it"));
}

} // namespace tansiq::stix::detail
