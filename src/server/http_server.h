// The node's HTTP server (Boost.Beast over Asio): keep-alive connections,
// bounded request sizes (413 past the limit), requests handed to a handler
// (the TAXII API, or a dispatcher in front of it and the console).
#pragma once

#include "core/result.h"
#include "taxii/api.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace tansiq::server {

struct ServerSettings {
  std::string address = "127.0.0.1";
  unsigned short port = 0;                           // 0: any free port
  std::size_t max_request_bytes = 100 * 1024 * 1024; // larger bodies get 413
  unsigned threads = 4;
  unsigned idle_timeout_seconds = 60;
  // TLS is on when both are set: PEM files of the certificate chain and its key.
  std::string tls_certificate_file;
  std::string tls_private_key_file;
};

// Answers one request; called from the server's threads at once.
using RequestHandler = std::function<taxii::Response(const taxii::Request&)>;

class HttpServer {
public:
  HttpServer(taxii::Api& api, ServerSettings settings);
  HttpServer(RequestHandler handler, ServerSettings settings);
  ~HttpServer();

  // Binds and listens; returns the port actually bound.
  Result<unsigned short> start();
  // Serves until stop() is called or SIGINT/SIGTERM arrives (when `handle_signals`).
  void run(bool handle_signals);
  void stop();

private:
  struct State;
  std::unique_ptr<State> state_;
};

} // namespace tansiq::server
