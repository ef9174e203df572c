#include "stix/validate.h"

#include "stix/identifier.h"
#include "stix/timestamp.h"

namespace tansiq::stix {
namespace {

void add(std::vector<Violation>& out, std::string_view path, std::string_view key,
         std::string message, Severity severity = Severity::error) {
  std::string full(path);
  if (!key.empty()) {
    full += '.';
    full += key;
  }
  out.push_back(Violation{severity, std::move(full), std::move(message)});
}

} // namespace

bool has_error(const std::vector<Violation>& violations) {
  for (const auto& violation : violations)
    if (violation.severity == Severity::error)
      return true;
  return false;
}

void validate_object(simdjson::dom::element element, std::string_view path,
                     std::vector<Violation>& out) {
  simdjson::dom::object object;
  if (element.get_object().get(object)) {
    add(out, path, "", "must be a JSON object");
    return;
  }
  std::string_view type;
  if (object["type"].get_string().get(type)) {
    add(out, path, "type", "required string property is missing");
    return;
  }
  if (!is_valid_type_name(type))
    add(out, path, "type", "\"" + std::string(type) + "\" is not a valid STIX type name");
  std::string_view id;
  if (object["id"].get_string().get(id))
    add(out, path, "id", "required string property is missing");
  else if (!is_valid_identifier(id))
    add(out, path, "id", "\"" + std::string(id) + "\" is not of the form <type>--<UUID>");
  else if (identifier_type(id) != type)
    add(out, path, "id", "the id's type prefix does not match \"type\": \"" + std::string(type) + "\"");
  std::string_view spec_version;
  if (!object["spec_version"].get_string().get(spec_version) && spec_version != "2.1")
    add(out, path, "spec_version", "must be \"2.1\"; got \"" + std::string(spec_version) + "\"");
  for (const char* key : {"created", "modified"}) {
    std::string_view text;
    if (!object[key].get_string().get(text) && !parse_timestamp(text))
      add(out, path, key, "\"" + std::string(text) + "\" is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z)");
  }
}

} // namespace tansiq::stix
