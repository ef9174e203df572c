#include "sync/puller.h"

#include "node/policy_state.h"
#include "policy/stix_policy.h"
#include "stix/bundle_reader.h"

#include <algorithm>

namespace tansiq::sync {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// May this partner pass this object on to us? Its own objects, yes; another
// agency's only when that agency's handling releases them to us.
std::string origin_problem(const policy::Handling& handling, const std::string& created_by,
                           const store::Partner& partner, const std::string& home,
                           const node::PolicyState& state) {
  if (created_by.empty() || created_by == partner.agency)
    if (handling.originator.empty() || handling.originator == partner.agency ||
        handling.originator == created_by)
      return {};
  const std::string& originator = handling.originator.empty() ? created_by : handling.originator;
  if (contains(handling.releasable_to_agencies, home))
    return {};
  for (const auto& id : handling.releasable_to_agreements)
    for (const auto& agreement : state.agreements)
      if (agreement.id == id && contains(agreement.parties, home) &&
          contains(agreement.parties, originator))
        return {};
  return "originated by " + originator + ", whose markings do not release it to this agency; " +
         partner.name + " may not pass it on";
}

} // namespace

Result<PullSummary> pull_partner(store::Store& store, audit::AuditLog& audit,
                                 const store::Partner& partner, const std::string& home_agency,
                                 TaxiiClient& client, std::size_t max_pages) {
  PullSummary summary;
  std::string cursor = partner.cursor;
  auto failed = [&](Error error) -> Error {
    (void)store.record_sync(partner.name, {}, stix::now_micros(), error.describe());
    (void)audit.append({"reject", "sync", partner.agency, "", partner.agreement,
                        "pull from " + partner.name + " failed: " + error.describe()});
    return error;
  };
  simdjson::dom::parser parser;
  for (; summary.pages < max_pages; ++summary.pages) {
    std::string path = "collections/" + partner.collection + "/objects/?limit=1000";
    if (!cursor.empty())
      path += "&added_after=" + cursor;
    auto reply = client.get(path);
    if (!reply)
      return failed(reply.error());
    if (reply->status != 200)
      return failed(make_error(Error::Kind::unavailable,
                               "the partner answered HTTP " + std::to_string(reply->status),
                               partner.api_root_url + path));
    auto page = stix::read_bundle(reply->body, stix::Container::envelope);
    if (!page)
      return failed(make_error(Error::Kind::invalid_input,
                               "the partner sent something that is not a TAXII envelope: " +
                                   page.error().describe()));
    bool more = false;
    simdjson::dom::element envelope;
    if (!parser.parse(reply->body).get(envelope))
      if (envelope["more"].get_bool().get(more))
        more = false;

    // Policy as it stands, with the marking definitions of this page known too.
    auto state = node::load_policy_state(store);
    if (!state)
      return failed(state.error());
    simdjson::dom::parser object_parser;
    for (const auto& object : page->accepted)
      if (object.type == "marking-definition") {
        simdjson::dom::element element;
        if (object_parser.parse(object.json).get(element))
          continue;
        auto marking = policy::read_handling_marking(element);
        if (marking && marking->has_value())
          state->handling_markings.emplace(object.id, std::move(**marking));
      }

    std::vector<audit::AuditEvent> events;
    std::vector<store::NewObject> accepted;
    std::vector<store::Provenance> provenance;
    auto now = stix::now_micros();
    for (const auto& rejected : page->rejected) {
      std::string reason = rejected.violations.empty() ? "invalid STIX"
                                                       : rejected.violations.front().path + ": " +
                                                             rejected.violations.front().message;
      events.push_back({"reject", "sync", partner.agency, rejected.id, partner.agreement, reason});
    }
    for (const auto& object : page->accepted) {
      simdjson::dom::element element;
      if (object_parser.parse(object.json).get(element))
        continue;
      std::string_view created_by;
      if (element["created_by_ref"].get_string().get(created_by))
        created_by = {};
      policy::Handling handling = state->handling_of(element);
      std::string problem =
          origin_problem(handling, std::string(created_by), partner, home_agency, *state);
      if (!problem.empty()) {
        events.push_back({"reject", "sync", partner.agency, object.id, partner.agreement, problem});
        continue;
      }
      accepted.push_back(store::NewObject{object.id, object.type, object.spec_version,
                                          object.version, object.version_micros, object.json});
      provenance.push_back(store::Provenance{object.id, object.version_micros, partner.agency,
                                             partner.agreement, now});
    }
    summary.rejected += events.size();
    if (!accepted.empty()) {
      auto outcomes = store.add_objects(partner.local_collection, accepted);
      if (!outcomes)
        return failed(outcomes.error());
      if (auto recorded = store.add_provenance(provenance); !recorded)
        return failed(recorded.error());
      for (size_t i = 0; i < accepted.size(); ++i) {
        bool added = (*outcomes)[i] == store::AddOutcome::added;
        ++(added ? summary.added : summary.duplicates);
        events.push_back({"pull", "sync", partner.agency, std::string(accepted[i].id),
                          partner.agreement,
                          added ? "received from " + partner.name : "already held"});
      }
    }
    if (auto logged = audit.append(events); !logged)
      return failed(logged.error());
    if (!reply->date_added_last.empty())
      cursor = reply->date_added_last;
    if (auto saved = store.record_sync(partner.name, cursor, stix::now_micros(), {}); !saved)
      return saved.error();
    if (!more || page->accepted.size() + page->rejected.size() == 0)
      break;
  }
  return summary;
}

} // namespace tansiq::sync
