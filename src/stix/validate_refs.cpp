// Object categories of the STIX 2.1 types, and the rules for which types an
// identifier property may reference.
#include "stix/validate_internal.h"

#include <algorithm>

namespace tansiq::stix::detail {
namespace {

struct TypeCategory {
  std::string_view type;
  Category category;
};

constexpr TypeCategory categories[] = {
    {"artifact", Category::sco},
    {"attack-pattern", Category::sdo},
    {"autonomous-system", Category::sco},
    {"bundle", Category::bundle},
    {"campaign", Category::sdo},
    {"course-of-action", Category::sdo},
    {"directory", Category::sco},
    {"domain-name", Category::sco},
    {"email-addr", Category::sco},
    {"email-message", Category::sco},
    {"extension-definition", Category::extension_definition},
    {"file", Category::sco},
    {"grouping", Category::sdo},
    {"identity", Category::sdo},
    {"incident", Category::sdo},
    {"indicator", Category::sdo},
    {"infrastructure", Category::sdo},
    {"intrusion-set", Category::sdo},
    {"ipv4-addr", Category::sco},
    {"ipv6-addr", Category::sco},
    {"language-content", Category::language_content},
    {"location", Category::sdo},
    {"mac-addr", Category::sco},
    {"malware", Category::sdo},
    {"malware-analysis", Category::sdo},
    {"marking-definition", Category::marking_definition},
    {"mutex", Category::sco},
    {"network-traffic", Category::sco},
    {"note", Category::sdo},
    {"observed-data", Category::sdo},
    {"opinion", Category::sdo},
    {"process", Category::sco},
    {"relationship", Category::sro},
    {"report", Category::sdo},
    {"sighting", Category::sro},
    {"software", Category::sco},
    {"threat-actor", Category::sdo},
    {"tool", Category::sdo},
    {"url", Category::sco},
    {"user-account", Category::sco},
    {"vulnerability", Category::sdo},
    {"windows-registry-key", Category::sco},
    {"x509-certificate", Category::sco},
};
static_assert(std::is_sorted(std::begin(categories), std::end(categories),
                             [](const TypeCategory& a, const TypeCategory& b) {
                               return a.type < b.type;
                             }));

bool is_one_of(std::string_view type, std::initializer_list<std::string_view> types) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

} // namespace

Category category_of(std::string_view type) {
  auto it = std::lower_bound(std::begin(categories), std::end(categories), type,
                             [](const TypeCategory& c, std::string_view t) { return c.type < t; });
  if (it == std::end(categories) || it->type != type)
    return Category::unknown;
  return it->category;
}

const char* category_name(Category category) {
  switch (category) {
  case Category::sdo:
    return "STIX Domain Object";
  case Category::sro:
    return "STIX Relationship Object";
  case Category::sco:
    return "STIX Cyber-observable Object";
  case Category::marking_definition:
    return "marking definition";
  case Category::language_content:
    return "language content";
  case Category::extension_definition:
    return "extension definition";
  case Category::bundle:
    return "bundle";
  case Category::unknown:
    return "custom object";
  }
  return "object";
}

namespace refs {
// Custom (unknown) types are accepted wherever their category could fit: a
// custom type may be an SDO, SCO or SRO defined by an extension.
const RefRule identity{"an identity", [](std::string_view t) { return t == "identity"; }};
const RefRule marking_definition{"a marking-definition",
                                 [](std::string_view t) { return t == "marking-definition"; }};
const RefRule extension_definition{"an extension-definition",
                                   [](std::string_view t) { return t == "extension-definition"; }};
const RefRule software{"a software object", [](std::string_view t) { return t == "software"; }};
const RefRule file{"a file", [](std::string_view t) { return t == "file"; }};
const RefRule artifact{"an artifact", [](std::string_view t) { return t == "artifact"; }};
const RefRule directory{"a directory", [](std::string_view t) { return t == "directory"; }};
const RefRule email_addr{"an email-addr", [](std::string_view t) { return t == "email-addr"; }};
const RefRule user_account{"a user-account",
                           [](std::string_view t) { return t == "user-account"; }};
const RefRule autonomous_system{"an autonomous-system",
                                [](std::string_view t) { return t == "autonomous-system"; }};
const RefRule mac_addr{"a mac-addr", [](std::string_view t) { return t == "mac-addr"; }};
const RefRule network_traffic{"a network-traffic",
                              [](std::string_view t) { return t == "network-traffic"; }};
const RefRule process{"a process", [](std::string_view t) { return t == "process"; }};
const RefRule observed_data{"an observed-data",
                            [](std::string_view t) { return t == "observed-data"; }};
const RefRule identity_or_location{"an identity or a location", [](std::string_view t) {
                                     return t == "identity" || t == "location";
                                   }};
const RefRule file_or_artifact{"a file or an artifact",
                               [](std::string_view t) { return t == "file" || t == "artifact"; }};
const RefRule file_or_directory{"a file or a directory",
                                [](std::string_view t) { return t == "file" || t == "directory"; }};
const RefRule sample{"a file, network-traffic or artifact", [](std::string_view t) {
                       return is_one_of(t, {"file", "network-traffic", "artifact"});
                     }};
const RefRule domain_resolution{"an ipv4-addr, ipv6-addr or domain-name", [](std::string_view t) {
                                  return is_one_of(t, {"ipv4-addr", "ipv6-addr", "domain-name"});
                                }};
const RefRule address{"an ipv4-addr, ipv6-addr, mac-addr or domain-name", [](std::string_view t) {
                        return is_one_of(t, {"ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"});
                      }};
const RefRule sdo_or_sco{"an SDO or SCO (not an SRO, bundle, marking-definition, "
                         "language-content or extension-definition)",
                         [](std::string_view t) {
                           Category c = category_of(t);
                           return c == Category::sdo || c == Category::sco ||
                                  c == Category::unknown;
                         }};
const RefRule sdo{"an SDO", [](std::string_view t) {
                    Category c = category_of(t);
                    return c == Category::sdo || c == Category::unknown;
                  }};
const RefRule sco{"an SCO", [](std::string_view t) {
                    Category c = category_of(t);
                    return c == Category::sco || c == Category::unknown;
                  }};
const RefRule sco_or_sro{"an SCO or an SRO", [](std::string_view t) {
                           Category c = category_of(t);
                           return c == Category::sco || c == Category::sro ||
                                  c == Category::unknown;
                         }};
const RefRule any_object{"a STIX object (not a bundle)",
                         [](std::string_view t) { return t != "bundle"; }};
const RefRule not_bundle_or_language{
    "a STIX object other than a bundle or language-content",
    [](std::string_view t) { return t != "bundle" && t != "language-content"; }};
} // namespace refs

} // namespace tansiq::stix::detail
