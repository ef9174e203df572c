// Traffic Light Protocol levels and the STIX 2.1 marking-definition ids that
// carry them: TLP 2.0 (FIRST, 2022; ids from OASIS cti-stix-common-objects)
// and TLP 1.0 (STIX 2.1 section 7.2.1.4). The one place these ids live.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tansiq::stix {

// Ordered from least to most restricted.
enum class Tlp { clear, green, amber, amber_strict, red };

// Every level, least restricted first: for option lists and validation.
inline constexpr Tlp kTlpLevels[] = {Tlp::clear, Tlp::green, Tlp::amber, Tlp::amber_strict,
                                     Tlp::red};

std::string_view tlp_name(Tlp level);       // "TLP:CLEAR", ...
std::string_view tlp_short_name(Tlp level); // "clear", ..., "amber+strict": what users type

// The level a user names: "amber", "TLP:AMBER", "amber+strict", any case.
// Nothing for anything else ("white" is TLP 1.0's name and is not taken).
std::optional<Tlp> parse_tlp_name(std::string_view name);

// A marking-definition id that stands for a TLP level.
struct TlpMarking {
  std::string_view id;
  Tlp level;
  int tlp_version;                // 1 or 2
  std::string_view defined_name;  // the definition's "name" ("TLP:WHITE" for 1.0 CLEAR)
  std::string_view defined_level; // TLP 1.0 "definition": {"tlp": ...} ("white")
};

// TLP 2.0 ids first (what Tansiq writes), then the TLP 1.0 ids.
std::span<const TlpMarking> tlp_markings();

// The TLP 2.0 marking-definition id of a level.
std::string_view tlp_marking_id(Tlp level);

// The level a marking-definition id stands for (2.0 or 1.0; WHITE reads as
// CLEAR, as FIRST's TLP 2.0 says). Nothing for any other id.
std::optional<Tlp> tlp_from_marking_id(std::string_view marking_definition_id);

// The name of the most restricted TLP level among an object's marking refs
// ("TLP:AMBER"...), or "" when none is a TLP marking: what the store keeps
// so that lists filter and count by TLP without reading the objects.
std::string_view tlp_label(std::span<const std::string> object_marking_refs);

} // namespace tansiq::stix
