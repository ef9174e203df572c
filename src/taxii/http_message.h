// The HTTP request and response as the TAXII layer sees them: no sockets,
// so the protocol rules can be tested without a server.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tansiq::taxii {

struct Request {
  std::string method;        // "GET", "POST", "DELETE", ...
  std::string target;        // path and query, e.g. "/tansiq/collections/?x=1"
  std::string accept;        // Accept header ("" when absent)
  std::string content_type;  // Content-Type header
  std::string authorization; // Authorization header
  std::string body;
  std::string cookie = {};     // Cookie header (the console's session)
  std::string csrf_token = {}; // X-CSRF-Token header (the console's unsafe requests)
};

struct Response {
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

} // namespace tansiq::taxii
