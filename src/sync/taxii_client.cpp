#include "sync/taxii_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <optional>

namespace tansiq::sync {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

struct TaxiiClient::State {
  std::string host, port, root_path, token, url;
  std::chrono::milliseconds timeout{};
  boost::asio::io_context io;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

  Result<void> ensure_connected() {
    if (stream && stream->socket().is_open())
      return {};
    stream.emplace(io);
    tcp::resolver resolver(io);
    beast::error_code error;
    auto endpoints = resolver.resolve(host, port, error);
    if (error)
      return make_error(Error::Kind::unavailable, "cannot resolve: " + error.message(), url);
    stream->expires_after(timeout);
    stream->connect(endpoints, error);
    if (error)
      return make_error(Error::Kind::unavailable, "cannot connect: " + error.message(), url);
    return {};
  }
};

TaxiiClient::TaxiiClient(std::unique_ptr<State> state) : state_(std::move(state)) {}
TaxiiClient::TaxiiClient(TaxiiClient&&) noexcept = default;
TaxiiClient::~TaxiiClient() = default;

Result<TaxiiClient> TaxiiClient::connect_to(const std::string& api_root_url, std::string token,
                                            std::chrono::milliseconds timeout) {
  constexpr std::string_view scheme = "http://";
  if (api_root_url.rfind(scheme, 0) != 0)
    return make_error(Error::Kind::invalid_input, "only http:// API roots are supported",
                      api_root_url);
  std::string rest = api_root_url.substr(scheme.size());
  size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  auto state = std::make_unique<State>();
  state->url = api_root_url;
  state->root_path = slash == std::string::npos ? "/" : rest.substr(slash);
  if (state->root_path.back() != '/')
    state->root_path += '/';
  size_t colon = authority.rfind(':');
  state->host = authority.substr(0, colon);
  state->port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
  if (state->host.empty() || state->port.empty())
    return make_error(Error::Kind::invalid_input, "no host or port in the URL", api_root_url);
  state->token = std::move(token);
  state->timeout = timeout;
  return TaxiiClient(std::move(state));
}

Result<HttpReply> TaxiiClient::get(const std::string& path_and_query) {
  return exchange(http::verb::get, path_and_query, nullptr);
}

Result<HttpReply> TaxiiClient::post(const std::string& path, const std::string& envelope) {
  return exchange(http::verb::post, path, &envelope);
}

Result<HttpReply> TaxiiClient::exchange(http::verb method, const std::string& path_and_query,
                                        const std::string* body) {
  auto& s = *state_;
  if (auto connected = s.ensure_connected(); !connected)
    return connected.error();
  http::request<http::string_body> request{method, s.root_path + path_and_query, 11};
  request.set(http::field::host, s.host);
  request.set(http::field::accept, "application/taxii+json;version=2.1");
  request.set(http::field::authorization, "Bearer " + s.token);
  if (body) {
    request.set(http::field::content_type, "application/taxii+json;version=2.1");
    request.body() = *body;
  }
  request.keep_alive(true);
  request.prepare_payload();
  beast::error_code error;
  s.stream->expires_after(s.timeout);
  http::write(*s.stream, request, error);
  http::response_parser<http::string_body> parser;
  parser.body_limit(512u << 20);
  if (!error)
    http::read(*s.stream, s.buffer, parser, error);
  if (error) {
    s.stream.reset(); // a broken connection is not reused
    return make_error(Error::Kind::unavailable, "request failed: " + error.message(),
                      s.url + path_and_query);
  }
  auto response = parser.release();
  HttpReply reply;
  reply.status = response.result_int();
  reply.date_added_last = std::string(response["X-TAXII-Date-Added-Last"]);
  reply.body = std::move(response.body());
  if (!response.keep_alive())
    s.stream.reset();
  return reply;
}

} // namespace tansiq::sync
