#include "console/object_summary.h"

#include "stix/tlp.h"

namespace tansiq::console {
namespace {

std::string string_field(simdjson::dom::object object, std::string_view key) {
  std::string_view value;
  if (object[key].get_string().get(value) != simdjson::SUCCESS)
    return {};
  return std::string(value);
}

} // namespace

Result<ObjectSummary> summarise_object(simdjson::dom::parser& parser, std::string_view json) {
  simdjson::dom::element root;
  simdjson::padded_string padded(json);
  if (parser.parse(padded).get(root) != simdjson::SUCCESS)
    return make_error(Error::Kind::invalid_input, "stored object is not valid JSON");
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS)
    return make_error(Error::Kind::invalid_input, "stored object is not a JSON object");

  ObjectSummary summary;
  summary.id = string_field(object, "id");
  summary.type = string_field(object, "type");
  for (std::string_view key : {"name", "value", "relationship_type", "definition_type"}) {
    summary.display_name = string_field(object, key);
    if (!summary.display_name.empty())
      break;
  }
  if (summary.display_name.empty())
    summary.display_name = summary.id;
  summary.created = string_field(object, "created");
  summary.modified = string_field(object, "modified");
  summary.created_by_ref = string_field(object, "created_by_ref");
  simdjson::dom::array list;
  if (object["labels"].get_array().get(list) == simdjson::SUCCESS)
    for (auto label : list)
      if (std::string_view text; label.get_string().get(text) == simdjson::SUCCESS)
        summary.labels.emplace_back(text);
  std::vector<std::string> marking_refs;
  if (object["object_marking_refs"].get_array().get(list) == simdjson::SUCCESS)
    for (auto marking : list)
      if (std::string_view ref; marking.get_string().get(ref) == simdjson::SUCCESS)
        marking_refs.emplace_back(ref);
  summary.tlp = stix::tlp_label(marking_refs); // the strictest, as the store files it
  return summary;
}

void write_summary(json::Writer& writer, const ObjectSummary& summary) {
  writer.begin_object()
      .field("id", summary.id)
      .field("type", summary.type)
      .field("name", summary.display_name)
      .field("created", summary.created)
      .field("modified", summary.modified)
      .field("tlp", summary.tlp);
  if (!summary.created_by_ref.empty())
    writer.field("created_by_ref", summary.created_by_ref);
  if (!summary.date_added.empty())
    writer.field("date_added", summary.date_added);
  writer.key("labels").begin_array();
  for (const auto& label : summary.labels)
    writer.string(label);
  writer.end_array().end_object();
}

} // namespace tansiq::console
