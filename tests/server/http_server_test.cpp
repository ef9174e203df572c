// The TAXII 2.1 API over real HTTP: an in-process server::HttpServer on
// 127.0.0.1 (any free port) over a real SQLite store, driven by a Beast client.
#include "auth/credentials.h"
#include "server/http_server.h"
#include "support/http_client.h"
#include "support/stix_objects.h"
#include "support/temp_dir.h"
#include "taxii/api.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <set>
#include <thread>

using namespace tansiq;
using test_support::HttpClient;
using test_support::HttpHeaders;
using test_support::HttpResponse;

namespace {

constexpr const char* kCollection = "5f7e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
constexpr const char* kTaxii = "application/taxii+json;version=2.1";
constexpr const char* kPassword = "correct horse battery staple";

std::string base64(std::string_view text) {
  static constexpr char digits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < text.size(); i += 3) {
    unsigned chunk = static_cast<unsigned char>(text[i]) << 16;
    if (i + 1 < text.size())
      chunk |= static_cast<unsigned char>(text[i + 1]) << 8;
    if (i + 2 < text.size())
      chunk |= static_cast<unsigned char>(text[i + 2]);
    out += digits[(chunk >> 18) & 63];
    out += digits[(chunk >> 12) & 63];
    out += i + 1 < text.size() ? digits[(chunk >> 6) & 63] : '=';
    out += i + 2 < text.size() ? digits[chunk & 63] : '=';
  }
  return out;
}

// An HttpServer + Api serving a store on a background thread until destroyed.
class RunningServer {
public:
  RunningServer(store::Store& store, std::size_t max_request_bytes) {
    taxii::ApiSettings api_settings;
    api_settings.max_content_length = max_request_bytes;
    api_ = std::make_unique<taxii::Api>(store, api_settings);
    server::ServerSettings settings;
    settings.address = "127.0.0.1";
    settings.port = 0;
    settings.max_request_bytes = max_request_bytes;
    settings.threads = 2;
    server_ = std::make_unique<server::HttpServer>(*api_, settings);
    auto bound = server_->start();
    if (!bound)
      throw std::runtime_error("cannot start the server: " + bound.error().describe());
    port_ = *bound;
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  unsigned short port() const { return port_; }

private:
  std::unique_ptr<taxii::Api> api_;
  std::unique_ptr<server::HttpServer> server_;
  std::thread thread_;
  unsigned short port_ = 0;
};

simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& text) {
  simdjson::dom::element element;
  auto error = parser.parse(text).get(element);
  if (error)
    throw std::runtime_error(std::string("not JSON (") + simdjson::error_message(error) +
                             "): " + text.substr(0, 300));
  return element;
}

std::string text_of(simdjson::dom::element element, const char* key) {
  std::string_view value;
  if (element[key].get_string().get(value))
    return {};
  return std::string(value);
}

// Every object of a TAXII envelope, as (id, modified) pairs.
std::vector<std::pair<std::string, std::string>> objects_of(const std::string& body) {
  simdjson::dom::parser parser;
  std::vector<std::pair<std::string, std::string>> out;
  simdjson::dom::array objects;
  if (parse(parser, body)["objects"].get_array().get(objects))
    return out;
  for (auto object : objects)
    out.emplace_back(text_of(object, "id"), text_of(object, "modified"));
  return out;
}

