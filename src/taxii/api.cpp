#include "taxii/api.h"

#include "stix/bundle_reader.h"
#include "stix/identifier.h"
#include "store/new_object_from_parsed.h"
#include "taxii/error_response.h"
#include "taxii/media_type.h"
#include "taxii/query_string.h"
#include "json/json_writer.h"

#include <charconv>

namespace tansiq::taxii {
namespace {

constexpr std::string_view kDiscoveryPath = "/taxii2/";

// Which query parameters an endpoint takes (TAXII 2.1 sections 5.3-5.8).
enum Parameter : unsigned {
  kAddedAfter = 1,
  kLimit = 2,
  kNext = 4,
  kMatchId = 8,
  kMatchType = 16,
  kMatchVersion = 32,
  kMatchSpecVersion = 64,
};
constexpr unsigned kListParameters =
    kAddedAfter | kLimit | kNext | kMatchId | kMatchType | kMatchVersion | kMatchSpecVersion;

Response json_response(int status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = kTaxiiMediaType;
  response.body = std::move(body);
  return response;
}

std::string version_text(const store::StoredObject& object) {
  return object.version.empty() ? stix::format_timestamp(object.date_added) : object.version;
}

// Reads the query parameters an endpoint allows into a store query; anything
// unknown or malformed is a 400 naming the parameter.
Result<store::ObjectQuery> parse_object_query(std::string_view query_text, unsigned allowed,
                                              const ApiSettings& settings) {
  store::ObjectQuery query;
  query.limit = settings.default_page_size;
  auto parameters = parse_query(query_text);
  if (!parameters)
    return make_error(Error::Kind::invalid_input, "malformed percent-escape in the query string");
  auto bad = [](const std::string& name, std::string why) {
    return make_error(Error::Kind::invalid_input, std::move(why), "query parameter " + name);
  };
  for (const auto& [name, value] : *parameters) {
    if (name == "added_after" && (allowed & kAddedAfter)) {
      auto micros = stix::parse_timestamp(value);
      if (!micros)
        return bad(name, "\"" + value + "\" is not a timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z)");
      query.added_after = *micros;
    } else if (name == "limit" && (allowed & kLimit)) {
      size_t limit = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (error != std::errc() || end != value.data() + value.size() || limit == 0)
        return bad(name, "\"" + value + "\" is not a positive integer");
      query.limit = std::min(limit, settings.max_page_size);
    } else if (name == "next" && (allowed & kNext)) {
      std::int64_t cursor = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), cursor);
      if (error != std::errc() || end != value.data() + value.size() || cursor < 0)
        return bad(name, "\"" + value + "\" is not a value this server handed out");
      query.after_cursor = cursor;
    } else if (name == "match[id]" && (allowed & kMatchId)) {
      query.ids = split_list(value);
    } else if (name == "match[type]" && (allowed & kMatchType)) {
      query.types = split_list(value);
    } else if (name == "match[spec_version]" && (allowed & kMatchSpecVersion)) {
      query.spec_versions = split_list(value);
    } else if (name == "match[version]" && (allowed & kMatchVersion)) {
      query.versions = store::VersionMatch{false, false, false, {}};
      for (const std::string& item : split_list(value)) {
        if (item == "all")
          query.versions.all = true;
        else if (item == "first")
          query.versions.first = true;
        else if (item == "last")
          query.versions.last = true;
        else if (auto micros = stix::parse_timestamp(item))
          query.versions.exact.push_back(*micros);
        else
          return bad(name, "\"" + item + "\" is not first, last, all or a timestamp");
      }
      if (!query.versions.all && !query.versions.first && query.versions.exact.empty())
        query.versions.last = true;
    } else {
      return bad(name, "not supported on this endpoint");
    }
  }
  return query;
}

// A partner agency's account reads only what the release policy published to
// its agency; nobody else's reads are filtered.
void restrict_to_partner_view(const store::User& user, store::ObjectQuery& query) {
  if (user.role != store::Role::partner)
    return;
  query.released_to = user.agency;
  query.now = stix::now_micros();
}

void add_date_added_headers(Response& response, const store::ObjectPage& page) {
  if (page.objects.empty())
    return;
  response.headers.emplace_back("X-TAXII-Date-Added-First",
                                stix::format_timestamp(page.objects.front().date_added));
  response.headers.emplace_back("X-TAXII-Date-Added-Last",
                                stix::format_timestamp(page.objects.back().date_added));
}

