// The TAXII rules, request in and response out, over a real SQLite store.
// (Over real HTTP: tests/server/.)
#include "auth/credentials.h"
#include "support/temp_dir.h"
#include "taxii/api.h"

#include <gtest/gtest.h>
#include <simdjson.h>

using namespace tansiq;

namespace {

constexpr const char* kCollection = "0b8d3a3a-7d53-4a55-9c46-53d5dbe5cd1a";
constexpr const char* kTaxii = "application/taxii+json;version=2.1";

std::string indicator(const std::string& uuid, const std::string& modified) {
  return R"({"type":"indicator","spec_version":"2.1","id":"indicator--)" + uuid +
         R"(","created":"2020-01-01T00:00:00.000Z","modified":")" + modified +
         R"(","pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2020-01-01T00:00:00Z"})";
}

class TaxiiApi : public ::testing::Test {
protected:
  void SetUp() override {
    store_ = std::move(store::open_sqlite_store(dir_.file("s.sqlite"), true).value());
    ASSERT_TRUE(store_->create_collection({kCollection, "Shared", ""}).ok());
    add_user("admin", store::Role::admin, admin_token_);
    add_user("reader", store::Role::analyst, reader_token_);
    ASSERT_TRUE(store_->set_access("reader", kCollection, {true, false}).ok());
    api_ = std::make_unique<taxii::Api>(*store_, taxii::ApiSettings{});
  }

  void add_user(const std::string& name, store::Role role, std::string& token) {
    token = auth::new_token();
    ASSERT_TRUE(store_->add_user({name, role, "", false, 1, ""}).ok());
    ASSERT_TRUE(store_->add_token(name, auth::hash_token(token), "").ok());
  }

  taxii::Response call(const std::string& method, const std::string& target,
                       const std::string& token, std::string body = {}) {
    taxii::Request request{method, target, kTaxii, kTaxii, "Bearer " + token, std::move(body)};
    return api_->handle(request);
  }
  std::string objects_path() {
    return std::string("/tansiq/collections/") + kCollection + "/objects/";
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<taxii::Api> api_;
  std::string admin_token_, reader_token_;
};

} // namespace

TEST_F(TaxiiApi, EveryErrorIsATaxiiErrorMessage) {
  for (auto [target, status] :
       std::vector<std::pair<std::string, int>>{{"/nowhere/", 404},
                                                {"/tansiq/collections/unknown/", 404},
                                                {objects_path() + "?limit=zero", 400},
                                                {objects_path() + "?match[version]=newest", 400},
                                                {objects_path() + "?added_after=yesterday", 400},
                                                {objects_path() + "?colour=red", 400}}) {
    auto response = call("GET", target, admin_token_);
    EXPECT_EQ(response.status, status) << target;
    EXPECT_EQ(response.content_type, kTaxii);
    simdjson::dom::parser parser;
    simdjson::dom::element body;
    ASSERT_EQ(parser.parse(response.body).get(body), simdjson::SUCCESS) << response.body;
    EXPECT_EQ(std::string(body["http_status"].get_string().value()), std::to_string(status));
    EXPECT_FALSE(std::string(body["description"].get_string().value()).empty());
  }
}

TEST_F(TaxiiApi, ReaderMayReadButNotWrite) {
  EXPECT_EQ(call("GET", objects_path(), reader_token_).status, 200);
  auto posted = call(
      "POST", objects_path(), reader_token_,
      "{\"objects\":[" +
          indicator("8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2020-01-01T00:00:00.000Z") + "]}");
  EXPECT_EQ(posted.status, 403);
  EXPECT_EQ(store_->count_objects(kCollection).value(), 0u);
}

TEST_F(TaxiiApi, UnknownTokenIs401WithAChallenge) {
  auto response = call("GET", "/taxii2/", "tsq_not-a-token");
  EXPECT_EQ(response.status, 401);
  ASSERT_FALSE(response.headers.empty());
  EXPECT_EQ(response.headers[0].first, "WWW-Authenticate");
}

TEST_F(TaxiiApi, WrongMethodIs405WithAllow) {
  auto response = call("PUT", objects_path(), admin_token_);
  EXPECT_EQ(response.status, 405);
  ASSERT_FALSE(response.headers.empty());
  EXPECT_EQ(response.headers[0].second, "GET, POST");
}

TEST_F(TaxiiApi, InvalidStixRejectsTheWholeEnvelope) {
  std::string body = "{\"objects\":[" +
                     indicator("8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2020-01-01T00:00:00.000Z") +
                     "," + indicator("0f7b2b7e-9d83-4fe0-a0a6-0fbd0e3ec1c7", "not-a-time") + "]}";
  auto response = call("POST", objects_path(), admin_token_, body);
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("$.objects[1].modified"), std::string::npos) << response.body;
  EXPECT_EQ(store_->count_objects(kCollection).value(), 0u);
}

TEST_F(TaxiiApi, PostedVersionsAreServedVerbatimAndSelectable) {
  std::string older = indicator("8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2020-01-01T00:00:00.000Z");
  std::string newer = indicator("8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2021-01-01T00:00:00.000Z");
  auto posted =
      call("POST", objects_path(), admin_token_, "{\"objects\":[" + newer + "," + older + "]}");
  ASSERT_EQ(posted.status, 202) << posted.body;
  EXPECT_NE(posted.body.find("\"status\":\"complete\""), std::string::npos);

  auto latest = call("GET", objects_path(), admin_token_);
  EXPECT_EQ(latest.body, "{\"more\":false,\"objects\":[" + newer + "]}");
  auto first = call("GET", objects_path() + "?match%5Bversion%5D=first", admin_token_);
  EXPECT_EQ(first.body, "{\"more\":false,\"objects\":[" + older + "]}");
  auto versions =
      call("GET", objects_path() + "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f/versions/",
           admin_token_);
  EXPECT_EQ(
      versions.body,
      "{\"more\":false,\"versions\":[\"2021-01-01T00:00:00.000Z\",\"2020-01-01T00:00:00.000Z\"]}");
}

TEST_F(TaxiiApi, DeletesAreReportedToTheNode) {
  std::vector<std::pair<std::string, std::string>> deleted;
  taxii::ApiSettings settings;
  settings.on_object_deleted = [&](const std::string& collection, const std::string& object) {
    deleted.emplace_back(collection, object);
  };
  api_ = std::make_unique<taxii::Api>(*store_, settings);
  const std::string uuid = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
  ASSERT_EQ(call("POST", objects_path(), admin_token_,
                 "{\"objects\":[" + indicator(uuid, "2020-01-01T00:00:00.000Z") + "]}")
                .status,
            202);
  EXPECT_EQ(call("DELETE", objects_path() + "indicator--" + uuid + "/", reader_token_).status, 403);
  EXPECT_TRUE(deleted.empty());
  ASSERT_EQ(call("DELETE", objects_path() + "indicator--" + uuid + "/", admin_token_).status, 200);
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].first, kCollection);
  EXPECT_EQ(deleted[0].second, "indicator--" + uuid);
  EXPECT_EQ(call("DELETE", objects_path() + "indicator--" + uuid + "/", admin_token_).status, 404);
  EXPECT_EQ(deleted.size(), 1u);
}