class HttpServerTest : public ::testing::Test {
protected:
  void SetUp() override {
    store_ = std::move(store::open_sqlite_store(dir_.file("store.sqlite"), true).value());
    store::Collection collection;
    collection.id = kCollection;
    collection.title = "Shared";
    ASSERT_TRUE(store_->create_collection(collection).ok());
    admin_token_ = add_user("admin", store::Role::admin, "");
    reader_token_ = add_user("reader", store::Role::analyst, "");
    ASSERT_TRUE(store_->set_access("reader", kCollection, {true, false}).ok());
    auto hashed = auth::hash_password(kPassword);
    ASSERT_TRUE(hashed.ok());
    add_user("liaison", store::Role::liaison, *hashed);
    ASSERT_TRUE(store_->set_access("liaison", kCollection, {true, true}).ok());
    server_ = std::make_unique<RunningServer>(*store_, 100u << 20);
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  std::string add_user(const std::string& name, store::Role role, const std::string& password) {
    std::string token = auth::new_token();
    store::User user;
    user.name = name;
    user.role = role;
    user.password_hash = password;
    EXPECT_TRUE(store_->add_user(user).ok());
    EXPECT_TRUE(store_->add_token(name, auth::hash_token(token), "test").ok());
    return token;
  }

  static HttpHeaders headers(const std::string& token) {
    return {{"Accept", kTaxii}, {"Authorization", "Bearer " + token}};
  }
  HttpResponse get(const std::string& target) {
    return client_->request("GET", target, headers(admin_token_));
  }
  HttpResponse post(const std::string& target, const std::string& body) {
    HttpHeaders with_type = headers(admin_token_);
    with_type.emplace_back("Content-Type", kTaxii);
    return client_->request("POST", target, with_type, body);
  }
  static std::string objects_path() {
    return std::string("/tansiq/collections/") + kCollection + "/objects/";
  }
  size_t stored() { return store_->count_objects(kCollection).value(); }

  // A response that is a TAXII error message with this status.
  static void expect_error(const HttpResponse& response, int status) {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(response.header("Content-Type"), kTaxii);
    simdjson::dom::parser parser;
    auto body = parse(parser, response.body);
    EXPECT_EQ(text_of(body, "http_status"), std::to_string(status)) << response.body;
    EXPECT_FALSE(text_of(body, "title").empty()) << response.body;
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<HttpClient> client_;
  std::string admin_token_, reader_token_;
};

} // namespace

TEST_F(HttpServerTest, DiscoveryAndApiRoot) {
  auto discovery = get("/taxii2/");
  ASSERT_EQ(discovery.status, 200) << discovery.body;
  EXPECT_EQ(discovery.header("Content-Type"), kTaxii);
  simdjson::dom::parser parser;
  auto body = parse(parser, discovery.body);
  EXPECT_EQ(text_of(body, "default"), "/tansiq/");
  simdjson::dom::array roots;
  ASSERT_FALSE(body["api_roots"].get_array().get(roots));
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(std::string(roots.at(0).get_string().value()), "/tansiq/");

  auto root = get("/tansiq/");
  ASSERT_EQ(root.status, 200) << root.body;
  int64_t max_length = 0;
  ASSERT_FALSE(parse(parser, root.body)["max_content_length"].get_int64().get(max_length));
  EXPECT_EQ(max_length, int64_t{100} << 20);

  auto collections = get("/tansiq/collections/");
  ASSERT_EQ(collections.status, 200);
  EXPECT_NE(collections.body.find(kCollection), std::string::npos) << collections.body;
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::string id = test_support::new_stix_id("indicator");
  for (int i = 0; i < 3; ++i) {
    auto response = get("/taxii2/");
    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(response.keep_alive);
  }
  EXPECT_EQ(
      post(objects_path(), test_support::envelope_json({test_support::indicator_json(id)})).status,
      202);
  EXPECT_EQ(get(objects_path() + id + "/").status, 200);
  EXPECT_EQ(get("/tansiq/collections/unknown/").status, 404); // an error keeps the connection
  EXPECT_EQ(get(objects_path()).status, 200);
  EXPECT_EQ(client_->connections_opened(), 1u);
}

TEST_F(HttpServerTest, BodyOverTheLimitIs413AndStoresNothing) {
  RunningServer small(*store_, 4096);
  HttpClient client(small.port());
  HttpHeaders with_type = headers(admin_token_);
  with_type.emplace_back("Content-Type", kTaxii);

  std::vector<std::string> objects;
  for (int i = 0; i < 40; ++i)
    objects.push_back(test_support::indicator_json(test_support::new_stix_id("indicator")));
  std::string big = test_support::envelope_json(objects);
  ASSERT_GT(big.size(), 4096u);
  auto response = client.request("POST", objects_path(), with_type, big);
  expect_error(response, 413);
  EXPECT_EQ(stored(), 0u);

  // Far over the limit: the answer must still arrive while the client is writing.
  while (objects.size() < 8000)
    objects.push_back(objects.front());
  std::string huge = test_support::envelope_json(objects);
  ASSERT_GT(huge.size(), 2u << 20);
  expect_error(client.request("POST", objects_path(), with_type, huge), 413);
  EXPECT_EQ(stored(), 0u);

  // Under the limit the same server accepts (the limit is not "reject all").
  std::string one = test_support::envelope_json({objects.front()});
  ASSERT_LT(one.size(), 4096u);
  auto accepted = client.request("POST", objects_path(), with_type, one);
  EXPECT_EQ(accepted.status, 202) << accepted.body;
  EXPECT_EQ(stored(), 1u);
}

TEST_F(HttpServerTest, AcceptExcludingTaxiiIs406) {
  auto response = client_->request(
      "GET", "/taxii2/", {{"Accept", "text/html"}, {"Authorization", "Bearer " + admin_token_}});
  expect_error(response, 406);
  auto any = client_->request("GET", "/taxii2/",
                              {{"Accept", "*/*"}, {"Authorization", "Bearer " + admin_token_}});
  EXPECT_EQ(any.status, 200);
  auto none = client_->request("GET", "/taxii2/", {{"Authorization", "Bearer " + admin_token_}});
  EXPECT_EQ(none.status, 200);
}

TEST_F(HttpServerTest, PostingPlainJsonIs415) {
  HttpHeaders json_headers = headers(admin_token_);
  json_headers.emplace_back("Content-Type", "application/json");
  auto response =
      client_->request("POST", objects_path(), json_headers,
                       test_support::envelope_json(
                           {test_support::indicator_json(test_support::new_stix_id("indicator"))}));
  expect_error(response, 415);
  EXPECT_EQ(stored(), 0u);
}

TEST_F(HttpServerTest, MissingOrWrongCredentialsAre401WithAChallenge) {
  auto anonymous = client_->request("GET", "/taxii2/", {{"Accept", kTaxii}});
  expect_error(anonymous, 401);
  EXPECT_FALSE(anonymous.header("WWW-Authenticate").empty());

  auto wrong_token = client_->request("GET", "/taxii2/", headers(auth::new_token()));
  expect_error(wrong_token, 401);
  EXPECT_FALSE(wrong_token.header("WWW-Authenticate").empty());

  auto wrong_scheme =
      client_->request("GET", "/taxii2/", {{"Accept", kTaxii}, {"Authorization", "Digest abc"}});
  expect_error(wrong_scheme, 401);
}

TEST_F(HttpServerTest, BasicAuthenticationWithAPassword) {
  auto basic = [&](const std::string& user, const std::string& password) {
    return client_->request(
        "GET", "/tansiq/collections/",
        {{"Accept", kTaxii}, {"Authorization", "Basic " + base64(user + ":" + password)}});
  };
  auto right = basic("liaison", kPassword);
  ASSERT_EQ(right.status, 200) << right.body;
  EXPECT_NE(right.body.find(kCollection), std::string::npos);
  EXPECT_EQ(basic("liaison", kPassword).status, 200); // again (the verified-credential cache)
  expect_error(basic("liaison", "wrong password"), 401);
  expect_error(basic("nobody", kPassword), 401);
  expect_error(basic("reader", ""), 401); // an account without a password
}

TEST_F(HttpServerTest, ReaderWithoutWriteRightGets403OnPost) {
  EXPECT_EQ(client_->request("GET", objects_path(), headers(reader_token_)).status, 200);
  HttpHeaders with_type = headers(reader_token_);
  with_type.emplace_back("Content-Type", kTaxii);
  auto response =
      client_->request("POST", objects_path(), with_type,
                       test_support::envelope_json(
                           {test_support::indicator_json(test_support::new_stix_id("indicator"))}));
  expect_error(response, 403);
  EXPECT_EQ(stored(), 0u);
}

TEST_F(HttpServerTest, UnknownCollectionIs404) {
  expect_error(get("/tansiq/collections/0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e/objects/"), 404);
  expect_error(get("/tansiq/collections/not-a-collection/"), 404);
  expect_error(get("/tansiq/nowhere/"), 404);
}

TEST_F(HttpServerTest, InvalidStixIs422AndStoresNothing) {
  std::string valid = test_support::indicator_json(test_support::new_stix_id("indicator"));
  std::string invalid_id = test_support::new_stix_id("indicator");
  std::string invalid =
      R"({"type":"indicator","spec_version":"2.1","id":")" + invalid_id +
      R"(","created":"yesterday","modified":"2020-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '198.51.100.2']","pattern_type":"stix","valid_from":"2020-01-01T00:00:00Z"})";
  size_t before = stored();
  auto response = post(objects_path(), test_support::envelope_json({valid, invalid, valid}));
  expect_error(response, 422);
  EXPECT_EQ(stored(), before);
  EXPECT_NE(response.body.find(invalid_id), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("$.objects[1].created"), std::string::npos) << response.body;
}

