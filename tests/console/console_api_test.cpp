// The console's HTTP API, request in and response out, over a real SQLite
// store: sessions (cookie, CSRF, revocation), collection rights, lists and
// object views. (In a real browser: web/tests/e2e.mjs.)
#include "auth/credentials.h"
#include "console/console_api.h"
#include "console/console_assets.h"
#include "search/catch_up.h"
#include "support/stix_objects.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <map>
#include <simdjson.h>
#include <unicode/unistr.h>

using namespace tansiq;
using test_support::new_stix_id;

namespace {

constexpr const char* kShared = "9a1d3f0e-54a2-4c8e-9a1e-0c9b0c3b8f11";
constexpr const char* kSecret = "2c5e7a4b-1f0d-4b6e-8d2a-3e4f5a6b7c8d";
constexpr const char* kHome = "identity--7b0a3a62-5b1b-4c52-9a5e-7d6c0b0f9a11";
constexpr const char* kPartner = "identity--1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
constexpr const char* kAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

std::string header_value(const taxii::Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers)
    if (key == name)
      return value;
  return {};
}

class ConsoleApiTest : public ::testing::Test {
protected:
  void SetUp() override {
    store_ = std::move(store::open_sqlite_store(dir_.file("s.sqlite"), true).value());
    ASSERT_TRUE(store_->create_collection({kShared, "Shared", ""}).ok());
    ASSERT_TRUE(store_->create_collection({kSecret, "Secret", ""}).ok());
    ASSERT_TRUE(store_
                    ->add_user({"admin", store::Role::admin,
                                auth::hash_password("correct horse").value(), false, 1, ""})
                    .ok());
    ASSERT_TRUE(store_->add_user({"amina", store::Role::analyst, "", false, 1, ""}).ok());
    amina_token_ = auth::new_token();
    ASSERT_TRUE(store_->add_token("amina", auth::hash_token(amina_token_), "").ok());
    ASSERT_TRUE(store_->set_access("amina", kShared, {true, false}).ok());
    ASSERT_TRUE(store_->add_user({"brussels", store::Role::partner, "", false, 1, kPartner}).ok());
    partner_token_ = auth::new_token();
    ASSERT_TRUE(store_->add_token("brussels", auth::hash_token(partner_token_), "").ok());

    shared_id_ = new_stix_id("indicator");
    secret_id_ = new_stix_id("indicator");
    report_id_ = new_stix_id("report");
    add(kShared, shared_id_,
        R"({"type":"indicator","spec_version":"2.1","id":")" + shared_id_ +
            R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"<script>alert(1)</script>","object_marking_refs":[")" +
            kAmber + R"("],"labels":["terrorism"]})",
        "TLP:AMBER");
    add(kSecret, secret_id_,
        R"({"type":"indicator","spec_version":"2.1","id":")" + secret_id_ +
            R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"secret source"})");
    add(kShared, report_id_,
        R"({"type":"report","spec_version":"2.1","id":")" + report_id_ +
            R"(","created":"2024-01-02T00:00:00.000Z","modified":"2024-01-02T00:00:00.000Z","name":"Cell dismantled","published":"2024-01-02T00:00:00Z","object_refs":[")" +
            shared_id_ + "\",\"" + secret_id_ + "\"]}");
    api_ = std::make_unique<console::ConsoleApi>(*store_,
                                                 console::ConsoleSettings{"Rabat", kHome, false});
  }

  // `tlp`: what the writers (TAXII, import, intake) file from object_marking_refs.
  void add(const char* collection, const std::string& id, const std::string& json,
           std::string_view tlp = "") {
    std::string type = id.substr(0, id.find("--"));
    store::NewObject object{id, type, "2.1", "2024-01-01T00:00:00.000Z", 1, json, tlp};
    ASSERT_TRUE(store_->add_objects(collection, std::span(&object, 1)).ok());
  }

  taxii::Response call(const std::string& method, const std::string& target, std::string body = {},
                       std::string cookie = {}, std::string csrf = {},
                       std::string authorization = {}) {
    taxii::Request request{method,
                           target,
                           "application/json",
                           "application/json",
                           std::move(authorization),
                           std::move(body),
                           std::move(cookie),
                           std::move(csrf)};
    return api_->handle(request);
  }

  // Signs in; returns the Cookie header value and the CSRF token.
  std::pair<std::string, std::string> sign_in(const std::string& body) {
    auto response = call("POST", "/api/v1/session", body);
    EXPECT_EQ(response.status, 200) << response.body;
    std::string set_cookie = header_value(response, "Set-Cookie");
    simdjson::dom::parser parser;
    std::string csrf(parser.parse(response.body)["csrf_token"].get_string().value());
    return {set_cookie.substr(0, set_cookie.find(';')), csrf};
  }

  simdjson::dom::element parse(const taxii::Response& response) {
    simdjson::dom::element element;
    EXPECT_EQ(parser_.parse(response.body).get(element), simdjson::SUCCESS) << response.body;
    return element;
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<console::ConsoleApi> api_;
  std::string amina_token_, partner_token_;
  std::string shared_id_, secret_id_, report_id_;
  simdjson::dom::parser parser_;
};

} // namespace

