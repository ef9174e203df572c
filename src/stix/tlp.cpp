#include "stix/tlp.h"

namespace tansiq::stix {
namespace {

constexpr TlpMarking kTlpMarkings[] = {
    {"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp::clear, 2, "TLP:CLEAR",
     "clear"},
    {"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp::green, 2, "TLP:GREEN",
     "green"},
    {"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp::amber, 2, "TLP:AMBER",
     "amber"},
    {"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp::amber_strict, 2,
     "TLP:AMBER+STRICT", "amber+strict"},
    {"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp::red, 2, "TLP:RED", "red"},
    {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp::clear, 1, "TLP:WHITE",
     "white"},
    {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp::green, 1, "TLP:GREEN",
     "green"},
    {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp::amber, 1, "TLP:AMBER",
     "amber"},
    {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp::red, 1, "TLP:RED", "red"},
};

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z')
      y = static_cast<char>(y - 'A' + 'a');
    if (x != y)
      return false;
  }
  return true;
}

} // namespace

std::string_view tlp_name(Tlp level) {
  switch (level) {
  case Tlp::clear:
    return "TLP:CLEAR";
  case Tlp::green:
    return "TLP:GREEN";
  case Tlp::amber:
    return "TLP:AMBER";
  case Tlp::amber_strict:
    return "TLP:AMBER+STRICT";
  case Tlp::red:
    return "TLP:RED";
  }
  return "TLP:RED";
}

std::string_view tlp_short_name(Tlp level) {
  std::string_view full = tlp_name(level);
  for (const auto& known : kTlpMarkings)
    if (known.tlp_version == 2 && known.level == level)
      return known.defined_level;
  return full;
}

std::optional<Tlp> parse_tlp_name(std::string_view name) {
  for (Tlp level : kTlpLevels)
    if (equal_ignoring_ascii_case(name, tlp_name(level)) ||
        equal_ignoring_ascii_case(name, tlp_short_name(level)))
      return level;
  return std::nullopt;
}

std::span<const TlpMarking> tlp_markings() {
  return kTlpMarkings;
}

std::string_view tlp_marking_id(Tlp level) {
  for (const auto& known : kTlpMarkings)
    if (known.level == level)
      return known.id;
  return {};
}

std::optional<Tlp> tlp_from_marking_id(std::string_view marking_definition_id) {
  for (const auto& known : kTlpMarkings)
    if (known.id == marking_definition_id)
      return known.level;
  return std::nullopt;
}

std::string_view tlp_label(std::span<const std::string> object_marking_refs) {
  std::optional<Tlp> strictest;
  for (const auto& ref : object_marking_refs)
    if (auto level = tlp_from_marking_id(ref); level && (!strictest || *level > *strictest))
      strictest = level;
  return strictest ? tlp_name(*strictest) : std::string_view();
}

} // namespace tansiq::stix