TEST_F(HttpServerTest, MalformedJsonIs400) {
  for (std::string body : {"{\"objects\":[", "not json", "{\"objects\":[{\"type\":}]}"}) {
    expect_error(post(objects_path(), body), 400);
  }
  EXPECT_EQ(stored(), 0u);
}

TEST_F(HttpServerTest, PostedObjectsAreServedAsTheExactBytesPosted) {
  std::string id = test_support::new_stix_id("threat-actor");
  std::string pretty = "{\n  \"objects\" : [\n    {\n      \"type\": \"threat-actor\",\n"
                       "      \"spec_version\" : \"2.1\",\n      \"id\": \"" +
                       id +
                       "\",\n      \"created\": \"2024-01-01T00:00:00.000Z\",\n"
                       "      \"modified\":\t\"2024-01-02T00:00:00.000Z\",\n"
                       "      \"name\": \"  spaces , kept : {inside} \\\"strings\\\" \",\n"
                       "      \"aliases\": [ \"\u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629\" "
                       ", \"\\u00e9\" ],\n      \"x_ratio\": 1.50\n    }\n  ]\n}\n";
  std::string minified = "{\"type\":\"threat-actor\",\"spec_version\":\"2.1\",\"id\":\"" + id +
                         "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                         "\"modified\":\"2024-01-02T00:00:00.000Z\","
                         "\"name\":\"  spaces , kept : {inside} \\\"strings\\\" \","
                         "\"aliases\":[\"\u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629\","
                         "\"\\u00e9\"],\"x_ratio\":1.50}";
  ASSERT_EQ(post(objects_path(), pretty).status, 202);

  auto one = get(objects_path() + id + "/");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_NE(one.body.find("[" + minified + "]"), std::string::npos) << one.body;
  auto all = get(objects_path());
  EXPECT_NE(all.body.find(minified), std::string::npos) << all.body;
}

