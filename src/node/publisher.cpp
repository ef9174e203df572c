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

// Memory matters: a node may hold millions of versions, and publishing keeps
// one small record per version (ids in one arena, the rare references and
// markings aside), not the parsed objects.
enum class Kind : std::uint8_t { object, agreement, marking };

struct Entry {
  store::MicrosSinceEpoch date_added = 0;
  std::uint32_t id_at = 0; // in Entries::ids
  std::uint16_t id_size = 0;
  Kind kind = Kind::object;
  std::uint32_t extra = 0; // 1 + index in Entries::extras; 0: none
};

// What few versions carry: references to other objects, non-TLP markings.
struct Extra {
  std::vector<std::string> references; // besides created_by_ref and markings
  std::vector<std::string> markings;   // marking-definition ids other than TLP's
};

// One partner's decision on one version.
struct Decided {
  bool released = false;
  std::uint32_t reason = 0;    // index in Reasons; 0: none
  std::int32_t agreement = -1; // index in PolicyState::agreements; -1: none
  std::optional<store::MicrosSinceEpoch> until;
};

// Distinct reasons, each kept once.
class Reasons {
public:
  std::uint32_t intern(const std::string& reason) {
    auto [at, added] = index_.emplace(reason, static_cast<std::uint32_t>(table_.size()));
    if (added)
      table_.push_back(reason);
    return at->second;
  }
  const std::string& operator[](std::uint32_t at) const { return table_[at]; }

private:
  std::vector<std::string> table_{""};
  std::unordered_map<std::string, std::uint32_t> index_{{"", 0}};
};

struct Entries {
  std::vector<Entry> list;
  std::string ids;
  std::vector<Extra> extras;
  std::vector<std::vector<Decided>> decided; // [partner][entry]
  Reasons reasons;

  std::string_view id(const Entry& entry) const {
    return std::string_view(ids).substr(entry.id_at, entry.id_size);
  }
  const Extra* extra(const Entry& entry) const {
    return entry.extra ? &extras[entry.extra - 1] : nullptr;
  }
};

int agreement_index(const PolicyState& state, std::string_view id) {
  for (size_t i = 0; i < state.agreements.size(); ++i)
    if (state.agreements[i].id == id)
      return static_cast<int>(i);
  return -1;
}

Decided decide_one(const policy::Handling& handling, Kind kind, std::string_view id,
                   const std::string& partner, const std::string& home, const PolicyState& state,
                   store::MicrosSinceEpoch now, Reasons& reasons) {
  Decided decided;
  if (kind == Kind::marking)
    return decided; // decided later, with the objects that use it
  if (kind == Kind::agreement) {
    int at = agreement_index(state, id);
    const auto* parties = at >= 0 ? &state.agreements[at].parties : nullptr;
    decided.released =
        parties && std::find(parties->begin(), parties->end(), partner) != parties->end();
    decided.agreement = at;
    if (!decided.released)
      decided.reason = reasons.intern("the partner is not a party to this agreement");
    return decided;
  }
  policy::DecisionContext context{home, &state.agreements, now};
  policy::Decision decision = policy::decide(handling, partner, context);
  decided.released = decision.release;
  if (!decision.release) {
    decided.reason = reasons.intern(decision.reason);
    return decided;
  }
  decided.agreement = agreement_index(state, decision.agreement_id);
  decided.until = handling.expires;
  if (decided.agreement >= 0)
    if (auto until = state.agreements[decided.agreement].valid_until)
      decided.until = decided.until ? std::min(*decided.until, *until) : *until;
  return decided;
}

