// TAXII 2.1 content negotiation (TAXII 2.1 section 1.6.8).
#pragma once

#include <string_view>

namespace tansiq::taxii {

inline constexpr std::string_view kTaxiiMediaType = "application/taxii+json;version=2.1";
inline constexpr std::string_view kStixMediaType = "application/stix+json;version=2.1";

// True when an Accept header admits TAXII 2.1 JSON. An absent header or "*/*"
// admits it; "application/taxii+json" without a version means the latest, 2.1.
bool accepts_taxii(std::string_view accept);

// True when a Content-Type names TAXII 2.1 JSON (parameters and case as RFC 7231 allows).
bool is_taxii_content(std::string_view content_type);

} // namespace tansiq::taxii