TEST_F(HttpServerTest, PaginationWalksEveryObjectOnceInDateAddedOrder) {
  constexpr int kObjects = 2500;
  std::vector<std::string> posted;
  for (int batch = 0; batch < 5; ++batch) {
    std::vector<std::string> objects;
    for (int i = 0; i < kObjects / 5; ++i) {
      posted.push_back(test_support::new_stix_id("indicator"));
      objects.push_back(test_support::indicator_json(posted.back()));
    }
    auto response = post(objects_path(), test_support::envelope_json(objects));
    ASSERT_EQ(response.status, 202) << response.body;
  }
  ASSERT_EQ(stored(), static_cast<size_t>(kObjects));

  std::vector<std::string> walked;
  std::string previous_last;
  std::string next;
  int pages = 0;
  simdjson::dom::parser parser;
  for (;;) {
    ASSERT_LT(++pages, 100) << "the walk does not end";
    auto page = get(objects_path() + "?limit=100" + (next.empty() ? "" : "&next=" + next));
    ASSERT_EQ(page.status, 200) << page.body;
    std::string first = page.header("X-TAXII-Date-Added-First");
    std::string last = page.header("X-TAXII-Date-Added-Last");
    ASSERT_FALSE(first.empty());
    ASSERT_FALSE(last.empty());
    EXPECT_LE(first, last);
    EXPECT_LT(previous_last, first) << "pages overlap or go back in time";
    previous_last = last;
    auto objects = objects_of(page.body);
    EXPECT_LE(objects.size(), 100u);
    for (const auto& [id, modified] : objects)
      walked.push_back(id);
    auto body = parse(parser, page.body);
    bool more = false;
    ASSERT_FALSE(body["more"].get_bool().get(more));
    if (!more)
      break;
    next = text_of(body, "next");
    ASSERT_FALSE(next.empty()) << "more without next";
  }
  EXPECT_EQ(pages, kObjects / 100);
  EXPECT_EQ(walked, posted); // every object once, in the order they were added
  EXPECT_EQ(std::set<std::string>(walked.begin(), walked.end()).size(), walked.size());

  // The manifest walks the same objects with their date_added, strictly increasing.
  std::vector<std::string> manifest_ids;
  std::string previous_date;
  next.clear();
  for (pages = 0;;) {
    ASSERT_LT(++pages, 100);
    auto page = get(std::string("/tansiq/collections/") + kCollection + "/manifest/?limit=1000" +
                    (next.empty() ? "" : "&next=" + next));
    ASSERT_EQ(page.status, 200) << page.body;
    auto body = parse(parser, page.body);
    simdjson::dom::array entries;
    ASSERT_FALSE(body["objects"].get_array().get(entries));
    std::string first_date;
    for (auto entry : entries) {
      std::string date = text_of(entry, "date_added");
      if (first_date.empty())
        first_date = date;
      EXPECT_LT(previous_date, date);
      previous_date = date;
      manifest_ids.push_back(text_of(entry, "id"));
    }
    EXPECT_EQ(page.header("X-TAXII-Date-Added-First"), first_date);
    EXPECT_EQ(page.header("X-TAXII-Date-Added-Last"), previous_date);
    bool more = false;
    ASSERT_FALSE(body["more"].get_bool().get(more));
    if (!more)
      break;
    next = text_of(body, "next");
  }
  EXPECT_EQ(manifest_ids, posted);
}