void write_more_and_next(json::Writer& writer, const store::ObjectPage& page) {
  writer.field("more", page.more);
  if (page.more)
    writer.field("next", std::to_string(page.next_cursor));
}

} // namespace

struct Api::Call {
  const Request& request;
  std::string_view path;
  std::string_view query;
  store::User user;
};

Api::Api(store::Store& store, ApiSettings settings)
    : store_(store), authenticator_(store), settings_(std::move(settings)) {}

Response Api::handle(const Request& request) {
  std::string_view target = request.target;
  size_t question = target.find('?');
  Call call{request,
            target.substr(0, question),
            question == std::string_view::npos ? std::string_view() : target.substr(question + 1),
            {}};
  // TAXII content negotiation applies to TAXII resources, not to /api/ (plain JSON).
  bool taxii_resource = call.path.substr(0, 5) != "/api/";
  if (taxii_resource && !accepts_taxii(request.accept))
    return error_response(406, "Not acceptable",
                          "this server answers with " + std::string(kTaxiiMediaType) +
                              "; the Accept header \"" + request.accept + "\" excludes it");

  auto user = authenticator_.authenticate(request.authorization);
  if (!user) {
    Response response = error_response(401, "Unauthorized", user.error().describe());
    response.headers.emplace_back("WWW-Authenticate", "Basic realm=\"tansiq\", Bearer");
    return response;
  }
  call.user = std::move(user.value());
  return route(call);
}

Response Api::route(Call& call) {
  const std::string& method = call.request.method;
  auto method_not_allowed = [&](std::string_view allowed) {
    Response response = error_response(
        405, "Method not allowed", method + " is not allowed here; use " + std::string(allowed));
    response.headers.emplace_back("Allow", std::string(allowed));
    return response;
  };
  if (call.path == kDiscoveryPath || call.path == "/taxii2")
    return method == "GET" ? discovery(call) : method_not_allowed("GET");
  if (call.path == "/api/v1/policy/explain")
    return method == "GET" ? explain(call) : method_not_allowed("GET");

  std::string_view root = settings_.api_root_path;
  if (call.path.substr(0, root.size()) != root && call.path != root.substr(0, root.size() - 1))
    return error_response(404, "Not found", "no TAXII resource at " + std::string(call.path));
  std::string_view rest = call.path.size() > root.size() ? call.path.substr(root.size()) : "";

  // Split the rest into segments; trailing slashes are optional for clients.
  std::vector<std::string_view> segments;
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    segments.push_back(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }

  if (segments.empty())
    return method == "GET" ? api_root(call) : method_not_allowed("GET");
  if (segments[0] == "status" && segments.size() == 2)
    return method == "GET" ? status(call, segments[1]) : method_not_allowed("GET");
  if (segments[0] != "collections" || segments.size() > 5)
    return error_response(404, "Not found", "no TAXII resource at " + std::string(call.path));
  if (segments.size() == 1)
    return method == "GET" ? collections(call) : method_not_allowed("GET");

  auto found = store_.find_collection(segments[1]);
  if (!found)
    return error_response(found.error());
  store::Access access = found->has_value() ? access_of(call.user, (*found)->id) : store::Access{};
  if (!found->has_value() || (!access.read && !access.write))
    return error_response(
        404, "Not found",
        "no collection \"" + std::string(segments[1]) + "\" that this account may see",
        "{\"collection\":" +
            [&] {
              std::string quoted;
              json::append_string(quoted, segments[1]);
              return quoted;
            }() +
            "}");
  const store::Collection& collection = **found;

  if (segments.size() == 2)
    return method == "GET" ? this->collection(call, collection) : method_not_allowed("GET");
  if (segments[2] == "manifest" && segments.size() == 3)
    return method == "GET" ? manifest(call, collection) : method_not_allowed("GET");
  if (segments[2] != "objects")
    return error_response(404, "Not found", "no TAXII resource at " + std::string(call.path));
  if (segments.size() == 3) {
    if (method == "GET")
      return get_objects(call, collection, {});
    if (method == "POST")
      return post_objects(call, collection);
    return method_not_allowed("GET, POST");
  }
  if (segments.size() == 4) {
    if (method == "GET")
      return get_objects(call, collection, segments[3]);
    if (method == "DELETE")
      return delete_object(call, collection, segments[3]);
    return method_not_allowed("GET, DELETE");
  }
  if (segments[4] == "versions")
    return method == "GET" ? versions(call, collection, segments[3]) : method_not_allowed("GET");
  return error_response(404, "Not found", "no TAXII resource at " + std::string(call.path));
}

