// How agreements and handling markings are written in STIX 2.1, and reading
// them back into the structs the release decision takes (docs/policy.md).
//
//  - An agreement is an SDO of type "x-tansiq-agreement", declared by the
//    extension definition kAgreementExtension (extension_type "new-sdo").
//    Withdrawing an agreement is revoking it ("revoked": true).
//  - A handling marking is a marking-definition carrying the property
//    extension kHandlingExtension: originator, releasable_to (agency identity
//    ids and/or agreement ids), originator_control, expires. Objects reference
//    it in object_marking_refs, next to their TLP 2.0 marking.
//  - Categories are the object's labels that belong to the category vocabulary
//    (data/policy/categories.txt).
#pragma once

#include "core/result.h"
#include "policy/release_rules.h"

#include <functional>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <unordered_set>

namespace tansiq::policy {

inline constexpr std::string_view kAgreementType = "x-tansiq-agreement";
inline constexpr std::string_view kAgreementExtension =
    "extension-definition--fee05fd8-25a7-408d-abf6-26b1edd1638a";
inline constexpr std::string_view kHandlingExtension =
    "extension-definition--fdd4cdcd-f661-4314-b82f-67c4c7ba9d7d";

// What one handling marking-definition says.
struct HandlingMarking {
  std::string originator;
  std::vector<std::string> releasable_to_agencies;
  std::vector<std::string> releasable_to_agreements;
  bool originator_control = true;
  std::optional<MicrosSinceEpoch> expires;
};

using CategoryVocabulary = std::unordered_set<std::string>;

// Reads an "x-tansiq-agreement" object; errors name the property and why.
Result<Agreement> read_agreement(simdjson::dom::element object);

// Reads a marking-definition; nothing when it carries no handling extension.
Result<std::optional<HandlingMarking>> read_handling_marking(simdjson::dom::element marking);

// Finds a handling marking by its marking-definition id (nullptr: unknown).
using HandlingLookup = std::function<const HandlingMarking*(std::string_view marking_id)>;

// The handling of any STIX object: TLP from its object_marking_refs, handling
// from the first handling marking among them (else originator =
// created_by_ref, no restriction lists), categories from its labels.
Handling read_object_handling(simdjson::dom::element object, const HandlingLookup& lookup,
                              const CategoryVocabulary& categories);

// The vocabulary shipped in data/policy/categories.txt: one category a line, '#' comments.
CategoryVocabulary parse_category_vocabulary(std::string_view text);

} // namespace tansiq::policy
