// GET /api/v1/objects/ID/graph: an object's neighbourhood for the console's
// graph: the objects it refers to, the relationships and sightings that name
// it with their other ends, and the reports (groupings, notes, opinions) that
// list it. Ends this account may not read appear as
// their id alone (the id is already in what it may read).
#include "console/console_api.h"
#include "console/console_response.h"
#include "console/object_summary.h"
#include "stix/identifier.h"

#include "json/json_writer.h"
#include <variant>

#include <unordered_set>

namespace tansiq::console {
namespace {

constexpr size_t kMaxReferrers = 100; // per collection
constexpr size_t kMaxNodes = 200;

struct Edge {
  std::string id; // the relationship or sighting, empty for a plain reference
  std::string source, target, label;
};

std::string string_of(simdjson::dom::element object, std::string_view key) {
  std::string_view value;
  return object[key].get_string().get(value) == simdjson::SUCCESS ? std::string(value)
                                                                  : std::string();
}

// The edges a relationship or sighting stands for.
void edges_of_relationship(simdjson::dom::element object, const std::string& id,
                           std::vector<Edge>& edges) {
  if (string_of(object, "type") == "relationship") {
    edges.push_back({id, string_of(object, "source_ref"), string_of(object, "target_ref"),
                     string_of(object, "relationship_type")});
    return;
  }
  std::string sighted = string_of(object, "sighting_of_ref");
  simdjson::dom::array places;
  if (object["where_sighted_refs"].get_array().get(places) == simdjson::SUCCESS)
    for (auto place : places)
      if (std::string_view where; place.get_string().get(where) == simdjson::SUCCESS)
        edges.push_back({id, sighted, std::string(where), "sighted at"});
  simdjson::dom::array observed;
  if (object["observed_data_refs"].get_array().get(observed) == simdjson::SUCCESS)
    for (auto data : observed)
      if (std::string_view ref; data.get_string().get(ref) == simdjson::SUCCESS)
        edges.push_back({id, sighted, std::string(ref), "observed in"});
}

} // namespace

taxii::Response ConsoleApi::object_graph(Call& call, std::string_view object_id) {
  auto readable = readable_object(call, object_id);
  if (auto* refused = std::get_if<taxii::Response>(&readable))
    return std::move(*refused);
  auto& [collections, center] = std::get<ReadableObject>(readable);

  simdjson::dom::parser parser;
  simdjson::dom::element element;
  if (parser.parse(center.json).get(element) != simdjson::SUCCESS)
    return console_error(500, "Internal error", "the stored JSON of this object does not parse");
  std::vector<Edge> edges;
  std::string center_id(center.id);
  if (center.type == "relationship" || center.type == "sighting") {
    edges_of_relationship(element, center_id, edges);
  } else {
    // Top-level *_ref and *_refs properties, each edge labelled with its property.
    simdjson::dom::object fields;
    if (element.get_object().get(fields) == simdjson::SUCCESS)
      for (auto field : fields) {
        std::string_view key = field.key;
        if (key == "object_marking_refs")
          continue;
        bool single = key.ends_with("_ref"), list = key.ends_with("_refs");
        if (!single && !list)
          continue;
        std::string_view reference;
        if (single && field.value.get_string().get(reference) == simdjson::SUCCESS)
          edges.push_back({"", center_id, std::string(reference), std::string(key)});
        simdjson::dom::array items;
        if (list && field.value.get_array().get(items) == simdjson::SUCCESS)
          for (auto item : items)
            if (item.get_string().get(reference) == simdjson::SUCCESS)
              edges.push_back({"", center_id, std::string(reference), std::string(key)});
      }
  }
  const std::vector<std::string> referrer_types = {"relationship", "sighting", "report",
                                                   "grouping",     "note",     "opinion"};
  for (const auto& collection : collections) {
    auto naming = store_.find_referrers(collection.id, center_id, referrer_types, kMaxReferrers);
    if (!naming)
      return console_error(naming.error());
    for (const auto& referrer : *naming) {
      simdjson::dom::parser referrer_parser;
      simdjson::dom::element parsed;
      if (referrer_parser.parse(referrer.json).get(parsed) != simdjson::SUCCESS)
        continue;
      if (referrer.type == "relationship" || referrer.type == "sighting")
        edges_of_relationship(parsed, referrer.id, edges);
      else // a container (report, grouping, note, opinion) lists it in object_refs
        edges.push_back({"", referrer.id, center_id, "object_refs"});
    }
  }

  // Nodes: every end of every edge, read (or marked unreadable) once.
  std::string body;
  json::Writer writer(body);
  writer.begin_object().field("center", center_id).key("nodes").begin_array();
  std::unordered_set<std::string> seen;
  simdjson::dom::parser node_parser;
  auto add_node = [&](const std::string& id) -> Result<void> {
    if (id.empty() || seen.count(id) || seen.size() >= kMaxNodes)
      return {};
    seen.insert(id);
    auto found = id == center_id ? Result<std::optional<store::StoredObject>>(center)
                                 : find_readable(collections, id);
    if (!found)
      return found.error();
    if (found->has_value())
      if (auto summary = summarise_object(node_parser, (*found)->json)) {
        write_summary(writer, *summary);
        return {};
      }
    writer.begin_object()
        .field("id", id)
        .field("type", stix::identifier_type(id))
        .field("readable", false)
        .end_object();
    return {};
  };
  if (auto added = add_node(center_id); !added)
    return console_error(added.error());
  for (const auto& edge : edges)
    for (const std::string* end : {&edge.source, &edge.target})
      if (auto added = add_node(*end); !added)
        return console_error(added.error());
  writer.end_array().key("edges").begin_array();
  std::unordered_set<std::string> edge_keys;
  for (const auto& edge : edges) {
    if (!seen.count(edge.source) || !seen.count(edge.target) ||
        !edge_keys.insert(edge.id + edge.source + edge.target + edge.label).second)
      continue;
    writer.begin_object()
        .field("id", edge.id)
        .field("source", edge.source)
        .field("target", edge.target)
        .field("label", edge.label)
        .end_object();
  }
  writer.end_array().end_object();
  return json_response(200, std::move(body));
}

} // namespace tansiq::console
