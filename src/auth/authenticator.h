// Turns an HTTP Authorization header into a node user: "Bearer <token>" or
// "Basic base64(user:password)". Revoked users are refused.
#pragma once

#include "core/result.h"
#include "store/store.h"

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tansiq::auth {

class Authenticator {
public:
  explicit Authenticator(store::Store& store) : store_(store) {}

  // not_found when there is no header; forbidden when the credentials are wrong.
  Result<store::User> authenticate(std::string_view authorization);

  // The same checks for credentials that came another way (the console's sign-in form).
  Result<store::User> with_token(std::string_view token);
  Result<store::User> with_password(const std::string& name, std::string_view password);

private:
  Result<store::User> basic(std::string_view encoded);

  store::Store& store_;
  // argon2id costs tens of milliseconds by design; a verified Basic credential
  // is remembered (by its hash) for a minute so keep-alive clients stay fast.
  std::mutex cache_mutex_;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> verified_;
};

} // namespace tansiq::auth