class VersionedObjects : public HttpServerTest {
protected:
  void SetUp() override {
    HttpServerTest::SetUp();
    for (const char* modified : kVersions)
      objects_.push_back(test_support::indicator_json(indicator_, modified));
    objects_.push_back(
        R"({"type":"malware","spec_version":"2.1","id":")" + malware_ +
        R"(","created":"2021-01-01T00:00:00.000Z","modified":"2021-01-01T00:00:00.000Z","name":"test","is_family":false})");
    auto response = post(objects_path(), test_support::envelope_json(objects_));
    ASSERT_EQ(response.status, 202) << response.body;
    status_body_ = response.body;
  }

  static constexpr const char* kVersions[] = {
      "2020-01-01T00:00:00.000Z", "2020-06-01T00:00:00.000Z", "2021-03-04T05:06:07.890Z"};
  std::string indicator_ = test_support::new_stix_id("indicator");
  std::string malware_ = test_support::new_stix_id("malware");
  std::vector<std::string> objects_;
  std::string status_body_;
};

TEST_F(VersionedObjects, MatchTypeIdAndVersion) {
  using Objects = std::vector<std::pair<std::string, std::string>>;
  auto objects = [&](const std::string& query) {
    auto response = get(objects_path() + "?" + query);
    EXPECT_EQ(response.status, 200) << query << ": " << response.body;
    return objects_of(response.body);
  };
  EXPECT_EQ(objects("match[type]=malware"), (Objects{{malware_, "2021-01-01T00:00:00.000Z"}}));
  EXPECT_EQ(objects("match[type]=indicator"), (Objects{{indicator_, kVersions[2]}}));
  EXPECT_EQ(objects("match[id]=" + indicator_), (Objects{{indicator_, kVersions[2]}}));
  EXPECT_EQ(objects("match[id]=" + indicator_ + "&match[version]=last"),
            (Objects{{indicator_, kVersions[2]}}));
  EXPECT_EQ(objects("match[id]=" + indicator_ + "&match[version]=first"),
            (Objects{{indicator_, kVersions[0]}}));
  EXPECT_EQ(objects("match[id]=" + indicator_ + "&match[version]=all"),
            (Objects{{indicator_, kVersions[0]},
                     {indicator_, kVersions[1]},
                     {indicator_, kVersions[2]}}));
  EXPECT_EQ(objects("match[id]=" + indicator_ + "&match[version]=" + kVersions[1]),
            (Objects{{indicator_, kVersions[1]}}));
  EXPECT_EQ(objects("match%5Bversion%5D=first&match%5Btype%5D=indicator"),
            (Objects{{indicator_, kVersions[0]}}));
  EXPECT_EQ(objects("match[type]=indicator,malware").size(), 2u);
  EXPECT_TRUE(objects("match[type]=campaign").empty());
  EXPECT_TRUE(objects("match[id]=" + test_support::new_stix_id("indicator")).empty());
  expect_error(get(objects_path() + "?match[version]=newest"), 400);

  // On the object's own endpoint.
  auto first = get(objects_path() + indicator_ + "/?match[version]=first");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(objects_of(first.body), (Objects{{indicator_, kVersions[0]}}));
}

