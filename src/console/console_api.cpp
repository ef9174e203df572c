#include "console/console_api.h"

#include "auth/credentials.h"
#include "console/console_assets.h"
#include "console/console_response.h"
#include "json/json_writer.h"

#include <simdjson.h>

namespace tansiq::console {
namespace {

constexpr std::string_view kCookieName = "tansiq_session";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The value of one cookie in a Cookie header ("a=1; tansiq_session=...").
std::string_view cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t semicolon = header.find(';');
    std::string_view pair = header.substr(0, semicolon);
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    while (!pair.empty() && pair.front() == ' ')
      pair.remove_prefix(1);
    if (starts_with(pair, name) && pair.size() > name.size() && pair[name.size()] == '=')
      return pair.substr(name.size() + 1);
  }
  return {};
}

bool is_safe_method(std::string_view method) {
  return method == "GET" || method == "HEAD";
}

taxii::Response method_not_allowed(const std::string& method, std::string_view allowed) {
  taxii::Response response = console_error(
      405, "Method not allowed", method + " is not allowed here; use " + std::string(allowed));
  response.headers.emplace_back("Allow", std::string(allowed));
  return response;
}

taxii::Response redirect(std::string location) {
  taxii::Response response;
  response.status = 302;
  response.headers.emplace_back("Location", std::move(location));
  add_security_headers(response, false);
  return response;
}

void write_user(json::Writer& writer, const store::User& user, const std::string& csrf,
                const ConsoleSettings& settings) {
  writer.begin_object()
      .field("user", user.name)
      .field("role", store::role_name(user.role))
      .field("node", settings.node_name)
      .field("agency", settings.home_agency)
      .field("csrf_token", csrf)
      .end_object();
}

} // namespace

ConsoleApi::ConsoleApi(store::Store& store, ConsoleSettings settings, SessionLimits limits)
    : store_(store), authenticator_(store), sessions_(limits), settings_(std::move(settings)) {}

bool ConsoleApi::serves(std::string_view path) {
  return path == "/" || path == "/console" || starts_with(path, "/console/") ||
         (starts_with(path, "/api/v1/") && !starts_with(path, "/api/v1/policy/"));
}

taxii::Response ConsoleApi::handle(const taxii::Request& request) {
  std::string_view target = request.target;
  size_t question = target.find('?');
  Call call{request,
            target.substr(0, question),
            question == std::string_view::npos ? std::string_view() : target.substr(question + 1),
            {},
            {},
            {}};
  if (call.path == "/" || call.path == "/console")
    return redirect("/console/");
  if (starts_with(call.path, "/console/")) {
    if (!is_safe_method(request.method))
      return method_not_allowed(request.method, "GET");
    return serve_asset(call.path.substr(9));
  }
  if (call.path == "/api/v1/session" && request.method == "POST")
    return sign_in(request);
  if (auto authenticated = authenticate(call); !authenticated) {
    int status = authenticated.error().kind == Error::Kind::forbidden ? 403 : 401;
    if (status == 403 && call.user.name.empty())
      status = 401; // bad credentials are a failed sign-in, not a refusal
    return console_error(status, status == 401 ? "Unauthorized" : "Forbidden",
                         authenticated.error().describe());
  }
  return route(call);
}

taxii::Response ConsoleApi::route(Call& call) {
  const std::string& method = call.request.method;
  if (call.path == "/api/v1/session") {
    if (method == "GET")
      return session_info(call);
    if (method == "DELETE")
      return sign_out(call);
    return method_not_allowed(method, "GET, POST, DELETE");
  }
  if (call.path == "/api/v1/overview")
    return method == "GET" ? overview(call) : method_not_allowed(method, "GET");
  if (call.path == "/api/v1/objects" || call.path == "/api/v1/objects/")
    return method == "GET" ? list_objects(call) : method_not_allowed(method, "GET");
  if (call.path == "/api/v1/locations")
    return method == "GET" ? locations(call) : method_not_allowed(method, "GET");
  if (call.path == "/api/v1/screen")
    return method == "GET" ? screen(call) : method_not_allowed(method, "GET");
  if (call.path == "/api/v1/articles")
    return method == "POST" ? post_article(call) : method_not_allowed(method, "POST");
  if (call.path == "/api/v1/search")
    return method == "GET" ? search(call) : method_not_allowed(method, "GET");
  if (call.path == "/api/v1/cooperation")
    return method == "GET" ? cooperation(call) : method_not_allowed(method, "GET");
  if (starts_with(call.path, "/api/v1/objects/")) {
    std::string_view id = call.path.substr(16);
    if (!id.empty() && id.back() == '/')
      id.remove_suffix(1);
    std::string_view part;
    if (size_t slash = id.find('/'); slash != std::string_view::npos) {
      part = id.substr(slash + 1);
      id = id.substr(0, slash);
      if (part != "graph" && part != "audit")
        return console_error(404, "Not found", "no console resource at " + std::string(call.path));
    }
    if (method != "GET")
      return method_not_allowed(method, "GET");
    if (part == "graph")
      return object_graph(call, id);
    return part == "audit" ? object_audit(call, id) : show_object(call, id);
  }
  return console_error(404, "Not found", "no console resource at " + std::string(call.path));
}

