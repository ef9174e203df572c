// STIX/TAXII timestamps: RFC 3339, UTC ("Z"), optional fractional seconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tansiq::stix {

// Microseconds since 1970-01-01T00:00:00Z. Fractions finer than a microsecond are truncated.
using MicrosSinceEpoch = std::int64_t;

// Parses "YYYY-MM-DDTHH:MM:SS[.s+]Z" (upper-case T and Z, as STIX requires).
// Returns nothing when the text is not such a timestamp or names an impossible date.
std::optional<MicrosSinceEpoch> parse_timestamp(std::string_view text);

// Number of fractional-second digits in a timestamp that parse_timestamp accepts.
int fractional_digits(std::string_view text);

// Formats as "YYYY-MM-DDTHH:MM:SS.ffffffZ" (TAXII's date_added form).
std::string format_timestamp(MicrosSinceEpoch micros);

// Formats with exactly three fractional digits: "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string format_timestamp_millis(MicrosSinceEpoch micros);

MicrosSinceEpoch now_micros();

} // namespace tansiq::stix
