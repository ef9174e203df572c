// The console's sign-in sessions: random ids handed out in an HttpOnly cookie,
// each with its own CSRF token for unsafe requests. Kept in memory only, so a
// restart of the node signs everybody out (nothing secret ever reaches disk).
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tansiq::console {

struct Session {
  std::string user_name;
  // The hash of the API token the user signed in with (empty: a password).
  // The session lives only as long as that token does.
  std::string token_hash;
  std::string csrf_token;
  std::chrono::steady_clock::time_point created;
  std::chrono::steady_clock::time_point last_seen;
};

struct SessionLimits {
  std::chrono::seconds idle{30 * 60};          // signed out after this long unused
  std::chrono::seconds absolute{12 * 60 * 60}; // and after this long in any case
  std::size_t max_sessions = 10000;            // the oldest go first past this
};

class SessionStore {
public:
  explicit SessionStore(SessionLimits limits = {}) : limits_(limits) {}

  struct Opened {
    std::string id; // goes into the cookie; never stored as such
    std::string csrf_token;
  };
  Opened open(std::string user_name, std::string token_hash);

  // The live session with this id (its last use updated); nothing when unknown or expired.
  std::optional<Session> find(std::string_view id);
  void close(std::string_view id);
  // Ends every session of a user (e.g. when the user is found revoked).
  void close_all_of(std::string_view user_name);

  std::size_t size();

private:
  bool expired(const Session& session, std::chrono::steady_clock::time_point now) const;
  void make_room(std::chrono::steady_clock::time_point now);

  SessionLimits limits_;
  std::mutex mutex_;
  // Keyed by a hash of the id, so a memory dump shows no usable cookie.
  std::unordered_map<std::string, Session> sessions_;
};

} // namespace tansiq::console
