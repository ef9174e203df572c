// Traffic Light Protocol 2.0 (FIRST, 2022) levels and their official STIX 2.1
// marking-definition ids (OASIS cti-stix-common-objects, TLP 2.0 extension).
#pragma once

#include <optional>
#include <span>
#include <string>
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

// The name of the most restricted TLP level among an object's marking refs
// ("TLP:AMBER"...), or "" when none is a TLP marking: what the store keeps
// so that lists filter and count by TLP without reading the objects.
std::string_view tlp_label(std::span<const std::string> object_marking_refs);

} // namespace tansiq::policy
