// STIX Meta Objects (section 7): marking-definition, language-content and
// extension-definition.
#include "stix/validate_internal.h"

namespace tansiq::stix::detail {
void check_marking_definition(Checker& checker); // validate_markings.cpp

namespace {

using simdjson::dom::element;

constexpr Property marking_definition[] = {
    {.name = "type", .kind = Kind::any, .required = true},
    {.name = "spec_version", .kind = Kind::string, .required = true},
    {.name = "id", .kind = Kind::any, .required = true},
    {.name = "created_by_ref", .kind = Kind::identifier, .refs = &refs::identity},
    {.name = "created", .kind = Kind::timestamp_millis, .required = true},
    {.name = "external_references", .kind = Kind::external_references},
    {.name = "object_marking_refs",
     .kind = Kind::identifier_list,
     .refs = &refs::marking_definition},
    {.name = "granular_markings", .kind = Kind::granular_markings},
    {.name = "extensions", .kind = Kind::extensions},
    {.name = "name", .kind = Kind::string},
    {.name = "definition_type", .kind = Kind::string, .vocab = &vocab::marking_definition_type},
    {.name = "definition", .kind = Kind::object},
    // Marking definitions are never versioned, so they carry none of these.
    {.name = "modified", .kind = Kind::not_applicable},
    {.name = "revoked", .kind = Kind::not_applicable},
    {.name = "labels", .kind = Kind::not_applicable},
    {.name = "confidence", .kind = Kind::not_applicable},
    {.name = "lang", .kind = Kind::not_applicable},
    {.name = "defanged", .kind = Kind::not_applicable},
};

constexpr Property language_content[] = {
    {.name = "object_ref",
     .kind = Kind::identifier,
     .required = true,
     .refs = &refs::not_bundle_or_language},
    {.name = "object_modified", .kind = Kind::timestamp},
    {.name = "contents", .kind = Kind::object, .required = true},
};

void check_language_content(Checker& checker) {
  element contents;
  simdjson::dom::object languages;
  if (!checker.get("contents", contents) || contents.get_object().get(languages))
    return;
  PathNode contents_path = child(checker.path, "contents");
  for (auto [lang, translation] : languages) {
    PathNode at = child(contents_path, lang);
    if (!is_language_tag(lang))
      checker.ctx.error(at, cat(quoted(lang), " is not an RFC 5646 language tag: the keys of "
                                              "\"contents\" MUST be language codes"));
    simdjson::dom::object properties;
    if (translation.get_object().get(properties) || properties.size() == 0)
      checker.ctx.error(at, "must be a non-empty object mapping property names to their "
                            "translated values");
  }
}

constexpr Property extension_definition[] = {
    {.name = "created_by_ref", .kind = Kind::identifier, .required = true, .refs = &refs::identity},
    {.name = "name", .kind = Kind::string, .required = true},
    {.name = "description", .kind = Kind::string},
    {.name = "schema", .kind = Kind::string, .required = true},
    {.name = "version", .kind = Kind::string, .required = true},
    {.name = "extension_types",
     .kind = Kind::string_list,
     .required = true,
     .vocab = &vocab::extension_type},
    {.name = "extension_properties", .kind = Kind::string_list},
};

void check_extension_definition(Checker& checker) {
  element types, properties;
  bool toplevel = false;
  simdjson::dom::array list;
  if (checker.get("extension_types", types) && !types.get_array().get(list))
    for (element type : list)
      toplevel = toplevel || (type.is_string() &&
                              type.get_string().value_unsafe() == "toplevel-property-extension");
  if (!checker.get("extension_properties", properties))
    return;
  if (!toplevel)
    checker.error("extension_properties",
                  "\"extension_properties\" MUST only be present when \"extension_types\" "
                  "contains \"toplevel-property-extension\"");
  if (properties.get_array().get(list))
    return;
  std::int64_t i = 0;
  PathNode list_path = child(checker.path, "extension_properties");
  for (element name : list) {
    PathNode at = at_index(list_path, i++);
    if (name.is_string() && !is_property_name(name.get_string().value_unsafe()))
      checker.ctx.error(at, cat(quoted(name.get_string().value_unsafe()),
                                " is not a valid property name (3-250 characters of a-z, 0-9 "
                                "and '_', starting with a letter)"));
  }
}

const SchemaDef marking_definition_schema{
    "marking-definition", {}, marking_definition, check_marking_definition};
const SchemaDef language_content_schema{"language-content", sdo_common_properties, language_content,
                                        check_language_content};
const SchemaDef extension_definition_schema{"extension-definition", sdo_common_properties,
                                            extension_definition, check_extension_definition};

const TypeDef types[] = {
    {"marking-definition", Category::marking_definition, &marking_definition_schema},
    {"language-content", Category::language_content, &language_content_schema},
    {"extension-definition", Category::extension_definition, &extension_definition_schema},
};

} // namespace

std::span<const TypeDef> meta_types() {
  return types;
}

} // namespace tansiq::stix::detail
