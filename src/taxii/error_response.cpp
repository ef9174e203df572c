#include "taxii/error_response.h"

#include "json/json_writer.h"
#include "taxii/media_type.h"

namespace tansiq::taxii {

Response error_response(int status, std::string_view title, std::string_view description,
                        std::string_view details_json) {
  Response response;
  response.status = status;
  response.content_type = kTaxiiMediaType;
  json::Writer writer(response.body);
  writer.begin_object()
      .field("title", title)
      .field("description", description)
      .field("http_status", std::to_string(status));
  if (!details_json.empty())
    writer.key("details").raw(details_json);
  writer.end_object();
  return response;
}

Response error_response(const Error& error) {
  switch (error.kind) {
  case Error::Kind::invalid_input:
    return error_response(400, "Bad request", error.describe());
  case Error::Kind::not_found:
    return error_response(404, "Not found", error.describe());
  case Error::Kind::conflict:
    return error_response(409, "Conflict", error.describe());
  case Error::Kind::forbidden:
    return error_response(403, "Forbidden", error.describe());
  case Error::Kind::unavailable:
    return error_response(503, "Service unavailable", error.describe());
  case Error::Kind::internal:
    break;
  }
  return error_response(500, "Internal error", error.describe());
}

} // namespace tansiq::taxii
