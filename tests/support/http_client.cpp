#include "support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <limits>
#include <stdexcept>
#include <strings.h>

namespace tansiq::test_support {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

} // namespace

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (key.size() == name.size() && ::strncasecmp(key.data(), name.data(), name.size()) == 0)
      return value;
  return {};
}

bool HttpResponse::has_header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (key.size() == name.size() && ::strncasecmp(key.data(), name.data(), name.size()) == 0)
      return true;
  return false;
}

struct HttpClient::State {
  State(unsigned short port, std::chrono::milliseconds timeout)
      : port(port), timeout(timeout), stream(io) {}

  // Runs one asynchronous operation to completion; the stream's expiry bounds it.
  template <typename Start> beast::error_code run(Start&& start) {
    beast::error_code result = asio::error::would_block;
    stream.expires_after(timeout);
    start([&result](beast::error_code error, auto&&...) { result = error; });
    io.restart();
    io.run();
    return result;
  }

  void fail(const std::string& what, const beast::error_code& error) {
    close();
    throw std::runtime_error("HTTP client: " + what + ": " + error.message());
  }

  void connect() {
    if (open)
      return;
    buffer.clear();
    tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    if (auto error = run([&](auto handler) { stream.async_connect(endpoint, handler); }))
      fail("connect to 127.0.0.1:" + std::to_string(port), error);
    open = true;
    ++connections;
  }

  void close() {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.close();
    open = false;
  }

  http::request<http::string_body> make(const std::string& method, const std::string& target,
                                        const HttpHeaders& headers, const std::string& body) {
    http::verb verb = http::string_to_verb(method);
    if (verb == http::verb::unknown)
      throw std::invalid_argument("HTTP client: unknown method " + method);
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    request.set(http::field::user_agent, "tansiq-tests");
    for (const auto& [name, value] : headers)
      request.set(name, value);
    request.body() = body;
    if (!body.empty() || verb == http::verb::post)
      request.prepare_payload();
    return request;
  }

  unsigned short port;
  std::chrono::milliseconds timeout;
  asio::io_context io;
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  bool open = false;
  bool unusable = false;
  std::size_t connections = 0;
};

HttpClient::HttpClient(unsigned short port, std::chrono::milliseconds timeout)
    : state_(std::make_unique<State>(port, timeout)) {}

HttpClient::~HttpClient() {
  if (state_->open)
    state_->close();
}

HttpResponse HttpClient::request(const std::string& method, const std::string& target,
                                 const HttpHeaders& headers, const std::string& body) {
  auto& state = *state_;
  if (state.unusable)
    throw std::logic_error("HTTP client: a response is still pending (send_only)");
  state.connect();
  auto request = state.make(method, target, headers, body);
  auto written =
      state.run([&](auto handler) { http::async_write(state.stream, request, handler); });
  // A server may answer (413) and close before reading the whole body: then
  // the write fails but the answer is there to read.
  http::response_parser<http::string_body> parser;
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  auto read = state.run(
      [&](auto handler) { http::async_read(state.stream, state.buffer, parser, handler); });
  if (read)
    state.fail(method + " " + target + (written ? " (write: " + written.message() + ")" : ""),
               read);

  auto message = parser.release();
  HttpResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message)
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  response.body = std::move(message.body());
  response.keep_alive = message.keep_alive();
  if (!response.keep_alive || written)
    state.close();
  return response;
}

void HttpClient::send_only(const std::string& method, const std::string& target,
                           const HttpHeaders& headers, const std::string& body) {
  auto& state = *state_;
  state.connect();
  auto request = state.make(method, target, headers, body);
  if (auto error =
          state.run([&](auto handler) { http::async_write(state.stream, request, handler); }))
    state.fail("write " + method + " " + target, error);
  state.unusable = true;
}

std::size_t HttpClient::connections_opened() const {
  return state_->connections;
}

} // namespace tansiq::test_support
