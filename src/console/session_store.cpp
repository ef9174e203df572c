#include "console/session_store.h"

#include "auth/credentials.h"

#include <sodium.h>

#include <algorithm>

namespace tansiq::console {
namespace {

// 32 random bytes, URL-safe base64 without padding (fits a cookie as it is).
std::string random_secret() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

} // namespace

SessionStore::Opened SessionStore::open(std::string user_name, std::string token_hash) {
  if (sodium_init() < 0)
    std::abort(); // no randomness: nothing safe can be handed out
  Opened opened{random_secret(), random_secret()};
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  make_room(now);
  sessions_[auth::hash_token(opened.id)] =
      Session{std::move(user_name), std::move(token_hash), opened.csrf_token, now, now};
  return opened;
}

std::optional<Session> SessionStore::find(std::string_view id) {
  if (id.empty())
    return std::nullopt;
  std::string key = auth::hash_token(id);
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(key);
  if (found == sessions_.end())
    return std::nullopt;
  if (expired(found->second, now)) {
    sessions_.erase(found);
    return std::nullopt;
  }
  found->second.last_seen = now;
  return found->second;
}

void SessionStore::close(std::string_view id) {
  std::string key = auth::hash_token(id);
  std::lock_guard lock(mutex_);
  sessions_.erase(key);
}

void SessionStore::close_all_of(std::string_view user_name) {
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [&](const auto& entry) { return entry.second.user_name == user_name; });
}

std::size_t SessionStore::size() {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

bool SessionStore::expired(const Session& session,
                           std::chrono::steady_clock::time_point now) const {
  return now - session.last_seen > limits_.idle || now - session.created > limits_.absolute;
}

void SessionStore::make_room(std::chrono::steady_clock::time_point now) {
  if (sessions_.size() < limits_.max_sessions)
    return;
  std::erase_if(sessions_, [&](const auto& entry) { return expired(entry.second, now); });
  while (sessions_.size() >= limits_.max_sessions) {
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](auto& a, auto& b) {
      return a.second.last_seen < b.second.last_seen;
    });
    sessions_.erase(oldest);
  }
}

} // namespace tansiq::console
