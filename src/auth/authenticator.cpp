#include "auth/authenticator.h"

#include "auth/credentials.h"

#include <cctype>
#include <sodium.h>

namespace tansiq::auth {
namespace {

constexpr auto kBasicCacheLifetime = std::chrono::minutes(1);

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
      return false;
  return true;
}

Error refused(std::string message) {
  return make_error(Error::Kind::forbidden, std::move(message));
}

} // namespace

Result<store::User> Authenticator::authenticate(std::string_view authorization) {
  if (authorization.empty())
    return make_error(Error::Kind::not_found, "authentication required (Basic or Bearer)");
  if (starts_with_ignoring_case(authorization, "bearer "))
    return with_token(authorization.substr(7));
  if (starts_with_ignoring_case(authorization, "basic "))
    return basic(authorization.substr(6));
  return refused("unsupported authorization scheme; use Basic or Bearer");
}

Result<store::User> Authenticator::basic(std::string_view encoded) {
  std::string decoded(encoded.size(), '\0');
  size_t decoded_size = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(),
                        encoded.data(), encoded.size(), nullptr, &decoded_size, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return refused("malformed Basic credentials (not base64)");
  decoded.resize(decoded_size);
  size_t colon = decoded.find(':');
  if (colon == std::string::npos)
    return refused("malformed Basic credentials (no ':' between user and password)");
  return with_password(decoded.substr(0, colon), std::string_view(decoded).substr(colon + 1));
}

Result<store::User> Authenticator::with_token(std::string_view token) {
  auto user = store_.find_user_by_token(hash_token(token));
  if (!user)
    return user.error();
  if (!user->has_value())
    return refused("unknown or revoked API token");
  return std::move(**user);
}

Result<store::User> Authenticator::with_password(const std::string& name,
                                                 std::string_view password) {
  auto user = store_.find_user(name);
  if (!user)
    return user.error();
  if (!user->has_value() || (*user)->revoked)
    return refused("unknown user or wrong password");

  std::string key = hash_token(name + ':' + std::string(password) + '\n' + (*user)->password_hash);
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mutex_);
    auto found = verified_.find(key);
    if (found != verified_.end() && now - found->second < kBasicCacheLifetime)
      return std::move(**user);
  }
  if (!verify_password(password, (*user)->password_hash))
    return refused("unknown user or wrong password");
  std::lock_guard lock(cache_mutex_);
  if (verified_.size() > 10000)
    verified_.clear();
  verified_[key] = now;
  return std::move(**user);
}

} // namespace tansiq::auth