store::Access Api::access_of(const store::User& user, const std::string& collection_id) {
  if (user.role == store::Role::admin)
    return {true, true};
  auto access = store_.access(user.name, collection_id);
  return access ? *access : store::Access{};
}

Response Api::discovery(Call&) {
  std::string body;
  json::Writer writer(body);
  writer.begin_object().field("title", settings_.title).field("description", settings_.description);
  if (!settings_.contact.empty())
    writer.field("contact", settings_.contact);
  writer.field("default", settings_.api_root_path)
      .key("api_roots")
      .begin_array()
      .string(settings_.api_root_path)
      .end_array()
      .end_object();
  return json_response(200, std::move(body));
}

Response Api::api_root(Call&) {
  std::string body;
  json::Writer(body)
      .begin_object()
      .field("title", settings_.title)
      .field("description", settings_.description)
      .key("versions")
      .begin_array()
      .string(kTaxiiMediaType)
      .end_array()
      .field("max_content_length", static_cast<std::int64_t>(settings_.max_content_length))
      .end_object();
  return json_response(200, std::move(body));
}

Response Api::status(Call&, std::string_view status_id) {
  auto found = store_.find_status(status_id);
  if (!found)
    return error_response(found.error());
  if (!found->has_value())
    return error_response(404, "Not found",
                          "no status resource \"" + std::string(status_id) + "\"");
  return json_response(200, std::move(**found));
}

static void write_collection(json::Writer& writer, const store::Collection& collection,
                             store::Access access) {
  writer.begin_object().field("id", collection.id).field("title", collection.title);
  if (!collection.description.empty())
    writer.field("description", collection.description);
  writer.field("can_read", access.read)
      .field("can_write", access.write)
      .key("media_types")
      .begin_array()
      .string(kStixMediaType)
      .end_array()
      .end_object();
}

Response Api::collections(Call& call) {
  auto all = store_.list_collections();
  if (!all)
    return error_response(all.error());
  std::string body;
  json::Writer writer(body);
  writer.begin_object();
  bool any = false;
  for (const auto& collection : *all) {
    store::Access access = access_of(call.user, collection.id);
    if (!access.read && !access.write)
      continue;
    if (!any)
      writer.key("collections").begin_array();
    any = true;
    write_collection(writer, collection, access);
  }
  if (any)
    writer.end_array();
  writer.end_object();
  return json_response(200, std::move(body));
}

Response Api::collection(Call& call, const store::Collection& collection) {
  std::string body;
  json::Writer writer(body);
  write_collection(writer, collection, access_of(call.user, collection.id));
  return json_response(200, std::move(body));
}

Response Api::get_objects(Call& call, const store::Collection& collection,
                          std::string_view object_id) {
  if (!access_of(call.user, collection.id).read)
    return error_response(403, "Forbidden",
                          "this account may not read collection " + collection.id);
  unsigned allowed = object_id.empty()
                         ? kListParameters
                         : kAddedAfter | kLimit | kNext | kMatchVersion | kMatchSpecVersion;
  auto query = parse_object_query(call.query, allowed, settings_);
  if (!query)
    return error_response(query.error());
  if (!object_id.empty())
    query->ids = {std::string(object_id)};
  restrict_to_partner_view(call.user, *query);
  auto page = store_.query_objects(collection.id, *query);
  if (!page)
    return error_response(page.error());
  if (!object_id.empty() && page->objects.empty() && !query->after_cursor)
    return error_response(404, "Not found",
                          "no object \"" + std::string(object_id) + "\" matches in collection " +
                              collection.id);

  std::string body;
  size_t bytes = 64;
  for (const auto& object : page->objects)
    bytes += object.json.size() + 1;
  body.reserve(bytes);
  json::Writer writer(body);
  writer.begin_object();
  write_more_and_next(writer, *page);
  if (!page->objects.empty()) {
    writer.key("objects").begin_array();
    for (const auto& object : page->objects)
      writer.raw(object.json);
    writer.end_array();
  }
  writer.end_object();
  Response response = json_response(200, std::move(body));
  add_date_added_headers(response, *page);
  return response;
}

