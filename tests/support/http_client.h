// A small synchronous HTTP/1.1 client (Boost.Beast) for integration tests: one
// keep-alive connection to 127.0.0.1:PORT, reopened when the server closes it,
// every operation bounded by a timeout. Network failures throw
// std::runtime_error (a test failure under GoogleTest).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tansiq::test_support {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
  bool keep_alive = false;

  // The value of header `name` (case-insensitive); "" when absent.
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
};

class HttpClient {
public:
  explicit HttpClient(unsigned short port,
                      std::chrono::milliseconds timeout = std::chrono::seconds(30));
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request and reads its response on the current connection.
  HttpResponse request(const std::string& method, const std::string& target,
                       const HttpHeaders& headers = {}, const std::string& body = {});

  // Writes one request and does not wait for its response (e.g. to crash the
  // server while it handles it). The client is unusable for requests afterwards.
  void send_only(const std::string& method, const std::string& target,
                 const HttpHeaders& headers = {}, const std::string& body = {});

  // How many TCP connections the client has opened so far.
  std::size_t connections_opened() const;

private:
  struct State;
  std::unique_ptr<State> state_;
};

} // namespace tansiq::test_support
