// The STIX 2.1 validator: checks one parsed object against the OASIS STIX 2.1
// specification (CS03) and reports every violation with its JSON path.
#pragma once

#include "stix/violation.h"

#include <simdjson.h>
#include <string_view>
#include <vector>

namespace tansiq::stix {

// Appends to `out` every violation found in `object`; `path` is the JSONPath of
// the object itself (e.g. "$.objects[3]") and prefixes every reported path.
// Pure: no I/O, no globals that change.
void validate_object(simdjson::dom::element object, std::string_view path,
                     std::vector<Violation>& out);

// True when `violations` holds at least one error (warnings do not count).
bool has_error(const std::vector<Violation>& violations);

} // namespace tansiq::stix