Response Api::manifest(Call& call, const store::Collection& collection) {
  if (!access_of(call.user, collection.id).read)
    return error_response(403, "Forbidden",
                          "this account may not read collection " + collection.id);
  auto query = parse_object_query(call.query, kListParameters, settings_);
  if (!query)
    return error_response(query.error());
  query->with_json = false;
  restrict_to_partner_view(call.user, *query);
  auto page = store_.query_objects(collection.id, *query);
  if (!page)
    return error_response(page.error());
  std::string body;
  json::Writer writer(body);
  writer.begin_object();
  write_more_and_next(writer, *page);
  if (!page->objects.empty()) {
    writer.key("objects").begin_array();
    for (const auto& object : page->objects)
      writer.begin_object()
          .field("id", object.id)
          .field("date_added", stix::format_timestamp(object.date_added))
          .field("version", version_text(object))
          .field("media_type", kStixMediaType)
          .end_object();
    writer.end_array();
  }
  writer.end_object();
  Response response = json_response(200, std::move(body));
  add_date_added_headers(response, *page);
  return response;
}

Response Api::versions(Call& call, const store::Collection& collection,
                       std::string_view object_id) {
  if (!access_of(call.user, collection.id).read)
    return error_response(403, "Forbidden",
                          "this account may not read collection " + collection.id);
  auto query =
      parse_object_query(call.query, kAddedAfter | kLimit | kNext | kMatchSpecVersion, settings_);
  if (!query)
    return error_response(query.error());
  query->ids = {std::string(object_id)};
  query->versions = store::VersionMatch{true, false, false, {}};
  query->with_json = false;
  restrict_to_partner_view(call.user, *query);
  auto page = store_.query_objects(collection.id, *query);
  if (!page)
    return error_response(page.error());
  if (page->objects.empty() && !query->after_cursor)
    return error_response(404, "Not found",
                          "no object \"" + std::string(object_id) + "\" in collection " +
                              collection.id);
  std::string body;
  json::Writer writer(body);
  writer.begin_object();
  write_more_and_next(writer, *page);
  if (!page->objects.empty()) {
    writer.key("versions").begin_array();
    for (const auto& object : page->objects)
      writer.string(version_text(object));
    writer.end_array();
  }
  writer.end_object();
  Response response = json_response(200, std::move(body));
  add_date_added_headers(response, *page);
  return response;
}

Response Api::explain(Call& call) {
  // Release reasons are this node's business: not for partner nodes.
  if (call.user.role == store::Role::partner)
    return error_response(403, "Forbidden", "partner accounts may not query the release policy");
  if (!settings_.explain_release)
    return error_response(404, "Not found", "this node does not expose release decisions");
  auto parameters = parse_query(call.query);
  if (!parameters)
    return error_response(400, "Bad request", "malformed percent-escape in the query string");
  std::string object_id, agency;
  for (const auto& [name, value] : *parameters) {
    if (name == "object")
      object_id = value;
    else if (name == "to")
      agency = value;
    else
      return error_response(400, "Bad request",
                            "unknown query parameter \"" + name + "\" (use object and to)");
  }
  if (object_id.empty() || agency.empty())
    return error_response(400, "Bad request",
                          "both object=<STIX id> and to=<agency id> are needed");
  auto explained = settings_.explain_release(object_id, agency);
  if (!explained)
    return error_response(explained.error());
  Response response;
  response.content_type = "application/json";
  response.body = std::move(*explained);
  return response;
}

Response Api::delete_object(Call& call, const store::Collection& collection,
                            std::string_view object_id) {
  if (!access_of(call.user, collection.id).write || call.user.role == store::Role::partner)
    return error_response(403, "Forbidden",
                          "this account may not delete from collection " + collection.id);
  auto query = parse_object_query(call.query, kMatchVersion | kMatchSpecVersion, settings_);
  if (!query)
    return error_response(query.error());
  if (call.query.find("match%5Bversion%5D") == std::string_view::npos &&
      call.query.find("match[version]") == std::string_view::npos)
    query->versions = store::VersionMatch{true, false, false, {}}; // default: every version
  auto deleted = store_.delete_object(collection.id, object_id, *query);
  if (!deleted)
    return error_response(deleted.error());
  if (*deleted == 0)
    return error_response(404, "Not found",
                          "no object \"" + std::string(object_id) + "\" matches in collection " +
                              collection.id);
  if (settings_.on_object_deleted)
    settings_.on_object_deleted(collection.id, std::string(object_id));
  return json_response(200, "{}");
}