Result<void> ConsoleApi::authenticate(Call& call) {
  if (!call.request.authorization.empty()) {
    auto user = authenticator_.authenticate(call.request.authorization);
    if (!user)
      return user.error();
    call.user = std::move(*user);
  } else {
    call.session_id = std::string(cookie_value(call.request.cookie, kCookieName));
    call.session = sessions_.find(call.session_id);
    if (!call.session)
      return make_error(Error::Kind::not_found,
                        "not signed in, or the session has expired; sign in again");
    // The account (and the token it signed in with) must still be valid now.
    auto user = call.session->token_hash.empty()
                    ? store_.find_user(call.session->user_name)
                    : store_.find_user_by_token(call.session->token_hash);
    if (!user)
      return user.error();
    if (!user->has_value() || (*user)->revoked || (*user)->name != call.session->user_name) {
      sessions_.close(call.session_id);
      return make_error(Error::Kind::not_found,
                        "the account or token of this session was revoked; sign in again");
    }
    call.user = std::move(**user);
    if (!is_safe_method(call.request.method) &&
        (call.request.csrf_token.empty() || call.request.csrf_token != call.session->csrf_token))
      return make_error(Error::Kind::forbidden,
                        "missing or wrong X-CSRF-Token header for a session request");
  }
  if (call.user.role == store::Role::partner)
    return make_error(Error::Kind::forbidden,
                      "partner agencies' accounts use the TAXII API, not the console");
  return {};
}

taxii::Response ConsoleApi::sign_in(const taxii::Request& request) {
  simdjson::dom::parser parser;
  simdjson::dom::element body;
  if (parser.parse(request.body).get(body) != simdjson::SUCCESS || !body.is_object())
    return console_error(400, "Bad request",
                         "the sign-in body must be a JSON object: {\"user\", \"password\"} or "
                         "{\"token\"}");
  std::string_view name, password, token;
  bool has_name = body["user"].get_string().get(name) == simdjson::SUCCESS;
  bool has_password = body["password"].get_string().get(password) == simdjson::SUCCESS;
  bool has_token = body["token"].get_string().get(token) == simdjson::SUCCESS;
  Result<store::User> user = make_error(Error::Kind::invalid_input, "");
  std::string token_hash;
  if (has_token && !token.empty()) {
    user = authenticator_.with_token(token);
    token_hash = auth::hash_token(token);
  } else if (has_name && has_password && !name.empty()) {
    user = authenticator_.with_password(std::string(name), password);
  } else {
    return console_error(400, "Bad request", "give \"user\" and \"password\", or an API \"token\"");
  }
  if (!user) {
    if (user.error().kind == Error::Kind::forbidden)
      return console_error(401, "Unauthorized", user.error().describe());
    return console_error(user.error());
  }
  if (user->role == store::Role::partner)
    return console_error(403, "Forbidden",
                         "partner agencies' accounts use the TAXII API, not the console");
  auto opened = sessions_.open(user->name, std::move(token_hash));
  std::string body_text;
  json::Writer writer(body_text);
  write_user(writer, *user, opened.csrf_token, settings_);
  taxii::Response response = json_response(200, std::move(body_text));
  response.headers.emplace_back("Set-Cookie", std::string(kCookieName) + "=" + opened.id +
                                                  "; Path=/; HttpOnly; SameSite=Strict" +
                                                  (settings_.secure_cookies ? "; Secure" : ""));
  return response;
}

taxii::Response ConsoleApi::session_info(Call& call) {
  std::string body;
  json::Writer writer(body);
  write_user(writer, call.user, call.session ? call.session->csrf_token : std::string(), settings_);
  return json_response(200, std::move(body));
}

taxii::Response ConsoleApi::sign_out(Call& call) {
  if (!call.session_id.empty())
    sessions_.close(call.session_id);
  taxii::Response response = json_response(200, "{\"signed_out\":true}");
  response.headers.emplace_back(
      "Set-Cookie", std::string(kCookieName) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  return response;
}

Result<std::vector<store::Collection>> ConsoleApi::readable_collections(const store::User& user) {
  auto collections = store_.list_collections();
  if (!collections)
    return collections.error();
  if (user.role == store::Role::admin)
    return collections;
  std::vector<store::Collection> readable;
  for (auto& collection : *collections) {
    auto access = store_.access(user.name, collection.id);
    if (!access)
      return access.error();
    if (access->read)
      readable.push_back(std::move(collection));
  }
  return readable;
}

std::variant<ConsoleApi::ReadableObject, taxii::Response>
ConsoleApi::readable_object(Call& call, std::string_view object_id) {
  if (auto bad = bad_identifier(object_id))
    return std::move(*bad);
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());
  auto found = find_readable(*collections, object_id);
  if (!found)
    return console_error(found.error());
  if (!found->has_value())
    return console_error(404, "Not found",
                         "no object " + std::string(object_id) + " that this account may read");
  return ReadableObject{std::move(*collections), std::move(**found)};
}

Result<std::optional<store::StoredObject>>
ConsoleApi::find_readable(const std::vector<store::Collection>& collections,
                          std::string_view object_id) {
  store::ObjectQuery lookup;
  lookup.ids = {std::string(object_id)};
  lookup.limit = 1;
  for (const auto& collection : collections) {
    auto page = store_.query_objects(collection.id, lookup);
    if (!page)
      return page.error();
    if (!page->objects.empty())
      return std::optional<store::StoredObject>(std::move(page->objects.front()));
  }
  return std::optional<store::StoredObject>();
}

Result<std::shared_ptr<const node::NodeWatchlist>> ConsoleApi::current_watchlist() {
  std::lock_guard lock(watchlist_mutex_);
  auto now = std::chrono::steady_clock::now();
  if (!watchlist_ || now - watchlist_loaded_ > std::chrono::minutes(1)) {
    auto loaded = node::load_watchlist(store_);
    if (!loaded)
      return loaded.error();
    watchlist_ = std::make_shared<const node::NodeWatchlist>(std::move(*loaded));
    watchlist_loaded_ = now;
  }
  return watchlist_;
}

} // namespace tansiq::console