TEST_F(VersionedObjects, ManifestListsEveryObjectWithItsVersion) {
  auto response = get(std::string("/tansiq/collections/") + kCollection + "/manifest/");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("Content-Type"), kTaxii);
  simdjson::dom::parser parser;
  simdjson::dom::array entries;
  ASSERT_FALSE(parse(parser, response.body)["objects"].get_array().get(entries));
  std::map<std::string, std::string> versions;
  for (auto entry : entries) {
    versions[text_of(entry, "id")] = text_of(entry, "version");
    EXPECT_FALSE(text_of(entry, "date_added").empty());
    EXPECT_EQ(text_of(entry, "media_type").rfind("application/stix+json", 0), 0u);
  }
  EXPECT_EQ(versions, (std::map<std::string, std::string>{{indicator_, kVersions[2]},
                                                          {malware_, "2021-01-01T00:00:00.000Z"}}));
  EXPECT_FALSE(response.header("X-TAXII-Date-Added-First").empty());

  auto all = get(std::string("/tansiq/collections/") + kCollection +
                 "/manifest/?match[version]=all&match[id]=" + indicator_);
  ASSERT_FALSE(parse(parser, all.body)["objects"].get_array().get(entries));
  EXPECT_EQ(entries.size(), 3u);
}

TEST_F(VersionedObjects, VersionsEndpointListsEveryVersionOldestFirst) {
  auto response = get(objects_path() + indicator_ + "/versions/");
  ASSERT_EQ(response.status, 200) << response.body;
  simdjson::dom::parser parser;
  simdjson::dom::array list;
  ASSERT_FALSE(parse(parser, response.body)["versions"].get_array().get(list));
  std::vector<std::string> versions;
  for (auto version : list)
    versions.emplace_back(version.get_string().value());
  EXPECT_EQ(versions, (std::vector<std::string>{kVersions[0], kVersions[1], kVersions[2]}));
  expect_error(get(objects_path() + test_support::new_stix_id("indicator") + "/versions/"), 404);
}

TEST_F(VersionedObjects, DeleteThenGetIs404) {
  auto deleted =
      client_->request("DELETE", objects_path() + indicator_ + "/", headers(admin_token_));
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  expect_error(get(objects_path() + indicator_ + "/"), 404);
  expect_error(get(objects_path() + indicator_ + "/versions/"), 404);
  EXPECT_EQ(get(objects_path() + malware_ + "/").status, 200); // the other object stays
  EXPECT_EQ(stored(), 1u);
  expect_error(client_->request("DELETE", objects_path() + indicator_ + "/", headers(admin_token_)),
               404);
  expect_error(client_->request("DELETE", objects_path() + malware_ + "/", headers(reader_token_)),
               403);
}

TEST_F(VersionedObjects, StatusAfterPostIsTheStatusReturned) {
  simdjson::dom::parser parser;
  auto posted = parse(parser, status_body_);
  std::string status_id = text_of(posted, "id");
  ASSERT_FALSE(status_id.empty()) << status_body_;
  EXPECT_EQ(text_of(posted, "status"), "complete");
  int64_t success_count = 0;
  ASSERT_FALSE(posted["success_count"].get_int64().get(success_count));
  EXPECT_EQ(success_count, 4);

  auto status = get("/tansiq/status/" + status_id + "/");
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.body, status_body_);
  expect_error(get("/tansiq/status/0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e/"), 404);

  // Re-posting versions already held succeeds and says so.
  auto again = post(objects_path(), test_support::envelope_json(objects_));
  EXPECT_EQ(again.status, 202) << again.body;
  EXPECT_NE(again.body.find("already"), std::string::npos) << again.body;
  EXPECT_EQ(stored(), 4u);
}
