// Secrets of node accounts: API tokens (random, stored only as a hash) and
// passwords (stored as libsodium argon2id strings).
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace tansiq::auth {

// A new API token: "tsq_" followed by 43 URL-safe base64 characters (256 bits).
std::string new_token();

// The hash kept in the store for a token. Tokens carry 256 random bits, so a
// fast keyed hash is enough (unlike passwords, they cannot be guessed).
std::string hash_token(std::string_view token);

// An argon2id hash string (libsodium's "interactive" limits).
Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& hash);

} // namespace tansiq::auth