Response Api::post_objects(Call& call, const store::Collection& collection) {
  if (call.user.role == store::Role::partner && !settings_.receive_from_partner)
    return error_response(403, "Forbidden", "this node does not take pushes from partner nodes");
  if (!access_of(call.user, collection.id).write)
    return error_response(403, "Forbidden",
                          "this account may not add objects to collection " + collection.id);
  if (!is_taxii_content(call.request.content_type))
    return error_response(415, "Unsupported media type",
                          "send objects as " + std::string(kTaxiiMediaType) + ", not \"" +
                              call.request.content_type + "\"");
  if (call.request.body.size() > settings_.max_content_length)
    return error_response(413, "Request too large",
                          "the body exceeds max_content_length (" +
                              std::to_string(settings_.max_content_length) + " bytes)");
  // TAXII 2.1 clients send an envelope; many tools send a STIX bundle: both are taken.
  auto parsed = stix::read_bundle(call.request.body, stix::Container::either);
  if (!parsed)
    return error_response(400, "Bad request", parsed.error().describe());

  // A partner's push goes through the node's intake: what passes is stored,
  // each object that does not is a failure with its reason.
  if (call.user.role == store::Role::partner) {
    auto request_time = stix::now_micros();
    auto receipt = settings_.receive_from_partner(call.user, collection, *parsed);
    if (!receipt)
      return error_response(receipt.error());
    return status_response(request_time, *receipt);
  }

  // Invalid STIX rejects the whole request: nothing is stored, and every
  // violation is listed with its JSON path.
  if (!parsed->rejected.empty()) {
    std::string details;
    json::Writer writer(details);
    writer.begin_object().key("violations").begin_array();
    for (const auto& rejected : parsed->rejected)
      for (const auto& violation : rejected.violations)
        writer.begin_object()
            .field("id", rejected.id)
            .field("path", violation.path)
            .field("message", violation.message)
            .field("severity", violation.severity == stix::Severity::error ? "error" : "warning")
            .end_object();
    writer.end_array().end_object();
    return error_response(422, "Invalid STIX",
                          std::to_string(parsed->rejected.size()) +
                              " object(s) are not valid STIX 2.1; nothing was stored",
                          details);
  }

  std::vector<store::NewObject> objects;
  objects.reserve(parsed->accepted.size());
  for (const auto& object : parsed->accepted)
    objects.push_back(store::new_object_from_parsed(object));
  auto request_time = stix::now_micros();
  auto outcomes = store_.add_objects(collection.id, objects);
  if (!outcomes)
    return error_response(outcomes.error());
  AddReceipt receipt;
  for (size_t i = 0; i < objects.size(); ++i)
    receipt.stored.push_back({std::string(objects[i].id), std::string(objects[i].version),
                              (*outcomes)[i] == store::AddOutcome::duplicate});
  return status_response(request_time, receipt);
}

Response Api::status_response(stix::MicrosSinceEpoch request_time, const AddReceipt& receipt) {
  std::string status_id = stix::make_identifier("status").substr(8);
  std::string body;
  json::Writer writer(body);
  writer.begin_object()
      .field("id", status_id)
      .field("status", "complete")
      .field("request_timestamp", stix::format_timestamp(request_time))
      .field("total_count",
             static_cast<std::int64_t>(receipt.stored.size() + receipt.rejected.size()))
      .field("success_count", static_cast<std::int64_t>(receipt.stored.size()));
  if (!receipt.stored.empty()) {
    writer.key("successes").begin_array();
    for (const auto& stored : receipt.stored) {
      writer.begin_object().field("id", stored.id);
      if (!stored.version.empty())
        writer.field("version", stored.version);
      if (stored.duplicate)
        writer.field("message", "this version was already in the collection");
      writer.end_object();
    }
    writer.end_array();
  }
  writer.field("failure_count", static_cast<std::int64_t>(receipt.rejected.size()));
  if (!receipt.rejected.empty()) {
    writer.key("failures").begin_array();
    for (const auto& rejected : receipt.rejected)
      writer.begin_object().field("id", rejected.id).field("message", rejected.reason).end_object();
    writer.end_array();
  }
  writer.field("pending_count", std::int64_t{0}).end_object();
  if (auto saved = store_.put_status(status_id, body); !saved)
    return error_response(saved.error());
  if (!receipt.stored.empty() && settings_.on_objects_added)
    settings_.on_objects_added();
  return json_response(202, std::move(body));
}

} // namespace tansiq::taxii
