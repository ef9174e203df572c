#include "server/http_server.h"

#include "taxii/error_response.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <optional>
#include <thread>
#include <vector>

namespace tansiq::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kHeaderLimit = 64 * 1024;

http::response<http::string_body> to_beast(taxii::Response&& response, unsigned version,
                                           bool keep_alive) {
  http::response<http::string_body> out{static_cast<http::status>(response.status), version};
  out.set(http::field::server, "tansiq");
  if (!response.content_type.empty())
    out.set(http::field::content_type, response.content_type);
  for (auto& [name, value] : response.headers)
    out.set(name, value);
  out.body() = std::move(response.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

class Session : public std::enable_shared_from_this<Session> {
public:
  Session(tcp::socket socket, taxii::Api& api, const ServerSettings& settings)
      : stream_(std::move(socket)), api_(api), settings_(settings) {}

  void start() { read_request(); }

private:
  void read_request() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(settings_.max_request_bytes);
    stream_.expires_after(std::chrono::seconds(settings_.idle_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code error, std::size_t) {
    if (error == http::error::end_of_stream || error == beast::error::timeout ||
        error == asio::error::connection_reset || error == asio::error::eof)
      return close();
    if (error == http::error::body_limit)
      return send_error(413, "Request too large",
                        "the body exceeds the node's limit of " +
                            std::to_string(settings_.max_request_bytes) + " bytes");
    if (error == http::error::header_limit)
      return send_error(431, "Request header fields too large",
                        "the headers exceed " + std::to_string(kHeaderLimit) + " bytes");
    if (error)
      return send_error(400, "Bad request", "malformed HTTP request: " + error.message());

    auto request = parser_->release();
    taxii::Request call;
    call.method = std::string(request.method_string());
    call.target = std::string(request.target());
    call.accept = std::string(request[http::field::accept]);
    call.content_type = std::string(request[http::field::content_type]);
    call.authorization = std::string(request[http::field::authorization]);
    call.body = std::move(request.body());
    bool keep_alive = request.keep_alive();
    taxii::Response response = api_.handle(call);
    spdlog::debug("{} {} -> {}", call.method, call.target, response.status);
    send(to_beast(std::move(response), request.version(), keep_alive));
  }

  void send_error(int status, std::string_view title, const std::string& description) {
    // After a framing error the rest of the stream cannot be trusted: answer and close.
    send(to_beast(taxii::error_response(status, title, description), 11, false));
  }

  void send(http::response<http::string_body>&& response) {
    auto message = std::make_shared<http::response<http::string_body>>(std::move(response));
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message](beast::error_code error, std::size_t) {
                        if (error || !message->keep_alive())
                          return self->close();
                        self->read_request();
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  taxii::Api& api_;
  const ServerSettings& settings_;
};

} // namespace

struct HttpServer::State {
  State(taxii::Api& api, ServerSettings settings)
      : api(api), settings(std::move(settings)), io(static_cast<int>(this->settings.threads)),
        acceptor(asio::make_strand(io)), signals(io) {}

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code error, tcp::socket socket) {
      if (error == asio::error::operation_aborted)
        return;
      if (!error)
        std::make_shared<Session>(std::move(socket), api, settings)->start();
      accept();
    });
  }

  taxii::Api& api;
  ServerSettings settings;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::signal_set signals;
};

HttpServer::HttpServer(taxii::Api& api, ServerSettings settings)
    : state_(std::make_unique<State>(api, std::move(settings))) {}

HttpServer::~HttpServer() { stop(); }

Result<unsigned short> HttpServer::start() {
  beast::error_code error;
  auto address = asio::ip::make_address(state_->settings.address, error);
  if (error)
    return make_error(Error::Kind::invalid_input, "not an IP address: " + error.message(),
                      state_->settings.address);
  tcp::endpoint endpoint(address, state_->settings.port);
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (!error)
    acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error)
    acceptor.bind(endpoint, error);
  if (!error)
    acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error)
    return make_error(Error::Kind::unavailable, "cannot listen: " + error.message(),
                      state_->settings.address + ":" + std::to_string(state_->settings.port));
  state_->accept();
  return acceptor.local_endpoint().port();
}

void HttpServer::run(bool handle_signals) {
  if (handle_signals) {
    state_->signals.add(SIGINT);
    state_->signals.add(SIGTERM);
    state_->signals.async_wait([this](beast::error_code error, int) {
      if (!error)
        stop();
    });
  }
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < state_->settings.threads; ++i)
    workers.emplace_back([this] { state_->io.run(); });
  state_->io.run();
  for (auto& worker : workers)
    worker.join();
}

void HttpServer::stop() {
  if (state_)
    state_->io.stop();
}

} // namespace tansiq::server
