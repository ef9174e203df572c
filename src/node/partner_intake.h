// Taking in what a partner agency's node sends, whichever way it came (this
// node pulled it, or the partner pushed it): invalid STIX and objects the
// partner may not pass on to us (another agency's objects whose markings do
// not release them to us: the third-party rule, seen from the receiving end)
// are rejected with their reason; the rest is stored with its provenance
// (received from, when, under which agreement). Every object received or
// rejected goes into the audit log.
#pragma once

#include "audit/audit_log.h"
#include "core/result.h"
#include "stix/bundle_reader.h"
#include "store/store.h"

#include <string>
#include <vector>

namespace tansiq::node {

// Who sent the objects and under what terms.
struct PartnerSource {
  std::string name;       // the partner's name on this node (audit text)
  std::string agency;     // its agency's identity id
  std::string agreement;  // the agreement the objects come under
  std::string collection; // where accepted objects are stored here
  std::string action;     // audit action for stored objects: "pull" or "receive"
  std::string actor;      // audit actor: "sync", or the partner's account
};

struct Rejection {
  std::string id;
  std::string reason;
};

struct PartnerReceipt {
  std::vector<store::NewObject> stored; // views into the parsed bundle, in order
  std::vector<store::AddOutcome> outcomes;
  std::vector<Rejection> rejected;
};

// Checks, stores and audits one parsed page or request from a partner. The
// objects are stored in one transaction; an error means nothing was stored.
Result<PartnerReceipt> receive_from_partner(store::Store& store, audit::AuditLog& audit,
                                            const PartnerSource& source,
                                            const std::string& home_agency,
                                            const stix::ParsedBundle& objects);

} // namespace tansiq::node
