// Traffic Light Protocol 2.0 (FIRST, 2022) levels and their official STIX 2.1
// marking-definition ids (OASIS cti-stix-common-objects, TLP 2.0 extension).
#pragma once

#include <optional>
#include <string_view>

namespace tansiq::policy {

// Ordered from least to most restricted.
enum class Tlp { clear, green, amber, amber_strict, red };

std::string_view tlp_name(Tlp level); // "TLP:CLEAR", ...

// The TLP 2.0 marking-definition id of a level.
std::string_view tlp_marking_id(Tlp level);

// The level a marking-definition id stands for: the TLP 2.0 ids, and the STIX
// 2.1 TLP 1.0 ids (WHITE reads as CLEAR, as FIRST's TLP 2.0 says). Nothing for
// any other id.
std::optional<Tlp> tlp_from_marking_id(std::string_view marking_definition_id);

} // namespace tansiq::policy