TEST_F(ConsoleApiTest, PasswordSignInSetsAnHttpOnlyStrictCookie) {
  auto response = call("POST", "/api/v1/session", R"({"user":"admin","password":"correct horse"})");
  ASSERT_EQ(response.status, 200) << response.body;
  std::string cookie = header_value(response, "Set-Cookie");
  EXPECT_EQ(cookie.rfind("tansiq_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(header_value(response, "Cache-Control"), "no-store");
  auto body = parse(response);
  EXPECT_EQ(std::string(body["user"].get_string().value()), "admin");
  EXPECT_EQ(std::string(body["role"].get_string().value()), "admin");

  auto [session, csrf] = sign_in(R"({"user":"admin","password":"correct horse"})");
  auto me = call("GET", "/api/v1/session", "", session);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(std::string(parse(me)["csrf_token"].get_string().value()), csrf);
}

TEST_F(ConsoleApiTest, BadSignInsAreRefusedWithAReason) {
  auto wrong = call("POST", "/api/v1/session", R"({"user":"admin","password":"wrong"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(header_value(wrong, "Set-Cookie").empty());
  EXPECT_EQ(call("POST", "/api/v1/session", R"({"token":"tsq_nope"})").status, 401);
  EXPECT_EQ(call("POST", "/api/v1/session", "not json").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/session", R"({"user":"admin"})").status, 400);
  // Partner agencies' accounts are for TAXII only.
  auto partner = call("POST", "/api/v1/session", "{\"token\":\"" + partner_token_ + "\"}");
  EXPECT_EQ(partner.status, 403);
  EXPECT_NE(partner.body.find("TAXII"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/overview", "", "", "", "Bearer " + partner_token_).status, 403);
}

TEST_F(ConsoleApiTest, WithoutASessionEverythingIs401) {
  for (const char* path : {"/api/v1/session", "/api/v1/overview", "/api/v1/objects"}) {
    EXPECT_EQ(call("GET", path).status, 401) << path;
    EXPECT_EQ(call("GET", path, "", "tansiq_session=forged").status, 401) << path;
  }
}

TEST_F(ConsoleApiTest, UnsafeSessionRequestsNeedTheCsrfToken) {
  auto [session, csrf] = sign_in(R"({"user":"admin","password":"correct horse"})");
  EXPECT_EQ(call("DELETE", "/api/v1/session", "", session).status, 403);
  EXPECT_EQ(call("DELETE", "/api/v1/session", "", session, "wrong").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/session", "", session).status, 200); // still signed in
  auto out = call("DELETE", "/api/v1/session", "", session, csrf);
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(header_value(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/session", "", session).status, 401);
}

TEST_F(ConsoleApiTest, RevokingTheUserOrTheTokenEndsTheSession) {
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  ASSERT_EQ(call("GET", "/api/v1/overview", "", session).status, 200);
  ASSERT_TRUE(store_->revoke_user("amina").ok());
  auto after = call("GET", "/api/v1/overview", "", session);
  EXPECT_EQ(after.status, 401);
  EXPECT_NE(after.body.find("revoked"), std::string::npos) << after.body;
}

TEST_F(ConsoleApiTest, ListsShowOnlyReadableCollectionsNewestFirst) {
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  auto list = call("GET", "/api/v1/objects", "", session);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.body.find(secret_id_), std::string::npos);
  auto objects = parse(list)["objects"].get_array().value();
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(std::string(objects.at(0)["id"].get_string().value()), report_id_);
  EXPECT_EQ(std::string(objects.at(1)["tlp"].get_string().value()), "TLP:AMBER");
  EXPECT_EQ(call("GET", std::string("/api/v1/objects?collection=") + kSecret, "", session).status,
            404);
  auto overview = call("GET", "/api/v1/overview", "", session);
  ASSERT_EQ(overview.status, 200);
  EXPECT_EQ(parse(overview)["total"].get_int64().value(), 2);
  EXPECT_EQ(overview.body.find("Secret"), std::string::npos);

  auto paged = call("GET", "/api/v1/objects?limit=1", "", session);
  auto first_page = parse(paged);
  ASSERT_TRUE(first_page["more"].get_bool().value());
  std::string next(first_page["next"].get_string().value());
  auto second = call("GET", "/api/v1/objects?limit=1&next=" + next, "", session);
  EXPECT_NE(second.body.find(shared_id_), std::string::npos) << second.body;
  EXPECT_EQ(call("GET", "/api/v1/objects?colour=red", "", session).status, 400);
  EXPECT_EQ(
      call("GET", "/api/v1/objects?type=indicator&tlp=TLP:RED", "", session).body.find(shared_id_),
      std::string::npos);
}

TEST_F(ConsoleApiTest, ObjectViewHidesWhatTheUserMayNotRead) {
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  EXPECT_EQ(call("GET", "/api/v1/objects/" + secret_id_, "", session).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/objects/not-an-id", "", session).status, 400);
  auto report = call("GET", "/api/v1/objects/" + report_id_, "", session);
  ASSERT_EQ(report.status, 200) << report.body;
  auto body = parse(report);
  // The secret indicator is referred to, but only its id (already in the report) shows.
  EXPECT_EQ(report.body.find("secret source"), std::string::npos);
  bool saw_unreadable = false;
  simdjson::dom::array references = body["references"].get_array().value();
  for (auto reference : references) {
    std::string id(reference["id"].get_string().value());
    if (id == secret_id_) {
      saw_unreadable = true;
      EXPECT_FALSE(reference["readable"].get_bool().value());
    }
  }
  EXPECT_TRUE(saw_unreadable);
  // The partner agency (a partner account exists) gets a decision with its reason.
  auto releases = body["releases"].get_array().value();
  ASSERT_EQ(releases.size(), 1u);
  EXPECT_EQ(std::string(releases.at(0)["agency"].get_string().value()), kPartner);
  EXPECT_FALSE(releases.at(0)["release"].get_bool().value()); // no TLP: never by machine
  EXPECT_FALSE(std::string(releases.at(0)["reason"].get_string().value()).empty());
  EXPECT_EQ(body["versions"].get_array().size(), 1u);
}

TEST_F(ConsoleApiTest, ObjectTextIsServedAsJsonNeverAsMarkup) {
  auto [session, csrf] = sign_in(R"({"user":"admin","password":"correct horse"})");
  auto response = call("GET", "/api/v1/objects/" + shared_id_, "", session);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type.rfind("application/json", 0), 0u);
  EXPECT_EQ(header_value(response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(std::string(parse(response)["object"]["name"].get_string().value()),
            "<script>alert(1)</script>");
  EXPECT_EQ(std::string(parse(response)["handling"]["tlp"].get_string().value()), "TLP:AMBER");
}

TEST_F(ConsoleApiTest, ConsoleFilesComeWithAStrictContentSecurityPolicy) {
  auto root = call("GET", "/");
  EXPECT_EQ(root.status, 302);
  EXPECT_EQ(header_value(root, "Location"), "/console/");
  auto page = call("GET", "/console/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type.rfind("text/html", 0), 0u);
  std::string policy = header_value(page, "Content-Security-Policy");
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(call("GET", "/console/no-such-file.js").status, 404);
  EXPECT_EQ(call("POST", "/console/").status, 405);
  // Every file the page names is served.
  for (const auto& asset : console::console_assets())
    EXPECT_EQ(call("GET", "/console/" + std::string(asset.path)).status, 200) << asset.path;
}

TEST_F(ConsoleApiTest, ServesOnlyItsOwnPaths) {
  EXPECT_TRUE(console::ConsoleApi::serves("/"));
  EXPECT_TRUE(console::ConsoleApi::serves("/console/assets/x.js"));
  EXPECT_TRUE(console::ConsoleApi::serves("/api/v1/objects"));
  EXPECT_FALSE(console::ConsoleApi::serves("/api/v1/policy/explain"));
  EXPECT_FALSE(console::ConsoleApi::serves("/taxii2/"));
  EXPECT_FALSE(console::ConsoleApi::serves("/tansiq/collections/"));
  EXPECT_FALSE(console::ConsoleApi::serves("/consoles"));
}

TEST_F(ConsoleApiTest, GraphShowsReferencesAndRelationshipsWithinReadRights) {
  const std::string relationship = new_stix_id("relationship");
  add(kShared, relationship,
      R"({"type":"relationship","spec_version":"2.1","id":")" + relationship +
          R"(","created":"2024-01-03T00:00:00.000Z","modified":"2024-01-03T00:00:00.000Z","relationship_type":"indicates","source_ref":")" +
          shared_id_ + "\",\"target_ref\":\"" + secret_id_ + "\"}");
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  auto graph = call("GET", "/api/v1/objects/" + shared_id_ + "/graph", "", session);
  ASSERT_EQ(graph.status, 200) << graph.body;
  auto body = parse(graph);
  std::map<std::string, bool> nodes; // id -> readable
  simdjson::dom::array node_list = body["nodes"].get_array().value();
  for (auto node : node_list) {
    bool readable = true;
    if (node["readable"].get_bool().get(readable) != simdjson::SUCCESS)
      readable = true;
    nodes[std::string(node["id"].get_string().value())] = readable;
  }
  // The report refers to the indicator; the relationship goes to the secret one.
  EXPECT_TRUE(nodes.count(report_id_));
  ASSERT_TRUE(nodes.count(secret_id_));
  EXPECT_FALSE(nodes[secret_id_]);
  EXPECT_EQ(graph.body.find("secret source"), std::string::npos);
  bool indicates = false;
  simdjson::dom::array edge_list = body["edges"].get_array().value();
  for (auto edge : edge_list)
    if (std::string(edge["label"].get_string().value()) == "indicates")
      indicates = std::string(edge["target"].get_string().value()) == secret_id_;
  EXPECT_TRUE(indicates);
  EXPECT_EQ(call("GET", "/api/v1/objects/" + secret_id_ + "/graph", "", session).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/objects/" + shared_id_ + "/elsewhere", "", session).status, 404);
}

TEST_F(ConsoleApiTest, LocationsCarryCoordinatesOrCountry) {
  const std::string sabha = new_stix_id("location"), libya = new_stix_id("location");
  add(kShared, sabha,
      R"({"type":"location","spec_version":"2.1","id":")" + sabha +
          R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Sabha","latitude":27.04,"longitude":14.43,"country":"LY"})");
  add(kSecret, libya,
      R"({"type":"location","spec_version":"2.1","id":")" + libya +
          R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Libya","country":"LY"})");
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  auto response = call("GET", "/api/v1/locations", "", session);
  ASSERT_EQ(response.status, 200) << response.body;
  simdjson::dom::array locations = parse(response)["locations"].get_array().value();
  ASSERT_EQ(locations.size(), 1u); // the secret collection's location is not shown
  EXPECT_EQ(std::string(locations.at(0)["name"].get_string().value()), "Sabha");
  EXPECT_NEAR(locations.at(0)["latitude"].get_double().value(), 27.04, 1e-6);
  EXPECT_NEAR(locations.at(0)["longitude"].get_double().value(), 14.43, 1e-6);
}

TEST_F(ConsoleApiTest, ScreeningFindsReadablePersonsAcrossScripts) {
  const std::string person = new_stix_id("identity"), hidden = new_stix_id("identity");
  add(kShared, person,
      R"({"type":"identity","spec_version":"2.1","id":")" + person +
          R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Abdellatif Hammouchi","identity_class":"individual","x_tansiq_names":["عبد اللطيف الحموشي"]})");
  add(kSecret, hidden,
      R"({"type":"identity","spec_version":"2.1","id":")" + hidden +
          R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Abdelatif Hamouchi","identity_class":"individual"})");
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  auto response = call("GET",
                       "/api/v1/"
                       "screen?name=%D8%B9%D8%A8%D8%AF%20%D8%A7%D9%84%D9%84%D8%B7%D9%8A%D9%81%20%"
                       "D8%A7%D9%84%D8%AD%D9%85%D9%88%D8%B4%D9%8A",
                       "", session);
  ASSERT_EQ(response.status, 200) << response.body;
  simdjson::dom::array candidates = parse(response)["candidates"].get_array().value();
  ASSERT_EQ(candidates.size(), 1u) << response.body;
  EXPECT_EQ(std::string(candidates.at(0)["id"].get_string().value()), person);
  EXPECT_GE(candidates.at(0)["score"].get_double().value(), 0.8);
  EXPECT_GT(candidates.at(0)["parts"].get_array().size(), 0u);
  EXPECT_EQ(response.body.find(hidden), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/screen", "", session).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/screen?name=x&threshold=2", "", session).status, 400);
}

TEST_F(ConsoleApiTest, SearchReturnsOnlyReadableObjects) {
  std::string index = dir_.file("search");
  ASSERT_TRUE(search::catch_up(*store_, index).ok());
  api_ = std::make_unique<console::ConsoleApi>(
      *store_, console::ConsoleSettings{"Rabat", kHome, false, index});
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  auto found = call("GET", "/api/v1/search?q=dismantled", "", session);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_NE(found.body.find(report_id_), std::string::npos) << found.body;
  auto secret = call("GET", "/api/v1/search?q=secret%20source", "", session);
  ASSERT_EQ(secret.status, 200) << secret.body;
  EXPECT_EQ(secret.body.find(secret_id_), std::string::npos) << secret.body;
  // The admin reads every collection, so finds it.
  auto [admin_session, admin_csrf] = sign_in(R"({"user":"admin","password":"correct horse"})");
  auto admin = call("GET", "/api/v1/search?q=secret%20source", "", admin_session);
  EXPECT_NE(admin.body.find(secret_id_), std::string::npos) << admin.body;
  EXPECT_EQ(call("GET", "/api/v1/search?q=x&limit=many", "", session).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/search?q=x&colour=red", "", session).status, 400);
}

TEST_F(ConsoleApiTest, ArticlesPostedBecomeReportsInAWritableCollection) {
  int added_calls = 0;
  api_ = std::make_unique<console::ConsoleApi>(
      *store_, console::ConsoleSettings{"Rabat", kHome, false, "", kShared,
                                        [&added_calls] { ++added_calls; }});
  std::string article =
      "تفكيك خلية إرهابية بمدينة طنجة\n"
      "الرباط – 18 يوليو 2024\n"
      "أعلن المكتب المركزي للأبحاث القضائية عن تفكيك خلية إرهابية تتكون من أربعة أشخاص موالين "
      "لتنظيم داعش بمدينة طنجة.\n";
  // The analyst may read the shared collection but not write it.
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  EXPECT_EQ(call("POST", "/api/v1/articles", article, session, csrf).status, 403);
  auto [admin_session, admin_csrf] = sign_in(R"({"user":"admin","password":"correct horse"})");
  EXPECT_EQ(call("POST", "/api/v1/articles", article, admin_session).status, 403); // no CSRF
  auto posted =
      call("POST", "/api/v1/articles?lang=ar&tlp=amber&source_url=https%3A%2F%2Fexample.org%2Fa",
           article, admin_session, admin_csrf);
  ASSERT_EQ(posted.status, 201) << posted.body;
  auto body = parse(posted);
  std::string report_id(body["report_id"].get_string().value());
  EXPECT_EQ(report_id.rfind("report--", 0), 0u);
  EXPECT_GE(body["found"]["places"].get_int64().value(), 1);
  EXPECT_GE(body["found"]["groups"].get_int64().value(), 1);
  EXPECT_EQ(added_calls, 1);
  auto stored = store_->find_latest(report_id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  // The same article again is recognised, not stored twice.
  auto again = call("POST", "/api/v1/articles", article, admin_session, admin_csrf);
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(parse(again)["already_stored"].get_bool().value());
  // Syndicated with a sentence added and from another source: linked to the report, which
  // gets a new version citing the new source; no second report.
  auto reports_before = store_->latest_of_type("report");
  ASSERT_TRUE(reports_before.ok());
  auto variant =
      call("POST", "/api/v1/articles?source_url=https%3A%2F%2Fexample.net%2Fb",
           article + "وأكدت مصادر مطلعة أن التحقيق متواصل.\n", admin_session, admin_csrf);
  ASSERT_EQ(variant.status, 200) << variant.body;
  auto linked = parse(variant);
  EXPECT_EQ(std::string(linked["near_duplicate_of"]["report_id"].get_string().value()), report_id);
  EXPECT_GE(linked["near_duplicate_of"]["similarity"].get_double().value(), 0.5);
  EXPECT_TRUE(linked["near_duplicate_of"]["source_added"].get_bool().value());
  auto cited = store_->find_latest(report_id);
  ASSERT_TRUE(cited.ok() && cited->has_value());
  EXPECT_NE((*cited)->json.find("https://example.org/a"), std::string::npos);
  EXPECT_NE((*cited)->json.find("https://example.net/b"), std::string::npos);
  auto reports = store_->latest_of_type("report");
  ASSERT_TRUE(reports.ok());
  EXPECT_EQ(reports->size(), reports_before->size());
  // windows-1256 bytes, said so: decoded; unknown encodings are refused.
  std::string other = "<p>اعتقلت السلطات الموريتانية في نواكشوط ثلاثة أشخاص يشتبه في انتمائهم "
                      "إلى تنظيم القاعدة في بلاد المغرب الإسلامي.</p>";
  auto unicode = icu::UnicodeString::fromUTF8(other);
  std::string cp1256(other.size() + 16, '\0');
  cp1256.resize(static_cast<std::size_t>(unicode.extract(
      0, unicode.length(), cp1256.data(), static_cast<uint32_t>(cp1256.size()), "windows-1256")));
  auto decoded =
      call("POST", "/api/v1/articles?encoding=windows-1256", cp1256, admin_session, admin_csrf);
  ASSERT_EQ(decoded.status, 201) << decoded.body;
  EXPECT_EQ(std::string(parse(decoded)["charset"].get_string().value()), "windows-1256");
  EXPECT_EQ(
      call("POST", "/api/v1/articles?encoding=latin9", other, admin_session, admin_csrf).status,
      400);
  // Bad input: a precise error, nothing stored.
  auto binary =
      call("POST", "/api/v1/articles", std::string("abc\0def", 7), admin_session, admin_csrf);
  EXPECT_EQ(binary.status, 400) << binary.body;
  EXPECT_EQ(call("POST", "/api/v1/articles?lang=xx", article, admin_session, admin_csrf).status,
            400);
  EXPECT_EQ(
      call("POST", "/api/v1/articles?collection=nope", article, admin_session, admin_csrf).status,
      404);
  EXPECT_EQ(call("GET", "/api/v1/articles", "", admin_session).status, 405);
}

TEST_F(ConsoleApiTest, ListsFilterByTlpOriginAndDateAndTheOverviewCountsThem) {
  ASSERT_TRUE(store_
                  ->add_provenance(std::vector<store::Provenance>{
                      {report_id_, 1, kPartner, "x-tansiq-agreement--1", 5}})
                  .ok());
  auto [session, csrf] = sign_in("{\"token\":\"" + amina_token_ + "\"}");
  auto ids = [&](const std::string& query) {
    auto list = call("GET", "/api/v1/objects?" + query, "", session);
    EXPECT_EQ(list.status, 200) << list.body;
    std::vector<std::string> found;
    simdjson::dom::array objects;
    if (parse(list)["objects"].get_array().get(objects) == simdjson::SUCCESS)
      for (auto object : objects)
        found.emplace_back(object["id"].get_string().value());
    return found;
  };
  EXPECT_EQ(ids("tlp=TLP:AMBER"), std::vector<std::string>{shared_id_});
  EXPECT_EQ(ids("tlp=none"), std::vector<std::string>{report_id_});
  EXPECT_TRUE(ids("tlp=TLP:RED").empty());
  EXPECT_EQ(ids(std::string("origin=") + kPartner), std::vector<std::string>{report_id_});
  EXPECT_TRUE(ids("added_after=2999-01-01T00:00:00Z").empty());
  EXPECT_EQ(ids("added_before=2999-01-01T00:00:00Z").size(), 2u);
  EXPECT_TRUE(ids("added_before=2000-01-01T00:00:00Z").empty());

  auto bad_tlp = call("GET", "/api/v1/objects?tlp=amber", "", session);
  EXPECT_EQ(bad_tlp.status, 400);
  EXPECT_NE(bad_tlp.body.find("TLP:AMBER+STRICT"), std::string::npos) << bad_tlp.body;
  auto bad_origin = call("GET", "/api/v1/objects?origin=brussels", "", session);
  EXPECT_EQ(bad_origin.status, 400);
  EXPECT_NE(bad_origin.body.find("identity"), std::string::npos) << bad_origin.body;

  auto overview = parse(call("GET", "/api/v1/overview", "", session));
  std::map<std::string, std::int64_t> tlps;
  simdjson::dom::array tlp_entries = overview["tlps"].get_array().value();
  for (auto entry : tlp_entries)
    tlps[std::string(entry["tlp"].get_string().value())] = entry["count"].get_int64().value();
  // The secret collection's unmarked indicator is not counted for this analyst.
  EXPECT_EQ(tlps, (std::map<std::string, std::int64_t>{{"", 1}, {"TLP:AMBER", 1}}));
  auto origins = overview["origins"].get_array().value();
  ASSERT_EQ(origins.size(), 1u);
  EXPECT_EQ(std::string(origins.at(0)["agency"].get_string().value()), kPartner);
  EXPECT_EQ(std::string(origins.at(0)["collection"].get_string().value()), kShared);
  EXPECT_EQ(origins.at(0)["count"].get_int64().value(), 1);
}
