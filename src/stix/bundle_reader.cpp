#include "stix/bundle_reader.h"

#include "stix/validate.h"

#include <simdjson.h>

namespace tansiq::stix {
namespace {

std::string_view string_field(simdjson::dom::object object, std::string_view key) {
  std::string_view value;
  if (object[key].get_string().get(value) != simdjson::SUCCESS)
    return {};
  return value;
}

Error json_error(simdjson::error_code code, std::string_view what) {
  return make_error(Error::Kind::invalid_input,
                    std::string("malformed JSON (") + simdjson::error_message(code) + ")",
                    std::string(what));
}

} // namespace

Result<ParsedBundle> read_bundle(std::string_view bytes, Container container) {
  // Whitespace goes first so that each object's slice is exactly its minified form.
  simdjson::padded_string minified(bytes.size());
  size_t minified_size = 0;
  if (auto code = simdjson::minify(bytes.data(), bytes.size(), minified.data(), minified_size))
    return json_error(code, "$");
  std::string_view text(minified.data(), minified_size);

  // The DOM pass checks the whole document strictly before anything is accepted.
  simdjson::dom::parser dom_parser;
  simdjson::dom::element root;
  if (auto code = dom_parser.parse(text.data(), text.size(), false).get(root))
    return json_error(code, "$");
  simdjson::dom::object top;
  if (root.get_object().get(top))
    return make_error(Error::Kind::invalid_input, "expected a JSON object", "$");

  std::string_view type = string_field(top, "type");
  if (container == Container::bundle && type != "bundle")
    return make_error(Error::Kind::invalid_input, "expected \"type\": \"bundle\"", "$.type");
  if (container == Container::envelope && !type.empty())
    return make_error(Error::Kind::invalid_input,
                      "a TAXII envelope has no \"type\"; send {\"objects\": [...]}", "$.type");
  if (!type.empty() && type != "bundle")
    return make_error(Error::Kind::invalid_input,
                      "expected a bundle, got an object of type \"" + std::string(type) + "\"",
                      "$.type");

  ParsedBundle result;
  simdjson::dom::element objects_element;
  if (top["objects"].get(objects_element) == simdjson::NO_SUCH_FIELD)
    return result; // an empty bundle or envelope is valid
  simdjson::dom::array objects;
  if (objects_element.get_array().get(objects))
    return make_error(Error::Kind::invalid_input, "must be an array", "$.objects");

  // The on-demand pass yields each object's exact bytes, in the DOM's order.
  simdjson::ondemand::parser raw_parser;
  simdjson::ondemand::document raw_document;
  if (auto code =
          raw_parser
              .iterate(minified.data(), minified_size, minified_size + simdjson::SIMDJSON_PADDING)
              .get(raw_document))
    return json_error(code, "$");
  simdjson::ondemand::array raw_objects;
  if (auto code = raw_document["objects"].get_array().get(raw_objects))
    return json_error(code, "$.objects");
  auto raw_iterator = raw_objects.begin();

  size_t index = 0;
  for (simdjson::dom::element element : objects) {
    std::string path = "$.objects[" + std::to_string(index++) + "]";
    std::string_view raw;
    if (element.is_object()) {
      simdjson::ondemand::object raw_object;
      if (auto code = (*raw_iterator).get_object().get(raw_object))
        return json_error(code, path);
      if (auto code = raw_object.raw_json().get(raw))
        return json_error(code, path);
    }
    ++raw_iterator; // an unread value is skipped by the iterator

    std::vector<Violation> violations;
    validate_object(element, path, violations);
    simdjson::dom::object object;
    if (has_error(violations) || element.get_object().get(object)) {
      RejectedObject rejected;
      if (element.is_object())
        rejected.id = std::string(string_field(element.get_object().value_unsafe(), "id"));
      rejected.path = std::move(path);
      rejected.violations = std::move(violations);
      result.rejected.push_back(std::move(rejected));
      continue;
    }
    ParsedObject parsed;
    parsed.id = string_field(object, "id");
    parsed.type = string_field(object, "type");
    parsed.spec_version = string_field(object, "spec_version");
    if (parsed.spec_version.empty())
      parsed.spec_version = "2.1"; // SCOs may omit it; 2.1 is then implied
    parsed.version = string_field(object, "modified");
    if (parsed.version.empty())
      parsed.version = string_field(object, "created");
    if (auto micros = parse_timestamp(parsed.version))
      parsed.version_micros = *micros;
    parsed.json = raw;
    parsed.path = std::move(path);
    simdjson::dom::array marking_refs;
    if (!object["object_marking_refs"].get_array().get(marking_refs))
      for (simdjson::dom::element ref : marking_refs)
        if (std::string_view id; !ref.get_string().get(id))
          parsed.object_marking_refs.emplace_back(id);
    for (auto& violation : violations)
      result.warnings.push_back(std::move(violation));
    result.accepted.push_back(std::move(parsed));
  }
  return result;
}

} // namespace tansiq::stix
