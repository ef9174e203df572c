// The tansiq binary as a user runs it: exit codes (README: 0 ok, 1 failure,
// 2 arguments, 3 invalid input, 4 not found, 5 exists), summaries, files.
#include "support/http_client.h"
#include "support/node_init.h"
#include "support/process.h"
#include "support/served_node.h"
#include "support/stix_objects.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace tansiq;
using test_support::ProcessResult;
using test_support::run_process;
using test_support::run_tansiq;

namespace {

constexpr const char* kDemo = "data/demo/cooperation-demo.json";
constexpr const char* kAttack = "../shared/data/attack/enterprise-attack.json.zst";
constexpr size_t kDemoObjects = 23;
constexpr size_t kDemoLocations = 10;

std::string describe(const ProcessResult& result) {
  return "exit " + std::to_string(result.exit_code) + (result.timed_out ? " (timed out)" : "") +
         "\n--- stdout:\n" + result.out.substr(0, 2000) + "\n--- stderr:\n" +
         result.err.substr(0, 2000);
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The number just before `label` in `text` ("23 added" -> 23); -1 if none.
long number_before(const std::string& text, const std::string& label) {
  size_t at = text.find(label);
  if (at == std::string::npos || at == 0)
    return -1;
  size_t start = at;
  while (start > 0 && std::isdigit(static_cast<unsigned char>(text[start - 1])))
    --start;
  return start == at ? -1 : std::stol(text.substr(start, at - start));
}

// "Imported ...: N added, M duplicate(s), R rejected, ..." -> {N, M, R}.
struct Summary {
  long added = -1, duplicates = -1, rejected = -1;
};
Summary summary_of(const std::string& err) {
  return {number_before(err, " added, "), number_before(err, " duplicate(s), "),
          number_before(err, " rejected, ")};
}

// `user list`: "ROLE STATE" of an account (its first and last columns after
// the name); "" if it is not listed.
std::string account(const std::string& listing, const std::string& name) {
  std::istringstream lines(listing);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::vector<std::string> columns;
    for (std::string column; fields >> column;)
      columns.push_back(column);
    if (columns.size() >= 3 && columns.front() == name)
      return columns[1] + " " + columns.back();
  }
  return {};
}

// The objects of a bundle, each as its exact JSON text; throws if not a bundle.
std::vector<std::string> bundle_objects(const std::string& bundle) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(bundle);
  simdjson::ondemand::document document = parser.iterate(padded);
  std::vector<std::string> objects;
  for (auto element : document["objects"].get_array()) {
    simdjson::ondemand::object object = element.get_object();
    objects.emplace_back(object.raw_json().value());
  }
  return objects;
}

// A bundle whose second object is invalid (a "created" that is no timestamp).
std::string bundle_with_one_invalid_object(std::string& invalid_id) {
  invalid_id = test_support::new_stix_id("indicator");
  std::string invalid =
      R"({"type":"indicator","spec_version":"2.1","id":")" + invalid_id +
      R"(","created":"yesterday","modified":"2020-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '198.51.100.2']","pattern_type":"stix","valid_from":"2020-01-01T00:00:00Z"})";
  return test_support::bundle_json(
      {test_support::indicator_json(test_support::new_stix_id("indicator")), invalid,
       test_support::indicator_json(test_support::new_stix_id("indicator"))});
}

class Cli : public ::testing::Test {
protected:
  void SetUp() override {
    node_ = test_support::init_node(dir_.file("node"));
    initial_ = count(); // a new node may hold objects of its own (its agency's identity)
    ASSERT_GE(initial_, 0);
  }

  ProcessResult tansiq(std::vector<std::string> args, const std::string& input = {},
                       std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    args.insert(args.begin(), {"--dir", node_.directory});
    return run_tansiq(args, input, timeout);
  }

  // The object count `collection list` shows for a collection (-1 if absent).
  long count(const std::string& collection = {}) {
    auto listed = tansiq({"collection", "list"});
    EXPECT_EQ(listed.exit_code, 0) << describe(listed);
    std::istringstream lines(listed.out);
    std::string line;
    const std::string& id = collection.empty() ? node_.default_collection : collection;
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string first;
      long objects = -1;
      if (fields >> first >> objects && first == id)
        return objects;
    }
    return -1;
  }

  test_support::TempDir dir_;
  test_support::InitializedNode node_;
  long initial_ = 0; // objects in the default collection of a new node
};

} // namespace

