#include "node/publisher.h"

#include "node/policy_state.h"
#include "policy/stix_policy.h"
#include "stix/references.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace tansiq::node {
namespace {

// One stored object version, read once, decided for every partner.
struct Entry {
  store::MicrosSinceEpoch date_added = 0;
  std::string id;
  std::string type;
  std::vector<std::string> references; // besides created_by_ref and markings
  std::vector<std::string> marking_refs;
  policy::Handling handling;
  std::vector<std::string> parties; // for agreements
};

// Every stored version added after `since` (0: all), in date_added order per collection.
Result<std::vector<Entry>> read_entries(store::Store& store, const PolicyState& state,
                                        store::MicrosSinceEpoch since) {
  std::vector<Entry> entries;
  auto collections = store.list_collections();
  if (!collections)
    return collections.error();
  simdjson::dom::parser parser;
  std::vector<std::string_view> references;
  for (const auto& collection : *collections) {
    store::ObjectQuery query;
    query.versions = store::VersionMatch{true, false, false, {}};
    query.limit = 10000;
    if (since > 0)
      query.added_after = since;
    for (;;) {
      auto page = store.query_objects(collection.id, query);
      if (!page)
        return page.error();
      for (const auto& object : page->objects) {
        simdjson::dom::element element;
        if (parser.parse(object.json).get(element))
          continue; // cannot happen for validated bytes; never published
        Entry& entry = entries.emplace_back();
        entry.date_added = object.date_added;
        entry.id = object.id;
        entry.type = object.type;
        references.clear();
        stix::collect_references(element, references,
                                 {"created_by_ref", "object_marking_refs", "marking_ref"});
        entry.references.assign(references.begin(), references.end());
        simdjson::dom::array markings;
        if (!element["object_marking_refs"].get_array().get(markings))
          for (auto marking : markings)
            if (marking.is_string())
              entry.marking_refs.emplace_back(marking.get_string().value_unsafe());
        entry.handling = policy::read_object_handling(
            element,
            [&](std::string_view id) -> const policy::HandlingMarking* {
              auto found = state.handling_markings.find(std::string(id));
              return found == state.handling_markings.end() ? nullptr : &found->second;
            },
            state.categories);
        // What came from a partner keeps its provenance: its sender is its
        // originator unless its markings say otherwise, and the agreement it
        // came under decides whether it may go on (third-party rule).
        auto provenance = store.provenance_of(object.id);
        if (!provenance)
          return provenance.error();
        if (!provenance->empty()) {
          const store::Provenance* chosen = &provenance->front();
          for (const auto& record : *provenance)
            if (record.version_micros == object.version_micros) {
              chosen = &record;
              break;
            }
          entry.handling.received_under_agreement = chosen->agreement;
          if (entry.handling.originator.empty())
            entry.handling.originator = chosen->received_from;
        }
        if (object.type == policy::kAgreementType)
          for (const auto& agreement : state.agreements)
            if (agreement.id == object.id)
              entry.parties = agreement.parties;
      }
      if (!page->more)
        break;
      query.after_cursor = page->next_cursor;
    }
  }
  return entries;
}

struct PartnerView {
  std::vector<char> released;              // per entry
  std::vector<std::string> reasons;        // per entry, for denials
  std::vector<std::optional<store::MicrosSinceEpoch>> until;
  std::vector<std::string> agreements; // per entry, the agreement that released it
};

PartnerView decide_for_partner(const std::vector<Entry>& entries, const PolicyState& state,
                               const std::string& home, const std::string& partner,
                               store::MicrosSinceEpoch now) {
  PartnerView view;
  view.released.assign(entries.size(), 0);
  view.reasons.assign(entries.size(), {});
  view.until.assign(entries.size(), std::nullopt);
  view.agreements.assign(entries.size(), {});
  policy::DecisionContext context{home, &state.agreements, now};
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    if (entry.type == "marking-definition")
      continue; // decided below, with the objects that use it
    if (entry.type == policy::kAgreementType) {
      bool party = std::find(entry.parties.begin(), entry.parties.end(), partner) !=
                   entry.parties.end();
      view.released[i] = party;
      view.agreements[i] = entry.id;
      if (!party)
        view.reasons[i] = "the partner is not a party to this agreement";
      continue;
    }
    policy::Handling handling = entry.handling;
    if (handling.originator.empty())
      handling.originator = home;
    policy::Decision decision = policy::decide(handling, partner, context);
    view.released[i] = decision.release;
    if (!decision.release) {
      view.reasons[i] = decision.reason;
      continue;
    }
    view.agreements[i] = decision.agreement_id;
    std::optional<store::MicrosSinceEpoch> until = handling.expires;
    for (const auto& agreement : state.agreements)
      if (agreement.id == decision.agreement_id && agreement.valid_until)
        until = until ? std::min(*until, *agreement.valid_until) : *agreement.valid_until;
    view.until[i] = until;
  }

  // Withhold whatever points at a withheld object this node holds, until stable.
  std::unordered_map<std::string_view, int> released_versions_of;
  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].type != "marking-definition")
      released_versions_of[entries[i].id] += view.released[i];
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (!view.released[i])
        continue;
      for (const auto& reference : entries[i].references) {
        auto held = released_versions_of.find(reference);
        if (held != released_versions_of.end() && held->second == 0) {
          view.released[i] = 0;
          view.reasons[i] = "it refers to " + reference + ", which is withheld from this partner";
          released_versions_of[entries[i].id] -= 1;
          changed = true;
          break;
        }
      }
    }
  }

  // Marking definitions go with the objects that use them.
  std::unordered_set<std::string_view> used_markings;
  for (size_t i = 0; i < entries.size(); ++i)
    if (view.released[i])
      for (const auto& marking : entries[i].marking_refs)
        used_markings.insert(marking);
  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].type == "marking-definition") {
      view.released[i] = used_markings.count(entries[i].id) > 0;
      if (!view.released[i])
        view.reasons[i] = "no object published to this partner uses this marking";
    }
  return view;
}

