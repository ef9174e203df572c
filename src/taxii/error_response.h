// TAXII 2.1 error messages (section 3.6.1): every error the API returns is one.
#pragma once

#include "core/result.h"
#include "taxii/http_message.h"

#include <string_view>

namespace tansiq::taxii {

// A response with the given status and a TAXII error body. `details`, when not
// empty, must be a JSON object (e.g. the list of violations).
Response error_response(int status, std::string_view title, std::string_view description,
                        std::string_view details_json = {});

// Maps a component error onto the TAXII status it deserves.
Response error_response(const Error& error);

} // namespace tansiq::taxii
