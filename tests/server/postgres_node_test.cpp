// A node whose store is PostgreSQL, end to end: `tansiq init --store
// postgresql://...` writes the back end into the node's configuration, `tansiq
// serve` (the real binary) opens it, and TAXII over loopback returns what was
// POSTed byte for byte, kept in the PostgreSQL database (no SQLite file).
#include "store/store.h"
#include "support/http_client.h"
#include "support/node_init.h"
#include "support/postgres_server.h"
#include "support/process.h"
#include "support/served_node.h"
#include "support/stix_objects.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace tansiq;
using test_support::HttpClient;
using test_support::HttpHeaders;

namespace {

constexpr const char* kTaxii = "application/taxii+json;version=2.1";

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class PostgresNode : public ::testing::Test {
protected:
  void SetUp() override {
    try {
      database_ = std::make_unique<test_support::ScratchPostgres>();
    } catch (const std::exception& error) {
      FAIL() << "no PostgreSQL server for the test: " << error.what();
    }
  }

  test_support::TempDir dir_;
  std::unique_ptr<test_support::ScratchPostgres> database_;
};

} // namespace

TEST_F(PostgresNode, ServesTaxiiAndPostedBytesComeBackVerbatim) {
  auto node = test_support::init_node(dir_.file("node"), database_->uri());
  std::string config = read_file(dir_.file("node") + "/tansiq.toml");
  EXPECT_TRUE(config.find("backend = 'postgresql'") != std::string::npos ||
              config.find("backend = \"postgresql\"") != std::string::npos)
      << config;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("node") + "/store.sqlite"));

  const std::string objects_path = "/tansiq/collections/" + node.default_collection + "/objects/";
  const HttpHeaders headers{{"Accept", kTaxii}, {"Authorization", "Bearer " + node.admin_token}};
  HttpHeaders post_headers = headers;
  post_headers.emplace_back("Content-Type", kTaxii);
  std::vector<std::string> posted;
  for (int i = 0; i < 3; ++i)
    posted.push_back(test_support::indicator_json(test_support::new_stix_id("indicator")));
  // One with Arabic text and escapes, stored and served as the exact bytes.
  posted.push_back(
      R"({"type":"indicator","spec_version":"2.1","id":")" +
      test_support::new_stix_id("indicator") +
      R"(","created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","name":"مؤشر \"اختبار\" \\ \u00e9","pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix","valid_from":"2020-01-01T00:00:00Z"})");

  {
    test_support::ServedNode server(node.directory);
    HttpClient client(server.port());
    auto response =
        client.request("POST", objects_path, post_headers, test_support::envelope_json(posted));
    ASSERT_EQ(response.status, 202) << response.body;
    auto listed = client.request("GET", objects_path, headers);
    ASSERT_EQ(listed.status, 200) << listed.body;
    simdjson::dom::parser parser;
    simdjson::dom::element body = parser.parse(listed.body).value();
    simdjson::dom::array objects = body["objects"].get_array().value();
    std::vector<std::string> served;
    for (simdjson::dom::element object : objects)
      served.push_back(simdjson::minify(object));
    ASSERT_EQ(served.size(), posted.size()) << listed.body;
    for (const auto& object : posted)
      EXPECT_NE(listed.body.find(object), std::string::npos) << "not served verbatim: " << object;
    EXPECT_EQ(server.stop(SIGTERM).exit_code, 0);
  }

  // The objects are in the PostgreSQL database the configuration names.
  auto store = store::open_postgres_store(database_->uri(), false);
  ASSERT_TRUE(store.ok()) << store.error().describe();
  EXPECT_EQ((*store)->count_objects(node.default_collection).value(), posted.size());
}

TEST_F(PostgresNode, InitRefusesADatabaseThatHoldsANodeAlready) {
  test_support::init_node(dir_.file("first"), database_->uri());
  auto second = test_support::run_tansiq(
      {"init", dir_.file("second"), "--port", "0", "--store", database_->uri()});
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.err.find("holds a Tansiq store already"), std::string::npos) << second.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("second") + "/tansiq.toml"));
}

TEST(NodeStoreSelection, InitRejectsAStoreThatIsNeitherSqliteNorAUri) {
  test_support::TempDir dir;
  auto result = test_support::run_tansiq(
      {"init", dir.file("node"), "--port", "0", "--store", "mysql://localhost/x"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("--store"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("node") + "/tansiq.toml"));
}
