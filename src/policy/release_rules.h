// The release decision: may object O be released to partner agency P now?
// One pure function, with the reason either way. The rules (docs/policy.md):
//
//  1. An object with no TLP marking, or TLP:RED, is never released by the
//     machine (RED is for named people, not agencies).
//  2. An object whose handling has expired is not released.
//  3. An object needs categories, and an agreement between this node's agency
//     and P that is in force now, covers every category, allows the object's
//     TLP, and (when the handling names releasable agreements) is one of them.
//  4. When the handling names releasable agencies or agreements, P must be
//     one of the agencies or a party to one of the agreements.
//  5. Third-party rule: an object this agency did not originate is released
//     only if its originator's handling names P (or an agreement P is party
//     to, with the originator) and the agreement under which it came to us
//     allows onward sharing. TLP:AMBER+STRICT never goes past its originator's
//     first recipients.
#pragma once

#include "stix/timestamp.h"
#include "stix/tlp.h"

#include <optional>
#include <string>
#include <vector>

namespace tansiq::policy {

using stix::MicrosSinceEpoch;

struct Agreement {
  std::string id; // a STIX id (the agreement is itself a STIX object)
  std::string name;
  std::vector<std::string> parties;    // agency identity ids; two or more
  std::vector<std::string> categories; // scope, from data/policy/categories.txt
  stix::Tlp highest_tlp = stix::Tlp::amber;
  MicrosSinceEpoch valid_from = 0;
  std::optional<MicrosSinceEpoch> valid_until;
  bool onward_sharing = false; // may a party pass on what it received under it?
  bool withdrawn = false;
};

// What the markings of one object say, resolved from its STIX markings.
struct Handling {
  std::optional<stix::Tlp> tlp;
  std::vector<std::string> categories;
  std::string originator;                          // agency identity id
  std::vector<std::string> releasable_to_agencies; // empty: any agency the agreements allow
  std::vector<std::string> releasable_to_agreements;
  bool originator_control = true; // third-party rule: onward release needs the originator's word
  std::optional<MicrosSinceEpoch> expires;
  // How it reached this node, when from a partner: the agreement it came under.
  std::string received_under_agreement;
};

enum class Rule {
  released,
  no_tlp,
  tlp_red,
  expired,
  no_categories,
  no_agreement,
  not_releasable_to_partner,
  third_party_rule,
  amber_strict_onward,
  onward_sharing_not_allowed,
};

struct Decision {
  bool release = false;
  Rule rule = Rule::no_agreement;
  std::string agreement_id; // the agreement that allows it, when released
  std::string reason;       // one sentence for people: which rule, which agreement
};

struct DecisionContext {
  std::string home_agency; // this node's agency
  const std::vector<Agreement>* agreements = nullptr;
  MicrosSinceEpoch now = 0;
};

Decision decide(const Handling& object, const std::string& partner, const DecisionContext& context);

// True when the agreement is in force at `now` (not withdrawn, within its validity).
bool in_force(const Agreement& agreement, MicrosSinceEpoch now);

} // namespace tansiq::policy
