// An acknowledged POST survives `kill -9`: `tansiq serve` (the real binary) is
// killed right after its 202s, restarted on the same node, and asked for
// every object it acknowledged. A POST in flight at the kill is all or nothing.
// Once on each store back end: SQLite, and PostgreSQL (a real server, which
// survives the node's kill -9 as a production database would).
#include "support/http_client.h"
#include "support/node_init.h"
#include "support/postgres_server.h"
#include "support/served_node.h"
#include "support/stix_objects.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <set>

using namespace tansiq;
using test_support::HttpClient;
using test_support::HttpHeaders;

namespace {

constexpr const char* kTaxii = "application/taxii+json;version=2.1";
constexpr int kRounds = 5;
constexpr int kPostsPerRound = 10;
constexpr int kObjectsPerPost = 20; // 200 acknowledged objects a round

// Every object id in the collection, walking the pages.
std::set<std::string> stored_ids(HttpClient& client, const HttpHeaders& headers,
                                 const std::string& objects_path) {
  std::set<std::string> ids;
  simdjson::dom::parser parser;
  std::string next;
  for (int page = 0; page < 1000; ++page) {
    auto response = client.request(
        "GET", objects_path + "?limit=500" + (next.empty() ? "" : "&next=" + next), headers);
    if (response.status != 200)
      throw std::runtime_error("GET objects: " + std::to_string(response.status) + " " +
                               response.body);
    simdjson::dom::element body = parser.parse(response.body).value();
    simdjson::dom::array objects;
    if (!body["objects"].get_array().get(objects))
      for (auto object : objects)
        ids.insert(std::string(object["id"].get_string().value()));
    if (!body["more"].get_bool().value())
      return ids;
    next = std::string(body["next"].get_string().value());
  }
  throw std::runtime_error("GET objects: the pages do not end");
}

class CrashDurability : public ::testing::TestWithParam<std::string> {};

} // namespace

std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CrashDurability, ::testing::Values("sqlite"), backend_name);
INSTANTIATE_TEST_SUITE_P(Postgres, CrashDurability, ::testing::Values("postgresql"), backend_name);

TEST_P(CrashDurability, AcknowledgedObjectsSurviveKill9) {
  test_support::TempDir dir;
  std::unique_ptr<test_support::ScratchPostgres> database;
  if (GetParam() == "postgresql") {
    try {
      database = std::make_unique<test_support::ScratchPostgres>();
    } catch (const std::exception& error) {
      FAIL() << "no PostgreSQL server for the test: " << error.what();
    }
  }
  auto node = test_support::init_node(dir.file("node"), database ? database->uri() : "");
  const std::string objects_path = "/tansiq/collections/" + node.default_collection + "/objects/";
  const HttpHeaders headers{{"Accept", kTaxii}, {"Authorization", "Bearer " + node.admin_token}};
  HttpHeaders post_headers = headers;
  post_headers.emplace_back("Content-Type", kTaxii);

  std::set<std::string> initial; // a new node may hold objects of its own
  std::set<std::string> acknowledged;
  std::vector<std::vector<std::string>> in_flight; // one POST per round, answer never read

  for (int round = 0; round <= kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    test_support::ServedNode server(node.directory);
    HttpClient client(server.port());

    // Whatever was acknowledged before the last kill is here; each POST in
    // flight at a kill is there entirely or not at all.
    auto ids = stored_ids(client, headers, objects_path);
    if (round == 0)
      initial = ids;
    for (const auto& id : initial)
      ASSERT_TRUE(ids.count(id)) << id;
    for (const auto& id : acknowledged)
      ASSERT_TRUE(ids.count(id)) << id << " was acknowledged (202) but is gone";
    size_t expected = initial.size() + acknowledged.size();
    size_t survivors = 0;
    for (const auto& batch : in_flight) {
      size_t present = 0;
      for (const auto& id : batch)
        present += ids.count(id);
      EXPECT_TRUE(present == 0 || present == batch.size())
          << present << " of " << batch.size() << " objects of one POST survived";
      expected += present;
      survivors += present == batch.size() ? 1 : 0;
    }
    EXPECT_EQ(ids.size(), expected) << "objects nobody posted appeared";
    if (round == kRounds) {
      std::cerr << "POSTs in flight at a kill -9 that were stored: " << survivors << " of "
                << in_flight.size() << "\n";
      break;
    }

    for (int post = 0; post < kPostsPerRound; ++post) {
      std::vector<std::string> objects, batch;
      for (int i = 0; i < kObjectsPerPost; ++i) {
        batch.push_back(test_support::new_stix_id("indicator"));
        objects.push_back(test_support::indicator_json(batch.back()));
      }
      auto response =
          client.request("POST", objects_path, post_headers, test_support::envelope_json(objects));
      ASSERT_EQ(response.status, 202) << response.body;
      acknowledged.insert(batch.begin(), batch.end());
    }

    // One more POST on its own connection, then kill -9 without waiting.
    std::vector<std::string> objects, batch;
    for (int i = 0; i < kObjectsPerPost; ++i) {
      batch.push_back(test_support::new_stix_id("indicator"));
      objects.push_back(test_support::indicator_json(batch.back()));
    }
    HttpClient pending(server.port());
    pending.send_only("POST", objects_path, post_headers, test_support::envelope_json(objects));
    in_flight.push_back(batch);

    auto ended = server.stop(SIGKILL);
    EXPECT_EQ(ended.signal, SIGKILL);
  }
  EXPECT_EQ(acknowledged.size(), static_cast<size_t>(kRounds * kPostsPerRound * kObjectsPerPost));
}
