// The HTTP API behind the analyst console (web/), beside TAXII on the same
// port: sign-in sessions (HttpOnly, SameSite=Strict cookie + CSRF token), the
// overview, object lists and views, relationship graphs, the map's locations,
// name screening, full-text search, article intake, and the console's own files under
// /console/. Reads go through the same collection rights as TAXII; partner
// agencies' accounts are TAXII-only and get 403 here. Request in, response
// out: no sockets (server/ carries it).
#pragma once

#include "auth/authenticator.h"
#include "console/session_store.h"
#include "node/watchlist_source.h"
#include "store/store.h"
#include "taxii/http_message.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tansiq::console {

struct ConsoleSettings {
  std::string node_name;
  std::string home_agency;                     // identity id of the node's agency
  bool secure_cookies = false;                 // set with TLS: the cookie then goes over HTTPS only
  std::string search_directory = {};           // the node's full-text index (empty: no search)
  std::string default_collection = {};         // where POSTed articles go without ?collection=
  std::function<void()> on_objects_added = {}; // e.g. publish and index them
};

class ConsoleApi {
public:
  ConsoleApi(store::Store& store, ConsoleSettings settings, SessionLimits limits = {});

  // Whether a path is the console's: "/", /console/..., /api/v1/... (except
  // the policy explanation, which the TAXII API answers).
  static bool serves(std::string_view path);

  taxii::Response handle(const taxii::Request& request);

private:
  struct Call {
    const taxii::Request& request;
    std::string_view path;
    std::string_view query;
    store::User user;
    std::string session_id; // empty when the caller used an Authorization header
    std::optional<Session> session;
  };

  taxii::Response route(Call& call);
  taxii::Response sign_in(const taxii::Request& request);
  taxii::Response session_info(Call& call);
  taxii::Response sign_out(Call& call);
  taxii::Response overview(Call& call);
  taxii::Response list_objects(Call& call);
  taxii::Response show_object(Call& call, std::string_view object_id);
  taxii::Response object_graph(Call& call, std::string_view object_id);
  taxii::Response locations(Call& call);
  taxii::Response screen(Call& call);
  taxii::Response cooperation(Call& call);
  taxii::Response search(Call& call);
  taxii::Response post_article(Call& call);
  taxii::Response object_audit(Call& call, std::string_view object_id);

  // Who is calling: an Authorization header, else the session cookie (whose
  // user and token must still be valid); unsafe methods need the CSRF token.
  Result<void> authenticate(Call& call);
  Result<std::vector<store::Collection>> readable_collections(const store::User& user);
  // An object the caller may read (its newest version), with the collections
  // the caller may read; else the response that says why not (400, 404).
  struct ReadableObject {
    std::vector<store::Collection> collections;
    store::StoredObject object;
  };
  std::variant<ReadableObject, taxii::Response> readable_object(Call& call,
                                                                std::string_view object_id);
  // The newest version of an object in the first of `collections` holding it.
  Result<std::optional<store::StoredObject>>
  find_readable(const std::vector<store::Collection>& collections, std::string_view object_id);
  // The node's watchlist, rebuilt when older than a minute.
  Result<std::shared_ptr<const node::NodeWatchlist>> current_watchlist();

  store::Store& store_;
  auth::Authenticator authenticator_;
  SessionStore sessions_;
  ConsoleSettings settings_;
  std::mutex watchlist_mutex_;
  std::shared_ptr<const node::NodeWatchlist> watchlist_;
  std::chrono::steady_clock::time_point watchlist_loaded_;
};

} // namespace tansiq::console
