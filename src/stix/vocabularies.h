// Internal to the STIX validator: the STIX 2.1 open vocabularies (section 10)
// and enumerations. Open vocabularies only recommend values (a value outside one
// is a warning); enumerations are closed (a value outside one is an error).
#pragma once

#include <span>
#include <string_view>

namespace tansiq::stix::detail {

struct Vocab {
  std::string_view name;                    // e.g. "identity-class-ov"
  std::span<const std::string_view> values; // sorted, for binary search
  bool open;                                // true: open vocabulary; false: enumeration
};

bool vocab_contains(const Vocab& vocab, std::string_view value);

namespace vocab {
extern const Vocab account_type;
extern const Vocab attack_motivation;
extern const Vocab attack_resource_level;
extern const Vocab encryption_algorithm;
extern const Vocab extension_type;
extern const Vocab grouping_context;
extern const Vocab hash_algorithm;
extern const Vocab identity_class;
extern const Vocab implementation_language;
extern const Vocab indicator_type;
extern const Vocab industry_sector;
extern const Vocab infrastructure_type;
extern const Vocab malware_av_result;
extern const Vocab malware_capabilities;
extern const Vocab malware_type;
extern const Vocab marking_definition_type;
extern const Vocab network_socket_address_family;
extern const Vocab network_socket_type;
extern const Vocab opinion;
extern const Vocab pattern_type;
extern const Vocab processor_architecture;
extern const Vocab region;
extern const Vocab report_type;
extern const Vocab threat_actor_role;
extern const Vocab threat_actor_sophistication;
extern const Vocab threat_actor_type;
extern const Vocab tlp_level;
extern const Vocab tool_type;
extern const Vocab windows_integrity_level;
extern const Vocab windows_pebinary_type;
extern const Vocab windows_registry_datatype;
extern const Vocab windows_service_start_type;
extern const Vocab windows_service_status;
extern const Vocab windows_service_type;
} // namespace vocab

} // namespace tansiq::stix::detail
