#include "console/console_response.h"

#include "stix/identifier.h"
#include "taxii/error_response.h"

namespace tansiq::console {

taxii::Response json_response(int status, std::string body) {
  taxii::Response response;
  response.status = status;
  response.content_type = kJsonMediaType;
  response.body = std::move(body);
  add_security_headers(response, false);
  return response;
}

taxii::Response console_error(int status, std::string_view title, std::string_view description) {
  taxii::Response response = taxii::error_response(status, title, description);
  response.content_type = kJsonMediaType;
  add_security_headers(response, false);
  return response;
}

taxii::Response console_error(const Error& error) {
  taxii::Response response = taxii::error_response(error);
  response.content_type = kJsonMediaType;
  add_security_headers(response, false);
  return response;
}

std::optional<taxii::Response> bad_identifier(std::string_view object_id) {
  if (stix::is_valid_identifier(object_id))
    return std::nullopt;
  return console_error(400, "Bad request",
                       "\"" + std::string(object_id) + "\" is not a STIX identifier (type--UUID)");
}

void add_security_headers(taxii::Response& response, bool cacheable) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  if (!cacheable)
    response.headers.emplace_back("Cache-Control", "no-store");
}

} // namespace tansiq::console
