#include "stix/vocabularies.h"

#include <algorithm>

namespace tansiq::stix::detail {

bool vocab_contains(const Vocab& vocab, std::string_view value) {
  return std::binary_search(vocab.values.begin(), vocab.values.end(), value);
}

namespace {
using namespace std::string_view_literals;

template <size_t N> constexpr bool sorted(const std::string_view (&values)[N]) {
  return std::is_sorted(values, values + N);
}

constexpr std::string_view account_type_values[] = {
    "facebook"sv, "ldap"sv,    "nis"sv,  "openid"sv,         "radius"sv,       "skype"sv,
    "tacacs"sv,   "twitter"sv, "unix"sv, "windows-domain"sv, "windows-local"sv};
static_assert(sorted(account_type_values));
constexpr std::string_view attack_motivation_values[] = {
    "accidental"sv,    "coercion"sv,
    "dominance"sv,     "ideology"sv,
    "notoriety"sv,     "organizational-gain"sv,
    "personal-gain"sv, "personal-satisfaction"sv,
    "revenge"sv,       "unpredictable"sv};
static_assert(sorted(attack_motivation_values));
constexpr std::string_view attack_resource_level_values[] = {
    "club"sv, "contest"sv, "government"sv, "individual"sv, "organization"sv, "team"sv};
static_assert(sorted(attack_resource_level_values));
constexpr std::string_view encryption_algorithm_values[] = {"AES-256-GCM"sv, "ChaCha20-Poly1305"sv,
                                                            "mime-type-indicated"sv};
static_assert(sorted(encryption_algorithm_values));
constexpr std::string_view extension_type_values[] = {
    "new-sco"sv, "new-sdo"sv, "new-sro"sv, "property-extension"sv, "toplevel-property-extension"sv};
static_assert(sorted(extension_type_values));
constexpr std::string_view grouping_context_values[] = {"malware-analysis"sv,
                                                        "suspicious-activity"sv, "unspecified"sv};
static_assert(sorted(grouping_context_values));
constexpr std::string_view hash_algorithm_values[] = {
    "MD5"sv, "SHA-1"sv, "SHA-256"sv, "SHA-512"sv, "SHA3-256"sv, "SHA3-512"sv, "SSDEEP"sv, "TLSH"sv};
static_assert(sorted(hash_algorithm_values));
constexpr std::string_view identity_class_values[] = {"class"sv,        "group"sv,  "individual"sv,
                                                      "organization"sv, "system"sv, "unknown"sv};
static_assert(sorted(identity_class_values));
constexpr std::string_view implementation_language_values[] = {
    "applescript"sv,  "bash"sv,       "c"sv,     "c#"sv,          "c++"sv,   "go"sv,
    "java"sv,         "javascript"sv, "lua"sv,   "objective-c"sv, "perl"sv,  "php"sv,
    "powershell"sv,   "python"sv,     "ruby"sv,  "scala"sv,       "swift"sv, "typescript"sv,
    "visual-basic"sv, "x86-32"sv,     "x86-64"sv};
static_assert(sorted(implementation_language_values));
constexpr std::string_view indicator_type_values[] = {
    "anomalous-activity"sv, "anonymization"sv,      "attribution"sv, "benign"sv,
    "compromised"sv,        "malicious-activity"sv, "unknown"sv};
static_assert(sorted(indicator_type_values));
constexpr std::string_view industry_sector_values[] = {"aerospace"sv,
                                                       "agriculture"sv,
                                                       "automotive"sv,
                                                       "chemical"sv,
                                                       "commercial"sv,
                                                       "communications"sv,
                                                       "construction"sv,
                                                       "dams"sv,
                                                       "defense"sv,
                                                       "education"sv,
                                                       "emergency-services"sv,
                                                       "energy"sv,
                                                       "engineering"sv,
                                                       "entertainment"sv,
                                                       "financial-services"sv,
                                                       "government"sv,
                                                       "government-emergency-services"sv,
                                                       "government-local"sv,
                                                       "government-national"sv,
                                                       "government-public-services"sv,
                                                       "government-regional"sv,
                                                       "healthcare"sv,
                                                       "hospitality-leisure"sv,
                                                       "infrastructure"sv,
                                                       "insurance"sv,
                                                       "manufacturing"sv,
                                                       "mining"sv,
                                                       "non-profit"sv,
                                                       "nuclear"sv,
                                                       "pharmaceuticals"sv,
                                                       "retail"sv,
                                                       "technology"sv,
                                                       "telecommunications"sv,
                                                       "transportation"sv,
                                                       "utilities"sv,
                                                       "water"sv};
static_assert(sorted(industry_sector_values));
constexpr std::string_view infrastructure_type_values[] = {"amplification"sv,
                                                           "anonymization"sv,
                                                           "botnet"sv,
                                                           "command-and-control"sv,
                                                           "control-system"sv,
                                                           "exfiltration"sv,
                                                           "firewall"sv,
                                                           "hosting-malware"sv,
                                                           "hosting-target-lists"sv,
                                                           "phishing"sv,
                                                           "reconnaissance"sv,
                                                           "routers-switches"sv,
                                                           "staging"sv,
                                                           "unknown"sv,
                                                           "workstation"sv};
static_assert(sorted(infrastructure_type_values));
constexpr std::string_view malware_av_result_values[] = {"benign"sv, "malicious"sv, "suspicious"sv,
                                                         "unknown"sv};
static_assert(sorted(malware_av_result_values));
constexpr std::string_view malware_capabilities_values[] = {
    "accesses-remote-machines"sv,
    "anti-debugging"sv,
    "anti-disassembly"sv,
    "anti-emulation"sv,
    "anti-memory-forensics"sv,
    "anti-sandbox"sv,
    "anti-vm"sv,
    "captures-input-peripherals"sv,
    "captures-output-peripherals"sv,
    "captures-system-state-data"sv,
    "cleans-traces-of-infection"sv,
    "commits-fraud"sv,
    "communicates-with-c2"sv,
    "compromises-data-availability"sv,
    "compromises-data-integrity"sv,
    "compromises-system-availability"sv,
    "controls-local-machine"sv,
    "degrades-security-software"sv,
    "degrades-system-updates"sv,
    "determines-c2-server"sv,
    "emails-spam"sv,
    "escalates-privileges"sv,
    "evades-av"sv,
    "exfiltrates-data"sv,
    "fingerprints-host"sv,
    "hides-artifacts"sv,
    "hides-executing-code"sv,
    "infects-files"sv,
    "infects-remote-machines"sv,
    "installs-other-components"sv,
    "persists-after-system-reboot"sv,
    "prevents-artifact-access"sv,
    "prevents-artifact-deletion"sv,
    "probes-network-environment"sv,
    "self-modifies"sv,
    "steals-authentication-credentials"sv,
    "violates-system-operational-integrity"sv};
static_assert(sorted(malware_capabilities_values));
constexpr std::string_view malware_type_values[] = {"adware"sv,
                                                    "backdoor"sv,
                                                    "bootkit"sv,
                                                    "bot"sv,
                                                    "ddos"sv,
                                                    "downloader"sv,
                                                    "dropper"sv,
                                                    "exploit-kit"sv,
                                                    "keylogger"sv,
                                                    "ransomware"sv,
                                                    "remote-access-trojan"sv,
                                                    "resource-exploitation"sv,
                                                    "rogue-security-software"sv,
                                                    "rootkit"sv,
                                                    "screen-capture"sv,
                                                    "spyware"sv,
                                                    "trojan"sv,
                                                    "unknown"sv,
                                                    "virus"sv,
                                                    "webshell"sv,
                                                    "wiper"sv,
                                                    "worm"sv};
static_assert(sorted(malware_type_values));
constexpr std::string_view marking_definition_type_values[] = {"statement"sv, "tlp"sv};
static_assert(sorted(marking_definition_type_values));
constexpr std::string_view network_socket_address_family_values[] = {
    "AF_APPLETALK"sv, "AF_BTH"sv,  "AF_INET"sv,    "AF_INET6"sv,
    "AF_IPX"sv,       "AF_IRDA"sv, "AF_NETBIOS"sv, "AF_UNSPEC"sv};
static_assert(sorted(network_socket_address_family_values));
constexpr std::string_view network_socket_type_values[] = {
    "SOCK_DGRAM"sv, "SOCK_RAW"sv, "SOCK_RDM"sv, "SOCK_SEQPACKET"sv, "SOCK_STREAM"sv};
static_assert(sorted(network_socket_type_values));
constexpr std::string_view opinion_values[] = {"agree"sv, "disagree"sv, "neutral"sv,
                                               "strongly-agree"sv, "strongly-disagree"sv};
static_assert(sorted(opinion_values));
constexpr std::string_view pattern_type_values[] = {"pcre"sv, "sigma"sv,    "snort"sv,
                                                    "stix"sv, "suricata"sv, "yara"sv};
static_assert(sorted(pattern_type_values));
constexpr std::string_view processor_architecture_values[] = {
    "alpha"sv, "arm"sv, "ia-64"sv, "mips"sv, "powerpc"sv, "sparc"sv, "x86"sv, "x86-64"sv};
static_assert(sorted(processor_architecture_values));
constexpr std::string_view region_values[] = {"africa"sv,
                                              "americas"sv,
                                              "antarctica"sv,
                                              "asia"sv,
                                              "australia-new-zealand"sv,
                                              "caribbean"sv,
                                              "central-america"sv,
                                              "central-asia"sv,
                                              "eastern-africa"sv,
                                              "eastern-asia"sv,
                                              "eastern-europe"sv,
                                              "europe"sv,
                                              "latin-america-caribbean"sv,
                                              "melanesia"sv,
                                              "micronesia"sv,
                                              "middle-africa"sv,
                                              "northern-africa"sv,
                                              "northern-america"sv,
                                              "northern-europe"sv,
                                              "oceania"sv,
                                              "polynesia"sv,
                                              "south-america"sv,
                                              "south-eastern-asia"sv,
                                              "southern-africa"sv,
                                              "southern-asia"sv,
                                              "southern-europe"sv,
                                              "western-africa"sv,
                                              "western-asia"sv,
                                              "western-europe"sv};
static_assert(sorted(region_values));
constexpr std::string_view report_type_values[] = {
    "attack-pattern"sv, "campaign"sv, "identity"sv,      "indicator"sv,
    "intrusion-set"sv,  "malware"sv,  "observed-data"sv, "threat-actor"sv,
    "threat-report"sv,  "tool"sv,     "vulnerability"sv};
static_assert(sorted(report_type_values));
constexpr std::string_view threat_actor_role_values[] = {"agent"sv,
                                                         "director"sv,
                                                         "independent"sv,
                                                         "infrastructure-architect"sv,
                                                         "infrastructure-operator"sv,
                                                         "malware-author"sv,
                                                         "sponsor"sv};
static_assert(sorted(threat_actor_role_values));
constexpr std::string_view threat_actor_sophistication_values[] = {
    "advanced"sv, "expert"sv, "innovator"sv, "intermediate"sv,
    "minimal"sv,  "none"sv,   "strategic"sv};
static_assert(sorted(threat_actor_sophistication_values));
constexpr std::string_view threat_actor_type_values[] = {"activist"sv,
                                                         "competitor"sv,
                                                         "crime-syndicate"sv,
                                                         "criminal"sv,
                                                         "hacker"sv,
                                                         "insider-accidental"sv,
                                                         "insider-disgruntled"sv,
                                                         "nation-state"sv,
                                                         "sensationalist"sv,
                                                         "spy"sv,
                                                         "terrorist"sv,
                                                         "unknown"sv};
static_assert(sorted(threat_actor_type_values));
constexpr std::string_view tlp_level_values[] = {"amber"sv, "green"sv, "red"sv, "white"sv};
static_assert(sorted(tlp_level_values));
constexpr std::string_view tool_type_values[] = {"credential-exploitation"sv,
                                                 "denial-of-service"sv,
                                                 "exploitation"sv,
                                                 "information-gathering"sv,
                                                 "network-capture"sv,
                                                 "remote-access"sv,
                                                 "unknown"sv,
                                                 "vulnerability-scanning"sv};
static_assert(sorted(tool_type_values));
constexpr std::string_view windows_integrity_level_values[] = {"high"sv, "low"sv, "medium"sv,
                                                               "system"sv};
static_assert(sorted(windows_integrity_level_values));
constexpr std::string_view windows_pebinary_type_values[] = {"dll"sv, "exe"sv, "sys"sv};
static_assert(sorted(windows_pebinary_type_values));
constexpr std::string_view windows_registry_datatype_values[] = {"REG_BINARY"sv,
                                                                 "REG_DWORD"sv,
                                                                 "REG_DWORD_BIG_ENDIAN"sv,
                                                                 "REG_DWORD_LITTLE_ENDIAN"sv,
                                                                 "REG_EXPAND_SZ"sv,
                                                                 "REG_FULL_RESOURCE_DESCRIPTION"sv,
                                                                 "REG_INVALID_TYPE"sv,
                                                                 "REG_LINK"sv,
                                                                 "REG_MULTI_SZ"sv,
                                                                 "REG_NONE"sv,
                                                                 "REG_QWORD"sv,
                                                                 "REG_RESOURCE_LIST"sv,
                                                                 "REG_RESOURCE_REQUIREMENTS_LIST"sv,
                                                                 "REG_SZ"sv};
static_assert(sorted(windows_registry_datatype_values));
constexpr std::string_view windows_service_start_type_values[] = {
    "SERVICE_AUTO_START"sv, "SERVICE_BOOT_START"sv, "SERVICE_DEMAND_START"sv, "SERVICE_DISABLED"sv,
    "SERVICE_SYSTEM_ALERT"sv};
static_assert(sorted(windows_service_start_type_values));
constexpr std::string_view windows_service_status_values[] = {
    "SERVICE_CONTINUE_PENDING"sv, "SERVICE_PAUSED"sv,        "SERVICE_PAUSE_PENDING"sv,
    "SERVICE_RUNNING"sv,          "SERVICE_START_PENDING"sv, "SERVICE_STOPPED"sv,
    "SERVICE_STOP_PENDING"sv};
static_assert(sorted(windows_service_status_values));
constexpr std::string_view windows_service_type_values[] = {
    "SERVICE_FILE_SYSTEM_DRIVER"sv, "SERVICE_KERNEL_DRIVER"sv, "SERVICE_WIN32_OWN_PROCESS"sv,
    "SERVICE_WIN32_SHARE_PROCESS"sv};
static_assert(sorted(windows_service_type_values));

} // namespace

namespace vocab {
const Vocab account_type{"account-type-ov", account_type_values, true};
const Vocab attack_motivation{"attack-motivation-ov", attack_motivation_values, true};
const Vocab attack_resource_level{"attack-resource-level-ov", attack_resource_level_values, true};
const Vocab encryption_algorithm{"encryption-algorithm-enum", encryption_algorithm_values, false};
const Vocab extension_type{"extension-type-enum", extension_type_values, false};
const Vocab grouping_context{"grouping-context-ov", grouping_context_values, true};
const Vocab hash_algorithm{"hash-algorithm-ov", hash_algorithm_values, true};
const Vocab identity_class{"identity-class-ov", identity_class_values, true};
const Vocab implementation_language{"implementation-language-ov", implementation_language_values,
                                    true};
const Vocab indicator_type{"indicator-type-ov", indicator_type_values, true};
const Vocab industry_sector{"industry-sector-ov", industry_sector_values, true};
const Vocab infrastructure_type{"infrastructure-type-ov", infrastructure_type_values, true};
const Vocab malware_av_result{"malware-av-result-ov", malware_av_result_values, true};
const Vocab malware_capabilities{"malware-capabilities-ov", malware_capabilities_values, true};
const Vocab malware_type{"malware-type-ov", malware_type_values, true};
const Vocab marking_definition_type{"marking definition type", marking_definition_type_values,
                                    true};
const Vocab network_socket_address_family{"network-socket-address-family-enum",
                                          network_socket_address_family_values, false};
const Vocab network_socket_type{"network-socket-type-enum", network_socket_type_values, false};
const Vocab opinion{"opinion-enum", opinion_values, false};
const Vocab pattern_type{"pattern-type-ov", pattern_type_values, true};
const Vocab processor_architecture{"processor-architecture-ov", processor_architecture_values,
                                   true};
const Vocab region{"region-ov", region_values, true};
const Vocab report_type{"report-type-ov", report_type_values, true};
const Vocab threat_actor_role{"threat-actor-role-ov", threat_actor_role_values, true};
const Vocab threat_actor_sophistication{"threat-actor-sophistication-ov",
                                        threat_actor_sophistication_values, true};
const Vocab threat_actor_type{"threat-actor-type-ov", threat_actor_type_values, true};
const Vocab tlp_level{"TLP 1.0 level", tlp_level_values, false};
const Vocab tool_type{"tool-type-ov", tool_type_values, true};
const Vocab windows_integrity_level{"windows-integrity-level-enum", windows_integrity_level_values,
                                    false};
const Vocab windows_pebinary_type{"windows-pebinary-type-ov", windows_pebinary_type_values, true};
const Vocab windows_registry_datatype{"windows-registry-datatype-enum",
                                      windows_registry_datatype_values, false};
const Vocab windows_service_start_type{"windows-service-start-type-enum",
                                       windows_service_start_type_values, false};
const Vocab windows_service_status{"windows-service-status-enum", windows_service_status_values,
                                   false};
const Vocab windows_service_type{"windows-service-enum", windows_service_type_values, false};
} // namespace vocab

} // namespace tansiq::stix::detail
