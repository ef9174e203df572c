// GET /api/v1/objects (a page of one collection, newest first, as list rows)
// and GET /api/v1/objects/ID (one object: its JSON, versions, markings, who
// may see it, provenance and the objects it refers to).
#include "console/console_api.h"
#include "console/console_response.h"
#include "console/display_names.h"
#include "console/object_summary.h"
#include "console/query_parameter.h"
#include "node/policy_state.h"
#include "stix/identifier.h"
#include "stix/references.h"
#include "stix/timestamp.h"
#include "stix/tlp.h"
#include "taxii/query_string.h"
#include "json/json_writer.h"

#include <algorithm>
#include <set>

namespace tansiq::console {
namespace {

constexpr size_t kDefaultPageSize = 50;
constexpr size_t kMaxPageSize = 500;
constexpr size_t kMaxReferencesShown = 200;

bool is_tlp_name(std::string_view name) {
  for (auto level : stix::kTlpLevels)
    if (stix::tlp_name(level) == name)
      return true;
  return false;
}

} // namespace

taxii::Response ConsoleApi::list_objects(Call& call) {
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());
  auto parameters = taxii::parse_query(call.query);
  if (!parameters)
    return console_error(400, "Bad request", "malformed percent-escape in the query string");

  std::string collection_id;
  store::ObjectQuery query;
  query.newest_first = true;
  query.limit = kDefaultPageSize;
  for (const auto& [name, value] : *parameters) {
    if (name == "collection") {
      collection_id = value;
    } else if (name == "type") {
      query.types = taxii::split_list(value);
    } else if (name == "tlp") {
      // "none" for unmarked objects; otherwise a TLP 2.0 level's name.
      if (value != "none" && !is_tlp_name(value))
        return console_error(400, "Bad request",
                             "query parameter tlp: \"" + value +
                                 "\" is not TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, "
                                 "TLP:RED or none");
      query.tlps = {value == "none" ? std::string() : value};
    } else if (name == "origin") {
      if (!stix::is_valid_identifier(value) || stix::identifier_type(value) != "identity")
        return console_error(400, "Bad request",
                             "query parameter origin: \"" + value +
                                 "\" is not an identity id (the partner agency)");
      query.received_from = value;
    } else if (name == "limit") {
      auto limit = parse_whole_number(name, value);
      if (!limit || *limit == 0)
        return console_error(400, "Bad request",
                             "query parameter limit: \"" + value + "\" is not a positive number");
      query.limit = std::min(*limit, kMaxPageSize);
    } else if (name == "next") {
      auto cursor = parse_whole_number(name, value);
      if (!cursor)
        return console_error(cursor.error());
      query.after_cursor = static_cast<stix::MicrosSinceEpoch>(*cursor);
    } else if (name == "added_after" || name == "added_before") {
      auto micros = stix::parse_timestamp(value);
      if (!micros)
        return console_error(400, "Bad request",
                             "query parameter " + name + ": \"" + value +
                                 "\" is not a timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z)");
      if (name == "added_after")
        query.added_after = *micros;
      else if (!query.after_cursor || *query.after_cursor > *micros)
        query.after_cursor = *micros;
    } else {
      return console_error(400, "Bad request",
                           "query parameter " + name +
                               ": not known here (collection, type, tlp, origin, limit, next, "
                               "added_after, added_before)");
    }
  }
  if (collections->empty())
    return console_error(404, "Not found", "this account may read no collection");
  const store::Collection* collection = &collections->front();
  if (!collection_id.empty()) {
    auto found = std::find_if(collections->begin(), collections->end(),
                              [&](const auto& c) { return c.id == collection_id; });
    if (found == collections->end())
      return console_error(404, "Not found",
                           "no collection \"" + collection_id + "\" that this account may read");
    collection = &*found;
  }
  auto page = store_.query_objects(collection->id, query);
  if (!page)
    return console_error(page.error());

  std::string body;
  json::Writer writer(body);
  writer.begin_object();
  writer.key("collection")
      .begin_object()
      .field("id", collection->id)
      .field("title", collection->title)
      .end_object();
  writer.key("objects").begin_array();
  simdjson::dom::parser parser;
  for (const auto& object : page->objects) {
    auto summary = summarise_object(parser, object.json);
    if (!summary)
      continue; // stored objects are valid JSON; a damaged one is not a list's business
    summary->date_added = stix::format_timestamp(object.date_added);
    write_summary(writer, *summary);
  }
  writer.end_array().field("more", page->more);
  if (page->more)
    writer.field("next", std::to_string(page->next_cursor));
  writer.end_object();
  return json_response(200, std::move(body));
}

