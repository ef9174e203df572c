#include "node/partner_intake.h"

#include "node/policy_state.h"
#include "policy/stix_policy.h"
#include "store/new_object_from_parsed.h"

#include <algorithm>

namespace tansiq::node {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// May this partner pass this object on to us? Its own objects, yes; another
// agency's only when that agency's handling releases them to us.
std::string origin_problem(const policy::Handling& handling, const std::string& created_by,
                           const PartnerSource& source, const std::string& home,
                           const PolicyState& state) {
  if (created_by.empty() || created_by == source.agency)
    if (handling.originator.empty() || handling.originator == source.agency ||
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
         source.name + " may not pass it on";
}

// Markings a partner has no right to set: a marking definition cannot change
// once defined (STIX 2.1: marking definitions are not versioned), and nobody
// may claim this agency made what it never held.
std::string held_problem(const std::optional<store::StoredObject>& held,
                         const stix::ParsedObject& object, const std::string& originator,
                         const std::string& created_by, const PartnerSource& source,
                         const std::string& home) {
  if (object.type == "marking-definition" && held && held->json != object.json)
    return "a different definition of marking " + object.id + " than the one held; " + source.name +
           " may not redefine a marking";
  if (!held && (originator == home || created_by == home))
    return "claims to come from this agency, which never held it; " + source.name +
           " may not set this agency as its originator";
  return {};
}

} // namespace

Result<PartnerReceipt> receive_from_partner(store::Store& store, audit::AuditLog& audit,
                                            const PartnerSource& source,
                                            const std::string& home_agency,
                                            const stix::ParsedBundle& objects) {
  // Policy as it stands, with the marking definitions that came along known too.
  auto state = load_policy_state(store);
  if (!state)
    return state.error();
  simdjson::dom::parser parser;
  for (const auto& object : objects.accepted)
    if (object.type == "marking-definition") {
      simdjson::dom::element element;
      if (parser.parse(object.json).get(element))
        continue;
      auto marking = policy::read_handling_marking(element);
      if (marking && marking->has_value())
        state->handling_markings.emplace(object.id, std::move(**marking));
    }

  PartnerReceipt receipt;
  std::vector<audit::AuditEvent> events;
  std::vector<store::Provenance> provenance;
  auto reject = [&](const std::string& id, std::string reason) {
    events.push_back({"reject", source.actor, source.agency, id, source.agreement, reason});
    receipt.rejected.push_back({id, std::move(reason)});
  };
  for (const auto& rejected : objects.rejected)
    reject(rejected.id, rejected.violations.empty() ? "invalid STIX"
                                                    : rejected.violations.front().path + ": " +
                                                          rejected.violations.front().message);
  auto now = stix::now_micros();
  for (const auto& object : objects.accepted) {
    simdjson::dom::element element;
    if (parser.parse(object.json).get(element)) {
      reject(object.id, "does not parse as JSON");
      continue;
    }
    std::string_view created_by;
    if (element["created_by_ref"].get_string().get(created_by))
      created_by = {};
    policy::Handling handling = state->handling_of(element);
    std::string problem =
        origin_problem(handling, std::string(created_by), source, home_agency, *state);
    if (problem.empty()) {
      auto held = store.find_latest(object.id);
      if (!held)
        return held.error();
      problem = held_problem(*held, object, handling.originator, std::string(created_by), source,
                             home_agency);
    }
    if (!problem.empty()) {
      reject(object.id, std::move(problem));
      continue;
    }
    receipt.stored.push_back(store::new_object_from_parsed(object));
    provenance.push_back(
        store::Provenance{object.id, object.version_micros, source.agency, source.agreement, now});
  }
  if (!receipt.stored.empty()) {
    auto outcomes = store.add_objects(source.collection, receipt.stored);
    if (!outcomes)
      return outcomes.error();
    receipt.outcomes = std::move(*outcomes);
    if (auto recorded = store.add_provenance(provenance); !recorded)
      return recorded.error();
    for (size_t i = 0; i < receipt.stored.size(); ++i) {
      bool added = receipt.outcomes[i] == store::AddOutcome::added;
      events.push_back({source.action, source.actor, source.agency,
                        std::string(receipt.stored[i].id), source.agreement,
                        added ? "received from " + source.name : "already held"});
    }
  }
  if (auto logged = audit.append(events); !logged)
    return logged.error();
  return receipt;
}

} // namespace tansiq::node