Result<std::set<std::string>> partner_agencies(store::Store& store) {
  auto users = store.list_users();
  if (!users)
    return users.error();
  std::set<std::string> partners;
  for (const auto& user : *users)
    if (user.role == store::Role::partner && !user.revoked && !user.agency.empty())
      partners.insert(user.agency);
  return partners;
}

} // namespace

Result<PublishSummary> republish(store::Store& store, audit::AuditLog& audit,
                                 const std::string& home_agency, const std::string& actor,
                                 store::MicrosSinceEpoch denials_logged_until) {
  PublishSummary summary;
  auto state = load_policy_state(store);
  if (!state)
    return state.error();
  summary.problems = state->problems;
  auto partner_set = partner_agencies(store);
  if (!partner_set)
    return partner_set.error();
  const auto& partners = *partner_set;
  summary.partners = partners.size();
  if (partners.empty())
    return summary;

  auto entries = read_entries(store, *state, 0);
  if (!entries)
    return entries.error();
  summary.versions = entries->size();
  for (const auto& entry : *entries)
    summary.newest_version = std::max(summary.newest_version, entry.date_added);
  auto now = stix::now_micros();
  for (const auto& partner : partners) {
    PartnerView view = decide_for_partner(*entries, *state, home_agency, partner, now);
    auto before = store.released_versions(partner);
    if (!before)
      return before.error();
    std::unordered_set<store::MicrosSinceEpoch> previously(before->begin(), before->end());
    std::vector<store::Release> releases;
    std::vector<audit::AuditEvent> events;
    for (size_t i = 0; i < entries->size(); ++i) {
      const Entry& entry = (*entries)[i];
      bool was = previously.erase(entry.date_added) > 0;
      if (view.released[i]) {
        releases.push_back(store::Release{partner, entry.date_added, view.until[i]});
        if (!was)
          events.push_back({"release", actor, partner, entry.id, view.agreements[i],
                            "published to the partner"});
      } else if (was) {
        events.push_back({"withdraw", actor, partner, entry.id, "", view.reasons[i]});
      } else if (entry.date_added > denials_logged_until) {
        events.push_back({"deny", actor, partner, entry.id, "", view.reasons[i]});
      }
    }
    summary.published += releases.size();
    for (const auto& event : events) {
      if (event.action == "release")
        ++summary.newly_published;
      else if (event.action == "withdraw")
        ++summary.withdrawn;
    }
    if (auto replaced = store.replace_releases(partner, releases); !replaced)
      return replaced.error();
    if (auto logged = audit.append(events); !logged)
      return logged.error();
  }
  return summary;
}

Result<PublishSummary> publish_new(store::Store& store, audit::AuditLog& audit,
                                   const std::string& home_agency, const std::string& actor,
                                   store::MicrosSinceEpoch since) {
  PublishSummary summary;
  auto partner_set = partner_agencies(store);
  if (!partner_set)
    return partner_set.error();
  summary.partners = partner_set->size();
  summary.newest_version = since;
  if (partner_set->empty())
    return summary;
  auto state = load_policy_state(store);
  if (!state)
    return state.error();
  summary.problems = state->problems;
  auto entries = read_entries(store, *state, since);
  if (!entries)
    return entries.error();
  for (const auto& entry : *entries) {
    // New agreements or markings can change decisions on what is held already.
    if (entry.type == policy::kAgreementType || entry.type == "marking-definition")
      return republish(store, audit, home_agency, actor, since);
    summary.newest_version = std::max(summary.newest_version, entry.date_added);
  }
  summary.versions = entries->size();
  if (entries->empty())
    return summary;

  auto now = stix::now_micros();
  for (const auto& partner : *partner_set) {
    PartnerView view = decide_for_partner(*entries, *state, home_agency, partner, now);
    auto published = store.released_versions(partner);
    if (!published)
      return published.error();
    std::unordered_set<store::MicrosSinceEpoch> released(published->begin(), published->end());
    std::vector<store::Release> releases;
    std::vector<audit::AuditEvent> events;
    for (size_t i = 0; i < entries->size(); ++i) {
      const Entry& entry = (*entries)[i];
      // A reference to an object held before this run: it must be published too.
      for (const auto& reference : entry.references) {
        if (!view.released[i])
          break;
        auto held = store.find_latest(reference);
        if (!held)
          return held.error();
        if (held->has_value() && (*held)->date_added <= since &&
            !released.count((*held)->date_added)) {
          view.released[i] = 0;
          view.reasons[i] = "it refers to " + reference + ", which is withheld from this partner";
        }
      }
      if (view.released[i]) {
        releases.push_back(store::Release{partner, entry.date_added, view.until[i]});
        events.push_back({"release", actor, partner, entry.id, view.agreements[i],
                          "published to the partner"});
      } else {
        events.push_back({"deny", actor, partner, entry.id, "", view.reasons[i]});
      }
    }
    summary.published += releases.size();
    summary.newly_published += releases.size();
    if (auto added = store.add_releases(releases); !added)
      return added.error();
    if (auto logged = audit.append(events); !logged)
      return logged.error();
  }
  return summary;
}

} // namespace tansiq::node