// Reads every stored version added after `since` (0: all) and decides it for
// every partner.
Result<Entries> read_and_decide(store::Store& store, const PolicyState& state,
                                store::MicrosSinceEpoch since, const std::string& home,
                                const std::vector<std::string>& partners) {
  Entries entries;
  entries.decided.resize(partners.size());
  auto collections = store.list_collections();
  if (!collections)
    return collections.error();
  simdjson::dom::parser parser;
  std::vector<std::string_view> references;
  auto now = stix::now_micros();
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
        Entry entry;
        entry.date_added = object.date_added;
        entry.id_at = static_cast<std::uint32_t>(entries.ids.size());
        entry.id_size = static_cast<std::uint16_t>(object.id.size());
        entries.ids += object.id;
        entry.kind = object.type == policy::kAgreementType ? Kind::agreement
                     : object.type == "marking-definition" ? Kind::marking
                                                           : Kind::object;
        Extra extra;
        references.clear();
        stix::collect_references(element, references,
                                 {"created_by_ref", "object_marking_refs", "marking_ref"});
        extra.references.assign(references.begin(), references.end());
        simdjson::dom::array markings;
        if (!element["object_marking_refs"].get_array().get(markings))
          for (auto marking : markings) {
            std::string_view marking_id;
            if (!marking.get_string().get(marking_id) && !stix::tlp_from_marking_id(marking_id))
              extra.markings.emplace_back(marking_id);
          }
        if (!extra.references.empty() || !extra.markings.empty()) {
          entries.extras.push_back(std::move(extra));
          entry.extra = static_cast<std::uint32_t>(entries.extras.size());
        }

        auto handling =
            effective_handling(store, state, element, object.id, object.version_micros, home);
        if (!handling)
          return handling.error();
        for (size_t p = 0; p < partners.size(); ++p)
          entries.decided[p].push_back(decide_one(*handling, entry.kind, object.id, partners[p],
                                                  home, state, now, entries.reasons));
        entries.list.push_back(entry);
      }
      if (!page->more)
        break;
      query.after_cursor = page->next_cursor;
    }
  }
  return entries;
}

// Withholds what refers to a withheld object this node holds (until nothing
// changes), then publishes marking definitions with the objects that use them.
void close_over_references(Entries& entries, std::vector<Decided>& decided) {
  std::unordered_set<std::string_view> referenced;
  for (const auto& extra : entries.extras)
    for (const auto& reference : extra.references)
      referenced.insert(reference);
  if (!referenced.empty()) {
    // Released versions of each referenced object held here.
    std::unordered_map<std::string_view, int> released_versions_of;
    for (size_t i = 0; i < entries.list.size(); ++i) {
      const Entry& entry = entries.list[i];
      if (entry.kind != Kind::marking && referenced.count(entries.id(entry)))
        released_versions_of[entries.id(entry)] += decided[i].released;
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 0; i < entries.list.size(); ++i) {
        const Extra* extra = entries.extra(entries.list[i]);
        if (!decided[i].released || !extra)
          continue;
        for (const auto& reference : extra->references) {
          auto held = released_versions_of.find(reference);
          if (held == released_versions_of.end() || held->second > 0)
            continue;
          decided[i].released = false;
          decided[i].reason = entries.reasons.intern("it refers to " + reference +
                                                     ", which is withheld from this partner");
          auto own = released_versions_of.find(entries.id(entries.list[i]));
          if (own != released_versions_of.end())
            own->second -= 1;
          changed = true;
          break;
        }
      }
    }
  }
  std::unordered_set<std::string_view> used_markings;
  for (size_t i = 0; i < entries.list.size(); ++i)
    if (const Extra* extra = entries.extra(entries.list[i]); extra && decided[i].released)
      for (const auto& marking : extra->markings)
        used_markings.insert(marking);
  for (size_t i = 0; i < entries.list.size(); ++i)
    if (entries.list[i].kind == Kind::marking) {
      decided[i].released = used_markings.count(entries.id(entries.list[i])) > 0;
      if (!decided[i].released)
        decided[i].reason =
            entries.reasons.intern("no object published to this partner uses this marking");
    }
}

// Audit events go to the log in batches, so that millions of decisions never
// sit in memory at once.
class EventBatch {
public:
  explicit EventBatch(audit::AuditLog& audit) : audit_(audit) {}
  Result<void> add(audit::AuditEvent event) {
    events_.push_back(std::move(event));
    return events_.size() >= 10000 ? flush() : Result<void>();
  }
  Result<void> flush() {
    auto logged = audit_.append(events_);
    events_.clear();
    return logged;
  }

private:
  audit::AuditLog& audit_;
  std::vector<audit::AuditEvent> events_;
};

std::string agreement_id(const PolicyState& state, const Entries& entries, const Entry& entry,
                         const Decided& decided) {
  if (entry.kind == Kind::agreement)
    return std::string(entries.id(entry));
  return decided.agreement >= 0 ? state.agreements[decided.agreement].id : std::string();
}

