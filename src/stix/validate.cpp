// Entry point of the STIX 2.1 validator: identifies the object's type, picks its
// schema (or the generic custom-object one), runs the table-driven checks, then
// the rules common to every object (id, spec_version, created/modified order).
#include "stix/validate.h"

#include "stix/identifier.h"
#include "stix/timestamp.h"
#include "stix/validate_internal.h"

namespace tansiq::stix {
namespace {

using namespace detail;
using simdjson::dom::element;

struct ExtensionScan {
  std::string_view new_object_type; // "new-sdo", "new-sco" or "new-sro" when declared
  bool toplevel = false;
};

// A quick look at "extensions" before the main pass: whether a custom type
// declares itself through an extension-definition, and whether top-level
// custom properties come from one.
ExtensionScan scan_extensions(simdjson::dom::object object) {
  ExtensionScan scan;
  simdjson::dom::object extensions;
  if (object["extensions"].get_object().get(extensions))
    return scan;
  for (auto [key, value] : extensions) {
    std::string_view extension_type;
    if (!key.starts_with("extension-definition--") ||
        value["extension_type"].get_string().get(extension_type))
      continue;
    if (extension_type == "toplevel-property-extension")
      scan.toplevel = true;
    else if (extension_type.starts_with("new-"))
      scan.new_object_type = extension_type;
  }
  return scan;
}

void check_id(const Context& ctx, Checker& checker, std::string_view type) {
  element id_value;
  if (!checker.get("id", id_value))
    return; // reported as missing
  PathNode at = child(checker.path, "id");
  size_t before = ctx.out.size();
  check_identifier(ctx, id_value, nullptr, at);
  if (ctx.out.size() != before)
    return;
  std::string_view id = id_value.get_string().value_unsafe();
  if (identifier_type(id) != type)
    ctx.error(at,
              cat("the type prefix of ", quoted(id), " does not match \"type\": \"", type, "\""));
}

void check_common(const Context& ctx, Checker& checker, std::string_view type) {
  check_id(ctx, checker, type);
  std::string_view text;
  if (checker.get_string("spec_version", text) && text != "2.1")
    checker.error("spec_version", cat("must be \"2.1\" for STIX 2.1 content; got ", quoted(text)));
  if (checker.get_string("lang", text) && !is_language_tag(text))
    checker.error("lang", cat(quoted(text), " is not an RFC 5646 language tag (e.g. \"en\", "
                                            "\"pt-BR\")"));
  check_order(checker, "created", "modified", false);
}

} // namespace

bool has_error(const std::vector<Violation>& violations) {
  for (const auto& violation : violations)
    if (violation.severity == Severity::error)
      return true;
  return false;
}

void validate_object(element value, std::string_view path, std::vector<Violation>& out) {
  PathNode root{nullptr, path, -1};
  Context ctx{out, value, {}};
  simdjson::dom::object object;
  if (value.get_object().get(object)) {
    ctx.error(root, cat("a STIX object must be a JSON object; got ", got(value)));
    return;
  }
  element type_value;
  std::string_view type;
  if (object["type"].get(type_value)) {
    ctx.error(child(root, "type"), "required property \"type\" is missing");
    return;
  }
  if (type_value.get_string().get(type)) {
    ctx.error(child(root, "type"), cat("must be a string; got ", got(type_value)));
    return;
  }
  if (!is_valid_type_name(type)) {
    ctx.error(child(root, "type"),
              cat(quoted(type), " is not a valid STIX type name (3-250 characters of a-z, 0-9 "
                                "and '-', no leading, trailing or double '-')"));
    return;
  }
  if (type == "action") {
    ctx.error(child(root, "type"), "\"action\" is a reserved object type name in STIX 2.1");
    return;
  }
  Category category = category_of(type);
  if (category == Category::bundle) {
    ctx.error(child(root, "type"), "a bundle is a container, not a STIX object: validate each "
                                   "member of its \"objects\" instead");
    return;
  }
  ctx.type = type;
  ExtensionScan scan = scan_extensions(object);
  ctx.toplevel_extension = scan.toplevel;
  const Schema* schema = schema_for_type(type);
  if (!schema) {
    ctx.custom_type = true;
    bool observable = scan.new_object_type == "new-sco";
    if (scan.new_object_type.empty()) {
      element created;
      observable = object["created"].get(created) != simdjson::SUCCESS;
      ctx.warn(child(root, "type"),
               cat("\"", type,
                   "\" is not a STIX 2.1 object type and the object declares no "
                   "extension-definition (new-sdo, new-sco or new-sro) for it; it "
                   "is accepted as a custom ",
                   observable ? "observable (SCO-like)" : "object (SDO-like)",
                   " with only the common properties checked"));
    }
    schema = &custom_object_schema(observable);
  }
  Checker checker{ctx, *schema, object, root};
  validate_properties(checker);
  check_common(ctx, checker, type);
}

} // namespace tansiq::stix