taxii::Response ConsoleApi::show_object(Call& call, std::string_view object_id) {
  if (auto bad = bad_identifier(object_id))
    return *bad;
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());

  // The versions, from the first collection this account may read that holds the object.
  store::ObjectQuery query;
  query.ids = {std::string(object_id)};
  query.versions = store::VersionMatch{true, false, false, {}};
  query.limit = 1000;
  const store::Collection* holder = nullptr;
  std::vector<store::StoredObject> versions;
  for (const auto& collection : *collections) {
    auto page = store_.query_objects(collection.id, query);
    if (!page)
      return console_error(page.error());
    if (!page->objects.empty()) {
      holder = &collection;
      versions = std::move(page->objects);
      break;
    }
  }
  if (!holder)
    return console_error(404, "Not found",
                         "no object " + std::string(object_id) + " that this account may read");
  std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) {
    return a.version_micros != b.version_micros ? a.version_micros > b.version_micros
                                                : a.date_added > b.date_added;
  });
  const store::StoredObject& latest = versions.front();

  simdjson::dom::parser parser;
  simdjson::dom::element element;
  if (parser.parse(latest.json).get(element) != simdjson::SUCCESS)
    return console_error(500, "Internal error", "the stored JSON of this object does not parse");

  std::string body;
  json::Writer writer(body);
  writer.begin_object().key("object").raw(latest.json);
  writer.key("collection")
      .begin_object()
      .field("id", holder->id)
      .field("title", holder->title)
      .end_object();
  writer.key("versions").begin_array();
  for (const auto& version : versions)
    writer.begin_object()
        .field("version", version.version)
        .field("date_added", stix::format_timestamp(version.date_added))
        .end_object();
  writer.end_array();

  DisplayNames agency_names(store_);
  auto state = node::load_policy_state(store_);
  if (!state)
    return console_error(state.error());
  auto handling = node::effective_handling(store_, *state, element, latest.id,
                                           latest.version_micros, settings_.home_agency);
  if (!handling)
    return console_error(handling.error());
  writer.key("handling").begin_object();
  writer.field("tlp", handling->tlp ? stix::tlp_name(*handling->tlp) : std::string_view());
  writer.key("categories").begin_array();
  for (const auto& category : handling->categories)
    writer.string(category);
  writer.end_array();
  writer.field("originator", handling->originator)
      .field("originator_name", agency_names(handling->originator))
      .field("originator_control", handling->originator_control)
      .field("expires",
             handling->expires ? stix::format_timestamp(*handling->expires) : std::string());
  writer.key("releasable_to").begin_array();
  for (const auto& agency : handling->releasable_to_agencies)
    writer.begin_object().field("id", agency).field("name", agency_names(agency)).end_object();
  for (const auto& agreement : handling->releasable_to_agreements)
    writer.begin_object()
        .field("id", agreement)
        .field("name", agency_names(agreement))
        .end_object();
  writer.end_array().end_object();

  // Who may see it: the decision for every partner agency this node knows.
  std::set<std::string> agencies;
  if (auto partners = store_.list_partners())
    for (const auto& partner : *partners)
      agencies.insert(partner.agency);
  if (auto users = store_.list_users())
    for (const auto& user : *users)
      if (user.role == store::Role::partner && !user.revoked && !user.agency.empty())
        agencies.insert(user.agency);
  agencies.erase(settings_.home_agency);
  policy::DecisionContext context{settings_.home_agency, &state->agreements, stix::now_micros()};
  writer.key("releases").begin_array();
  for (const auto& agency : agencies) {
    policy::Decision decision = policy::decide(*handling, agency, context);
    writer.begin_object()
        .field("agency", agency)
        .field("name", agency_names(agency))
        .field("release", decision.release)
        .field("agreement", decision.agreement_id)
        .field("agreement_name",
               decision.agreement_id.empty() ? std::string() : agency_names(decision.agreement_id))
        .field("reason", decision.reason)
        .end_object();
  }
  writer.end_array();

  auto provenance = store_.provenance_of(latest.id);
  if (!provenance)
    return console_error(provenance.error());
  writer.key("provenance").begin_array();
  for (const auto& record : *provenance)
    writer.begin_object()
        .field("received_from", record.received_from)
        .field("received_from_name", agency_names(record.received_from))
        .field("agreement", record.agreement)
        .field("received", stix::format_timestamp(record.received))
        .end_object();
  writer.end_array();

  // What it refers to, as list rows; references this account may not read
  // show only their id (no name, no type details).
  std::vector<std::string_view> references;
  stix::collect_references(element, references);
  std::sort(references.begin(), references.end());
  references.erase(std::unique(references.begin(), references.end()), references.end());
  writer.key("references").begin_array();
  simdjson::dom::parser reference_parser;
  size_t shown = 0;
  for (std::string_view reference : references) {
    if (++shown > kMaxReferencesShown)
      break;
    auto found = find_readable(*collections, reference);
    if (!found)
      return console_error(found.error());
    std::optional<ObjectSummary> summary;
    if (found->has_value())
      if (auto read = summarise_object(reference_parser, (*found)->json))
        summary = std::move(*read);
    if (summary) {
      write_summary(writer, *summary);
    } else {
      writer.begin_object()
          .field("id", reference)
          .field("type", stix::identifier_type(reference))
          .field("readable", false)
          .end_object();
    }
  }
  writer.end_array().field("references_total", static_cast<std::int64_t>(references.size()));
  writer.end_object();
  return json_response(200, std::move(body));
}

} // namespace tansiq::console
