// A small synchronous TAXII 2.1 client over HTTP/1.1 (Boost.Beast): enough to
// pull a partner's collection and push to its inbox. Every call is bounded by a timeout.
#pragma once

#include "core/result.h"

#include <boost/beast/http/verb.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace tansiq::sync {

struct HttpReply {
  int status = 0;
  std::string body;
  std::string date_added_last; // X-TAXII-Date-Added-Last, when present
};

class TaxiiClient {
public:
  // `api_root_url`: "http://HOST:PORT/PATH/" (https is not supported yet).
  static Result<TaxiiClient> connect_to(const std::string& api_root_url, std::string token,
                                        std::chrono::milliseconds timeout);
  TaxiiClient(TaxiiClient&&) noexcept;
  ~TaxiiClient();

  // GET <api root><path> with the TAXII Accept header and the bearer token.
  Result<HttpReply> get(const std::string& path_and_query);
  // POST a TAXII envelope to <api root><path> (a collection's objects/).
  Result<HttpReply> post(const std::string& path, const std::string& envelope);

private:
  Result<HttpReply> exchange(boost::beast::http::verb method, const std::string& path_and_query,
                             const std::string* body);
  struct State;
  explicit TaxiiClient(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

} // namespace tansiq::sync