Result<std::vector<std::string>> partner_agencies(store::Store& store) {
  auto users = store.list_users();
  if (!users)
    return users.error();
  std::set<std::string> partners;
  for (const auto& user : *users)
    if (user.role == store::Role::partner && !user.revoked && !user.agency.empty())
      partners.insert(user.agency);
  return std::vector<std::string>(partners.begin(), partners.end());
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
  auto partners = partner_agencies(store);
  if (!partners)
    return partners.error();
  summary.partners = partners->size();
  if (partners->empty())
    return summary;

  auto entries = read_and_decide(store, *state, 0, home_agency, *partners);
  if (!entries)
    return entries.error();
  summary.versions = entries->list.size();
  for (const auto& entry : entries->list)
    summary.newest_version = std::max(summary.newest_version, entry.date_added);
  for (size_t p = 0; p < partners->size(); ++p) {
    const std::string& partner = (*partners)[p];
    auto& decided = entries->decided[p];
    close_over_references(*entries, decided);
    auto before = store.released_versions(partner);
    if (!before)
      return before.error();
    std::unordered_set<store::MicrosSinceEpoch> previously(before->begin(), before->end());
    before->clear();
    before->shrink_to_fit();
    std::vector<store::Release> releases;
    EventBatch events(audit);
    for (size_t i = 0; i < entries->list.size(); ++i) {
      const Entry& entry = entries->list[i];
      std::string id(entries->id(entry));
      bool was = previously.erase(entry.date_added) > 0;
      Result<void> logged;
      if (decided[i].released) {
        releases.push_back(store::Release{entry.date_added, decided[i].until});
        if (!was) {
          ++summary.newly_published;
          logged = events.add({"release", actor, partner, id,
                               agreement_id(*state, *entries, entry, decided[i]),
                               "published to the partner"});
        }
      } else if (was) {
        ++summary.withdrawn;
        logged =
            events.add({"withdraw", actor, partner, id, "", entries->reasons[decided[i].reason]});
      } else if (entry.date_added > denials_logged_until) {
        logged = events.add({"deny", actor, partner, id, "", entries->reasons[decided[i].reason]});
      }
      if (!logged)
        return logged.error();
    }
    summary.published += releases.size();
    if (auto replaced = store.replace_releases(partner, releases); !replaced)
      return replaced.error();
    if (auto logged = events.flush(); !logged)
      return logged.error();
  }
  return summary;
}

Result<PublishSummary> publish_new(store::Store& store, audit::AuditLog& audit,
                                   const std::string& home_agency, const std::string& actor,
                                   store::MicrosSinceEpoch since) {
  PublishSummary summary;
  auto partners = partner_agencies(store);
  if (!partners)
    return partners.error();
  summary.partners = partners->size();
  summary.newest_version = since;
  if (partners->empty())
    return summary;
  auto state = load_policy_state(store);
  if (!state)
    return state.error();
  summary.problems = state->problems;
  auto entries = read_and_decide(store, *state, since, home_agency, *partners);
  if (!entries)
    return entries.error();
  for (const auto& entry : entries->list) {
    // New agreements or markings can change decisions on what is held already.
    if (entry.kind != Kind::object)
      return republish(store, audit, home_agency, actor, since);
    summary.newest_version = std::max(summary.newest_version, entry.date_added);
  }
  summary.versions = entries->list.size();
  if (entries->list.empty())
    return summary;

  for (size_t p = 0; p < partners->size(); ++p) {
    const std::string& partner = (*partners)[p];
    auto& decided = entries->decided[p];
    close_over_references(*entries, decided);
    auto published = store.released_versions(partner);
    if (!published)
      return published.error();
    std::unordered_set<store::MicrosSinceEpoch> released(published->begin(), published->end());
    std::vector<store::Release> releases;
    EventBatch events(audit);
    for (size_t i = 0; i < entries->list.size(); ++i) {
      const Entry& entry = entries->list[i];
      // A reference to an object held before this run: it must be published too.
      if (const Extra* extra = entries->extra(entry); extra && decided[i].released)
        for (const auto& reference : extra->references) {
          auto held = store.find_latest(reference);
          if (!held)
            return held.error();
          if (held->has_value() && (*held)->date_added <= since &&
              !released.count((*held)->date_added)) {
            decided[i].released = false;
            decided[i].reason = entries->reasons.intern("it refers to " + reference +
                                                        ", which is withheld from this partner");
            break;
          }
        }
      std::string id(entries->id(entry));
      Result<void> logged;
      if (decided[i].released) {
        releases.push_back(store::Release{entry.date_added, decided[i].until});
        logged = events.add({"release", actor, partner, id,
                             agreement_id(*state, *entries, entry, decided[i]),
                             "published to the partner"});
      } else {
        logged = events.add({"deny", actor, partner, id, "", entries->reasons[decided[i].reason]});
      }
      if (!logged)
        return logged.error();
    }
    summary.published += releases.size();
    summary.newly_published += releases.size();
    if (auto added = store.add_releases(partner, releases); !added)
      return added.error();
    if (auto logged = events.flush(); !logged)
      return logged.error();
  }
  return summary;
}

} // namespace tansiq::node
