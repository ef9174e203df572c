// Responses of the console API: JSON bodies, errors in the TAXII error shape
// (title, description, http_status) but as plain JSON, and the headers every
// console response carries.
#pragma once

#include "core/result.h"
#include "taxii/http_message.h"

#include <optional>
#include <string>
#include <string_view>

namespace tansiq::console {

inline constexpr std::string_view kJsonMediaType = "application/json; charset=utf-8";

taxii::Response json_response(int status, std::string body);
taxii::Response console_error(int status, std::string_view title, std::string_view description);
taxii::Response console_error(const Error& error);

// A 400 when `object_id` is not a STIX identifier; nothing when it is.
std::optional<taxii::Response> bad_identifier(std::string_view object_id);

// nosniff, no referrer, no framing; API answers are never cached.
void add_security_headers(taxii::Response& response, bool cacheable);

} // namespace tansiq::console
