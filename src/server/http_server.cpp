#include "server/http_server.h"

#include "taxii/error_response.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
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
    out.insert(name, value); // insert, not set: several Set-Cookie lines may go out
  out.body() = std::move(response.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

beast::tcp_stream& tcp_layer(PlainStream& stream) {
  return stream;
}
beast::tcp_stream& tcp_layer(TlsStream& stream) {
  return beast::get_lowest_layer(stream);
}

// One connection: read a request, answer it, and again while the client keeps
// the connection alive. `Stream` is plain TCP or TLS over TCP.
template <typename Stream> class Session : public std::enable_shared_from_this<Session<Stream>> {
public:
  template <typename... StreamArguments>
  Session(const RequestHandler& handler, const ServerSettings& settings,
          StreamArguments&&... arguments)
      : stream_(std::forward<StreamArguments>(arguments)...), handler_(handler),
        settings_(settings) {}

  void start() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      tcp_layer(stream_).expires_after(std::chrono::seconds(settings_.idle_timeout_seconds));
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code error) {
                                if (!error)
                                  self->read_request();
                              });
    } else {
      read_request();
    }
  }

private:
  void read_request() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(settings_.max_request_bytes);
    tcp_layer(stream_).expires_after(std::chrono::seconds(settings_.idle_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, this->shared_from_this()));
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
    call.cookie = std::string(request[http::field::cookie]);
    call.csrf_token = std::string(request["X-CSRF-Token"]);
    call.body = std::move(request.body());
    bool keep_alive = request.keep_alive();
    taxii::Response response = handler_(call);
    spdlog::debug("{} {} -> {}", call.method, call.target, response.status);
    send(to_beast(std::move(response), request.version(), keep_alive));
  }

  void send_error(int status, std::string_view title, const std::string& description) {
    // After a framing error the rest of the stream cannot be trusted: answer and close.
    send(to_beast(taxii::error_response(status, title, description), 11, false));
  }

  void send(http::response<http::string_body>&& response) {
    auto message = std::make_shared<http::response<http::string_body>>(std::move(response));
    http::async_write(
        stream_, *message,
        [self = this->shared_from_this(), message](beast::error_code error, std::size_t) {
          if (error || !message->keep_alive())
            return self->close();
          self->read_request();
        });
  }

  void close() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      tcp_layer(stream_).expires_after(std::chrono::seconds(5));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  const RequestHandler& handler_;
  const ServerSettings& settings_;
};

} // namespace

struct HttpServer::State {
  State(RequestHandler handler, ServerSettings settings)
      : handler(std::move(handler)), settings(std::move(settings)),
        io(static_cast<int>(this->settings.threads)), acceptor(asio::make_strand(io)), signals(io),
        tls(asio::ssl::context::tls_server) {}

  bool uses_tls() const { return !settings.tls_certificate_file.empty(); }

  Result<void> load_tls() {
    beast::error_code error;
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                    asio::ssl::context::no_tlsv1_1);
    tls.use_certificate_chain_file(settings.tls_certificate_file, error);
    if (error)
      return make_error(Error::Kind::invalid_input,
                        "cannot load the TLS certificate: " + error.message(),
                        settings.tls_certificate_file);
    tls.use_private_key_file(settings.tls_private_key_file, asio::ssl::context::pem, error);
    if (error)
      return make_error(Error::Kind::invalid_input,
                        "cannot load the TLS private key: " + error.message(),
                        settings.tls_private_key_file);
    return {};
  }

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code error,
                                                        tcp::socket socket) {
      if (error == asio::error::operation_aborted)
        return;
      if (!error) {
        if (uses_tls())
          std::make_shared<Session<TlsStream>>(handler, settings, std::move(socket), tls)->start();
        else
          std::make_shared<Session<PlainStream>>(handler, settings, std::move(socket))->start();
      }
      accept();
    });
  }

  RequestHandler handler;
  ServerSettings settings;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::ssl::context tls;
};

HttpServer::HttpServer(taxii::Api& api, ServerSettings settings)
    : HttpServer([&api](const taxii::Request& request) { return api.handle(request); },
                 std::move(settings)) {}

HttpServer::HttpServer(RequestHandler handler, ServerSettings settings)
    : state_(std::make_unique<State>(std::move(handler), std::move(settings))) {}

HttpServer::~HttpServer() {
  stop();
}

Result<unsigned short> HttpServer::start() {
  if (state_->settings.tls_certificate_file.empty() !=
      state_->settings.tls_private_key_file.empty())
    return make_error(Error::Kind::invalid_input,
                      "TLS needs both a certificate file and a private key file");
  if (state_->uses_tls())
    if (auto loaded = state_->load_tls(); !loaded)
      return loaded.error();
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