TEST_F(Cli, InitPrintsATokenAndRefusesAnExistingNode) {
  EXPECT_EQ(node_.admin_token.size(), 4u + 43u) << node_.admin_token;
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "node" / "tansiq.toml"));
  auto again = run_tansiq({"init", node_.directory});
  EXPECT_EQ(again.exit_code, 5) << describe(again);
  EXPECT_EQ(test_support::token_in(again.out), "");
  // The existing node is untouched: its token still opens it.
  auto listed = tansiq({"user", "list"});
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find("admin"), std::string::npos);
}

TEST_F(Cli, ImportsTheDemoBundleThenFindsDuplicates) {
  auto first = tansiq({"import", kDemo});
  ASSERT_EQ(first.exit_code, 0) << describe(first);
  auto summary = summary_of(first.err);
  EXPECT_EQ(summary.added, static_cast<long>(kDemoObjects)) << first.err;
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(count(), initial_ + static_cast<long>(kDemoObjects));

  auto again = tansiq({"import", kDemo});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  summary = summary_of(again.err);
  EXPECT_EQ(summary.added, 0) << again.err;
  EXPECT_EQ(summary.duplicates, static_cast<long>(kDemoObjects));
  EXPECT_EQ(count(), initial_ + static_cast<long>(kDemoObjects));
}

TEST_F(Cli, ImportsCompressedBundlesStdinAndDirectories) {
  std::string demo = read_file(kDemo);
  ASSERT_FALSE(demo.empty());
  auto gzip = run_process({"gzip", "-c"}, demo);
  ASSERT_EQ(gzip.exit_code, 0) << describe(gzip);
  write_file(dir_.file("demo.json.gz"), gzip.out);
  auto imported = tansiq({"import", dir_.file("demo.json.gz")});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_EQ(summary_of(imported.err).added, static_cast<long>(kDemoObjects));

  // A .json.zst of new objects, then the same bytes on stdin.
  std::vector<std::string> objects;
  for (int i = 0; i < 5; ++i)
    objects.push_back(test_support::indicator_json(test_support::new_stix_id("indicator")));
  auto zstd = run_process({"zstd", "-q", "-c"}, test_support::bundle_json(objects));
  ASSERT_EQ(zstd.exit_code, 0) << describe(zstd);
  write_file(dir_.file("new.json.zst"), zstd.out);
  imported = tansiq({"import", dir_.file("new.json.zst")});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_EQ(summary_of(imported.err).added, 5);
  imported = tansiq({"import", "-"}, zstd.out);
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_EQ(summary_of(imported.err).duplicates, 5) << imported.err;

  // A directory, recursively: bundles of every kind; other files are skipped.
  auto tree = dir_.path() / "bundles" / "nested";
  std::filesystem::create_directories(tree);
  std::vector<std::string> plain{
      test_support::indicator_json(test_support::new_stix_id("indicator"))};
  write_file((dir_.path() / "bundles" / "a.json").string(), test_support::bundle_json(plain));
  std::vector<std::string> packed{
      test_support::indicator_json(test_support::new_stix_id("indicator")),
      test_support::indicator_json(test_support::new_stix_id("indicator"))};
  auto gz = run_process({"gzip", "-c"}, test_support::bundle_json(packed));
  write_file((tree / "b.json.gz").string(), gz.out);
  write_file((tree / "notes.txt").string(), "not a bundle");
  imported = tansiq({"import", (dir_.path() / "bundles").string()});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_NE(imported.err.find("2 file(s)"), std::string::npos) << imported.err;
  EXPECT_EQ(summary_of(imported.err).added, 3);
  EXPECT_EQ(count(), initial_ + static_cast<long>(kDemoObjects) + 5 + 3);
}

