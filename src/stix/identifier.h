// STIX identifiers: "<object-type>--<RFC 4122 UUID>".
#pragma once

#include <string>
#include <string_view>

namespace tansiq::stix {

// True when `id` is "<type>--<uuid>" with a valid type name and a lower- or
// upper-case hex UUID in 8-4-4-4-12 form. STIX 2.1 requires UUID version 4 for
// most objects and version 5 for deterministic SCO ids; both pass here.
bool is_valid_identifier(std::string_view id);

// The "<type>" part of a valid identifier (empty for an invalid one).
std::string_view identifier_type(std::string_view id);

// True for a STIX type name: 3-250 characters of a-z, 0-9 and '-', no leading or
// trailing '-' and no "--" (STIX 2.1 section 3.1).
bool is_valid_type_name(std::string_view type);

// A new random (version 4) identifier of the given type.
std::string make_identifier(std::string_view type);

} // namespace tansiq::stix
