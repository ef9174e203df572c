// What the release decision needs from a node's store: the agreements in
// force or not (newest versions), the handling markings, and the category
// vocabulary (shipped in data/policy/categories.txt, built into the binary).
#pragma once

#include "core/result.h"
#include "policy/stix_policy.h"
#include "store/store.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace tansiq::node {

struct PolicyState {
  std::vector<policy::Agreement> agreements;
  std::unordered_map<std::string, policy::HandlingMarking> handling_markings;
  policy::CategoryVocabulary categories;
  // Stored agreements or markings that could not be read, with the reason:
  // they count for nothing (an unreadable agreement releases nothing).
  std::vector<std::string> problems;

  // The handling of an object, read with these markings and categories.
  policy::Handling handling_of(simdjson::dom::element object) const;
};

Result<PolicyState> load_policy_state(store::Store& store);

// The handling an object version is released under: what its markings say,
// and how it reached this node. What came from a partner keeps its provenance:
// its sender is its originator unless its markings say otherwise, and the
// agreement it came under decides whether it may go on (third-party rule).
Result<policy::Handling> effective_handling(store::Store& store, const PolicyState& state,
                                            simdjson::dom::element object,
                                            const std::string& object_id,
                                            stix::MicrosSinceEpoch version_micros,
                                            const std::string& home_agency);

// The decision for one stored object (its newest version) and one partner.
Result<policy::Decision> decide_for_object(store::Store& store, const PolicyState& state,
                                           const std::string& home_agency,
                                           const std::string& object_id, const std::string& partner,
                                           stix::MicrosSinceEpoch now);

} // namespace tansiq::node