TEST_F(Cli, MalformedJsonIsExit3AndChangesNothing) {
  ASSERT_EQ(tansiq({"import", kDemo}).exit_code, 0);
  write_file(dir_.file("broken.json"), "{\"type\":\"bundle\",\"objects\":[{\"type\":");
  auto imported = tansiq({"import", dir_.file("broken.json")});
  EXPECT_EQ(imported.exit_code, 3) << describe(imported);
  EXPECT_NE(imported.err.find("broken.json"), std::string::npos) << imported.err;
  EXPECT_EQ(count(), initial_ + static_cast<long>(kDemoObjects));

  auto from_stdin = tansiq({"import", "-"}, "not json at all");
  EXPECT_EQ(from_stdin.exit_code, 3) << describe(from_stdin);
  EXPECT_EQ(count(), initial_ + static_cast<long>(kDemoObjects));
}

TEST_F(Cli, ABundleWithOneInvalidObjectImportsTheValidOnes) {
  std::string invalid_id;
  write_file(dir_.file("mixed.json"), bundle_with_one_invalid_object(invalid_id));
  auto imported = tansiq({"import", dir_.file("mixed.json")});
  EXPECT_EQ(imported.exit_code, 3) << describe(imported);
  auto summary = summary_of(imported.err);
  EXPECT_EQ(summary.added, 2) << imported.err;
  EXPECT_EQ(summary.rejected, 1);
  EXPECT_NE(imported.err.find("$.objects[1]"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find(invalid_id), std::string::npos) << imported.err;
  EXPECT_EQ(count(), initial_ + 2);
}

TEST_F(Cli, ExportRoundTripsIntoAFreshNode) {
  ASSERT_EQ(tansiq({"import", kDemo}).exit_code, 0);
  // The demo holds two versions of one report: export gives the latest of each
  // object unless asked for every version.
  auto exported = tansiq({"export", "--all-versions", "-o", dir_.file("export.json")});
  ASSERT_EQ(exported.exit_code, 0) << describe(exported);
  auto objects = bundle_objects(read_file(dir_.file("export.json")));
  EXPECT_EQ(static_cast<long>(objects.size()), initial_ + static_cast<long>(kDemoObjects));
  EXPECT_NE(exported.err.find("Exported " + std::to_string(objects.size()) + " object(s)"),
            std::string::npos)
      << exported.err;
  auto to_stdout = tansiq({"export", "--all-versions"});
  ASSERT_EQ(to_stdout.exit_code, 0) << describe(to_stdout);
  EXPECT_EQ(bundle_objects(to_stdout.out), objects);
  auto latest = tansiq({"export"});
  ASSERT_EQ(latest.exit_code, 0) << describe(latest);
  EXPECT_EQ(bundle_objects(latest.out).size(), objects.size() - 1);

  // Into a fresh node: every object arrives, and comes out byte for byte.
  auto fresh = test_support::init_node(dir_.file("fresh"));
  auto imported = run_tansiq({"--dir", fresh.directory, "import", dir_.file("export.json")});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  auto summary = summary_of(imported.err);
  EXPECT_EQ(summary.added + summary.duplicates, static_cast<long>(objects.size())) << imported.err;
  EXPECT_GE(summary.added, static_cast<long>(kDemoObjects));
  auto again = run_tansiq({"--dir", fresh.directory, "export", "--all-versions"});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  auto fresh_objects = bundle_objects(again.out);
  for (const auto& object : objects)
    EXPECT_TRUE(std::find(fresh_objects.begin(), fresh_objects.end(), object) !=
                fresh_objects.end())
        << "missing from the fresh node: " << object;

  // -t location: the demo's locations and nothing else.
  auto locations = tansiq({"export", "-t", "location"});
  ASSERT_EQ(locations.exit_code, 0) << describe(locations);
  auto location_objects = bundle_objects(locations.out);
  EXPECT_EQ(location_objects.size(), kDemoLocations);
  for (const auto& object : location_objects)
    EXPECT_EQ(object.rfind("{\"type\":\"location\"", 0), 0u) << object;
}

TEST_F(Cli, ValidateNamesTheJsonPathOfEachViolation) {
  auto demo = run_tansiq({"validate", kDemo});
  EXPECT_EQ(demo.exit_code, 0) << describe(demo);

  std::string invalid_id;
  write_file(dir_.file("mixed.json"), bundle_with_one_invalid_object(invalid_id));
  auto broken = run_tansiq({"validate", dir_.file("mixed.json")});
  EXPECT_EQ(broken.exit_code, 3) << describe(broken);
  EXPECT_NE(broken.out.find(dir_.file("mixed.json") + ": $.objects[1].created: error:"),
            std::string::npos)
      << broken.out;

  write_file(dir_.file("malformed.json"), "{\"type\":");
  auto malformed = run_tansiq({"validate", dir_.file("malformed.json")});
  EXPECT_EQ(malformed.exit_code, 3) << describe(malformed);
  EXPECT_NE(malformed.out.find("malformed.json: $"), std::string::npos) << malformed.out;
}

TEST_F(Cli, CollectionAddAndList) {
  auto added = tansiq({"collection", "add", "Sahel watch", "--description", "shared with G5"});
  ASSERT_EQ(added.exit_code, 0) << describe(added);
  std::string id = added.out.substr(0, added.out.find('\n'));
  EXPECT_EQ(id.size(), 36u) << added.out;

  std::string fixed = "9a3e0b7c-1d2f-4a5b-8c6d-7e8f9a0b1c2d";
  ASSERT_EQ(tansiq({"collection", "add", "Fixed", "--id", fixed}).exit_code, 0);
  EXPECT_EQ(tansiq({"collection", "add", "Again", "--id", fixed}).exit_code, 5);
  EXPECT_EQ(tansiq({"collection", "add", "Bad", "--id", "not-a-uuid"}).exit_code, 3);

  auto listed = tansiq({"collection", "list"});
  ASSERT_EQ(listed.exit_code, 0) << describe(listed);
  EXPECT_NE(listed.out.find("Sahel watch"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find(fixed), std::string::npos);
  EXPECT_NE(listed.out.find("(default)"), std::string::npos);

  ASSERT_EQ(tansiq({"import", kDemo, "-c", fixed}).exit_code, 0);
  EXPECT_EQ(count(fixed), static_cast<long>(kDemoObjects));
  EXPECT_EQ(count(id), 0);
  EXPECT_EQ(count(), initial_);
  auto unknown = tansiq({"import", kDemo, "-c", "0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e"});
  EXPECT_EQ(unknown.exit_code, 4) << describe(unknown);
}

TEST_F(Cli, UserAddListRevokeAndTheServerAgrees) {
  auto added =
      tansiq({"user", "add", "amina", "--role", "liaison", "--read", node_.default_collection});
  ASSERT_EQ(added.exit_code, 0) << describe(added);
  std::string token = test_support::token_in(added.out);
  ASSERT_FALSE(token.empty()) << added.out;
  EXPECT_EQ(tansiq({"user", "add", "amina"}).exit_code, 5);
  auto with_password = tansiq({"user", "add", "karim", "--password-stdin"}, "long enough pw\n");
  EXPECT_EQ(with_password.exit_code, 0) << describe(with_password);
  auto short_password = tansiq({"user", "add", "omar", "--password-stdin"}, "short\n");
  EXPECT_EQ(short_password.exit_code, 3) << describe(short_password);

  auto listed = tansiq({"user", "list"});
  ASSERT_EQ(listed.exit_code, 0);
  EXPECT_EQ(account(listed.out, "amina"), "liaison active") << listed.out;
  EXPECT_EQ(account(listed.out, "admin"), "admin active") << listed.out;
  EXPECT_EQ(account(listed.out, "omar"), "") << listed.out;

  test_support::ServedNode server(node_.directory);
  test_support::HttpClient client(server.port());
  const std::string collection = "/tansiq/collections/" + node_.default_collection + "/objects/";
  auto as = [&](const std::string& bearer) {
    return client.request(
        "GET", collection,
        {{"Accept", "application/taxii+json;version=2.1"}, {"Authorization", "Bearer " + bearer}});
  };
  EXPECT_EQ(as(token).status, 200);

  auto revoked = tansiq({"user", "revoke", "amina"});
  ASSERT_EQ(revoked.exit_code, 0) << describe(revoked);
  auto refused = as(token);
  EXPECT_EQ(refused.status, 401) << refused.body;
  EXPECT_TRUE(refused.has_header("WWW-Authenticate"));
  EXPECT_EQ(as(node_.admin_token).status, 200);
  listed = tansiq({"user", "list"});
  EXPECT_EQ(account(listed.out, "amina"), "liaison revoked") << listed.out;
  EXPECT_EQ(tansiq({"user", "revoke", "nobody"}).exit_code, 4);

  auto stopped = server.stop(SIGTERM);
  EXPECT_EQ(stopped.exit_code, 0) << "a clean stop on SIGTERM";
}

TEST_F(Cli, AFailedUserAddChangesNoExistingAccount) {
  std::string other = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
  ASSERT_EQ(tansiq({"collection", "add", "Other", "--id", other}).exit_code, 0);
  auto reader = tansiq({"user", "add", "reader", "--read", other});
  ASSERT_EQ(reader.exit_code, 0) << describe(reader);

  // Adding an account that exists fails, and must not grant it new rights.
  auto again = tansiq({"user", "add", "reader", "--write", other});
  EXPECT_EQ(again.exit_code, 5) << describe(again);
  // A grant naming an unknown collection grants nothing.
  auto partial = tansiq({"user", "grant", "reader", "--write", other, "--write",
                         "0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e"});
  EXPECT_EQ(partial.exit_code, 4) << describe(partial);

  test_support::ServedNode server(node_.directory);
  test_support::HttpClient client(server.port());
  auto posted =
      client.request("POST", "/tansiq/collections/" + other + "/objects/",
                     {{"Accept", "application/taxii+json;version=2.1"},
                      {"Content-Type", "application/taxii+json;version=2.1"},
                      {"Authorization", "Bearer " + test_support::token_in(reader.out)}},
                     test_support::envelope_json(
                         {test_support::indicator_json(test_support::new_stix_id("indicator"))}));
  EXPECT_EQ(posted.status, 403) << posted.body;

  // An account for a collection that does not exist is not created.
  auto unknown = tansiq({"user", "add", "ghost", "--read", "0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e"});
  EXPECT_EQ(unknown.exit_code, 4) << describe(unknown);
  EXPECT_EQ(account(tansiq({"user", "list"}).out, "ghost"), "");
}

TEST_F(Cli, HelpUsageErrorsAndMissingNodes) {
  for (std::vector<std::string> command : {std::vector<std::string>{},
                                           {"init"},
                                           {"serve"},
                                           {"import"},
                                           {"export"},
                                           {"validate"},
                                           {"collection"},
                                           {"collection", "add"},
                                           {"collection", "list"},
                                           {"user"},
                                           {"user", "add"},
                                           {"user", "list"},
                                           {"user", "revoke"},
                                           {"user", "grant"}}) {
    command.push_back("--help");
    auto help = run_tansiq(command);
    EXPECT_EQ(help.exit_code, 0) << command.front() << ": " << describe(help);
    EXPECT_NE(help.out.find("Usage"), std::string::npos) << help.out;
  }
  EXPECT_EQ(run_tansiq({"import", "--no-such-option", kDemo}).exit_code, 2);
  EXPECT_EQ(run_tansiq({"--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run_tansiq({}).exit_code, 2);
  EXPECT_EQ(run_tansiq({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_tansiq({"serve", "--port", "70000"}).exit_code, 2);

  std::string missing = dir_.file("no-node-here");
  for (std::vector<std::string> command : {std::vector<std::string>{"import", kDemo},
                                           {"export"},
                                           {"collection", "list"},
                                           {"user", "list"},
                                           {"serve", "--port", "0"}}) {
    command.insert(command.begin(), {"--dir", missing});
    auto result = run_tansiq(command);
    EXPECT_EQ(result.exit_code, 4) << command[2] << ": " << describe(result);
  }
  auto missing_file = tansiq({"import", dir_.file("nothing.json")});
  EXPECT_EQ(missing_file.exit_code, 4) << describe(missing_file);
}

TEST_F(Cli, ImportsTheAttackBundleFromAPipe) {
  if (!std::filesystem::exists(kAttack))
    GTEST_SKIP() << kAttack << " is not here";
  auto started = std::chrono::steady_clock::now();
  // zstd -dc FILE | tansiq --dir DIR import -   ($0.. keep the paths unquoted-safe)
  auto imported = run_process({"/bin/sh", "-c", "zstd -dc \"$0\" | \"$1\" --dir \"$2\" import -",
                               kAttack, test_support::tansiq_binary(), node_.directory},
                              {}, std::chrono::seconds(180));
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_EQ(summary_of(imported.err).added, 24772) << imported.err;
  EXPECT_EQ(count(), initial_ + 24772);
  std::cerr << "ATT&CK import: "
            << std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count()
            << " ms\n";
}
