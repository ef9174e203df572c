// Publishes to each partner agency exactly what the release policy allows,
// as rows of the store's release table, so that a partner's TAXII view is an
// index walk, not a scan with per-object decisions. Every publication and
// withdrawal (and every denial of a new object) goes into the audit log.
//
// Beyond decide() for each object version (policy/release_rules.h):
//  - an agreement is published to its parties;
//  - a marking-definition is published with the objects that reference it;
//  - an object referring to an object this node holds but withholds from the
//    partner is withheld too (references other than created_by_ref and
//    markings), repeated until nothing changes: a partner never receives the
//    id of something withheld from it.
#pragma once

#include "audit/audit_log.h"
#include "core/result.h"
#include "store/store.h"

#include <string>
#include <vector>

namespace tansiq::node {

struct PublishSummary {
  std::size_t partners = 0;
  std::size_t versions = 0;  // object versions considered
  std::size_t published = 0; // (partner, version) pairs published
  std::size_t newly_published = 0;
  std::size_t withdrawn = 0;
  std::vector<std::string> problems; // unreadable agreements or markings
  store::MicrosSinceEpoch newest_version = 0; // pass as denials_logged_until next time
};

// Recomputes every partner's publications from the whole store. Releases and
// withdrawals are always audited; denials only of versions added after
// `denials_logged_until` (so that a denial is logged once, not at every run).
Result<PublishSummary> republish(store::Store& store, audit::AuditLog& audit,
                                 const std::string& home_agency, const std::string& actor,
                                 store::MicrosSinceEpoch denials_logged_until);

// Decides only the versions added after `since` (cheap after a POST or a
// pull) and adds their publications; falls back to republish() when new
// agreements or marking definitions arrived, since they can change earlier
// decisions. Pass the returned newest_version as `since` next time.
Result<PublishSummary> publish_new(store::Store& store, audit::AuditLog& audit,
                                   const std::string& home_agency, const std::string& actor,
                                   store::MicrosSinceEpoch since);

} // namespace tansiq::node
