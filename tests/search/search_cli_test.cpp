// `tansiq search` on the sample press articles, run as a user would: the index catches up
// after ingest, Arabic morphology, filters, collections, output formats, exit codes.
#include "support/node_init.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace tansiq;
using test_support::ProcessResult;
using test_support::run_tansiq;

namespace {

constexpr const char* kArticles = "../shared/samples/articles";

std::string describe(const ProcessResult& result) {
  return "exit " + std::to_string(result.exit_code) + "\n--- stdout:\n" +
         result.out.substr(0, 3000) + "\n--- stderr:\n" + result.err.substr(0, 3000);
}

struct Hit {
  std::string id, type, collection, date, title;
  double score = 0;
  std::vector<std::string> highlighted;
  std::string snippet;
};

struct Found {
  std::vector<Hit> hits;
  std::size_t total = 0;
  std::vector<std::string> notes;
};

Found parse_results(const std::string& json) {
  Found found;
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(json);
  found.total = static_cast<std::size_t>(root["total_estimate"].get_int64().value());
  for (auto note : root["notes"].get_array())
    found.notes.emplace_back(note.get_string().value());
  for (auto element : root["hits"].get_array()) {
    Hit hit;
    hit.id = std::string(element["id"].get_string().value());
    hit.type = std::string(element["type"].get_string().value());
    hit.collection = std::string(element["collection"].get_string().value());
    hit.date = std::string(element["date"].get_string().value());
    hit.title = std::string(element["title"].get_string().value());
    hit.score = element["score"].get_double().value();
    for (auto segment : element["snippet"].get_array()) {
      std::string text(segment["text"].get_string().value());
      hit.snippet += text;
      if (segment["highlighted"].get_bool().value())
        hit.highlighted.push_back(text);
    }
    found.hits.push_back(std::move(hit));
  }
  return found;
}

struct Report {
  std::string id, published;
  std::vector<std::string> refs;
};

class SearchCli : public ::testing::Test {
protected:
  void SetUp() override {
    node_ = test_support::init_node(dir_.file("node"));
    auto ingested = tansiq({"ingest", kArticles});
    ASSERT_EQ(ingested.exit_code, 0) << describe(ingested);
    ingest_output_ = ingested.out;
  }

  ProcessResult tansiq(std::vector<std::string> args) {
    args.insert(args.begin(), {"--dir", node_.directory});
    return run_tansiq(args);
  }

  Found search(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    args.push_back("--json");
    auto result = tansiq(args);
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    if (result.exit_code != 0)
      return {};
    return parse_results(result.out);
  }

  // The report ingested from a sample file (from ingest's "FILE: report--..." line).
  std::string report_of(const std::string& file) {
    std::string key = std::string(kArticles) + "/" + file + ": report--";
    auto at = ingest_output_.find(key);
    if (at == std::string::npos)
      return {};
    return ingest_output_.substr(at + key.size() - 8, 8 + 36);
  }

  std::map<std::string, Report> reports() {
    auto exported = tansiq({"export", "-t", "report"});
    EXPECT_EQ(exported.exit_code, 0) << describe(exported);
    std::map<std::string, Report> out;
    simdjson::dom::parser parser;
    simdjson::dom::element root = parser.parse(exported.out);
    for (auto object : root["objects"].get_array()) {
      Report report;
      report.id = std::string(object["id"].get_string().value());
      report.published = std::string(object["published"].get_string().value());
      for (auto ref : object["object_refs"].get_array())
        report.refs.emplace_back(ref.get_string().value());
      out[report.id] = report;
    }
    return out;
  }

  test_support::TempDir dir_;
  test_support::InitializedNode node_;
  std::string ingest_output_;
};

TEST_F(SearchCli, IngestedArticlesAreFoundThroughTheirInflectedForms) {
  EXPECT_TRUE(std::filesystem::is_directory(node_.directory + "/search"));
  auto reports_by_id = reports();
  ASSERT_EQ(reports_by_id.size(), 5u);

  // Every sample but one speaks of Morocco, as «المغرب», «والمغرب», «بالمغرب», «المغربية»...
  std::set<std::string> found_for_bare;
  for (const auto& hit : search({"المغرب", "--type", "report", "--limit", "50"}).hits)
    found_for_bare.insert(hit.id);
  EXPECT_GE(found_for_bare.size(), 4u);
  for (const char* form : {"والمغرب", "بالمغرب", "المغربية", "للمغرب"}) {
    std::set<std::string> ids;
    for (const auto& hit : search({form, "--type", "report", "--limit", "50"}).hits)
      ids.insert(hit.id);
    EXPECT_EQ(ids, found_for_bare) << form;
  }

  // The Olympics article is the one about the Olympic games.
  auto olympics = report_of("2024-07-olympics-moroccan-security-paris.txt");
  ASSERT_FALSE(olympics.empty()) << ingest_output_;
  auto games = search({"الألعاب الأولمبية"});
  ASSERT_FALSE(games.hits.empty());
  EXPECT_EQ(games.hits[0].id, olympics);
  EXPECT_GT(games.hits[0].score, 0.0);
  ASSERT_FALSE(games.hits[0].highlighted.empty()) << games.hits[0].snippet;
  EXPECT_NE(games.hits[0].snippet.find(games.hits[0].highlighted[0]), std::string::npos);
}

TEST_F(SearchCli, FiltersByTypeDateAndEntity) {
  auto places = search({"باريس", "--type", "location"});
  for (const auto& hit : places.hits)
    EXPECT_EQ(hit.type, "location") << hit.id;

  auto reports_by_id = reports();
  auto old = search({"الإرهابية", "--to", "2016-12-31", "--limit", "50"});
  ASSERT_FALSE(old.hits.empty());
  for (const auto& hit : old.hits)
    EXPECT_LE(hit.date.substr(0, 10), "2016-12-31") << hit.id;
  auto recent = search({"الإرهابية", "--from", "2017-01-01", "--limit", "50"});
  for (const auto& hit : recent.hits)
    EXPECT_GE(hit.date.substr(0, 10), "2017-01-01") << hit.id;
  auto all = search({"الإرهابية", "--limit", "50"});
  EXPECT_EQ(all.hits.size(), old.hits.size() + recent.hits.size());

  // An entity: exactly the reports that refer to it, whatever the words.
  const auto& some_report = reports_by_id.begin()->second;
  ASSERT_FALSE(some_report.refs.empty());
  const std::string entity = some_report.refs.front();
  std::set<std::string> expected;
  for (const auto& [id, report] : reports_by_id)
    if (std::find(report.refs.begin(), report.refs.end(), entity) != report.refs.end())
      expected.insert(id);
  std::set<std::string> got;
  for (const auto& hit : search({"", "--entity", entity, "--limit", "50"}).hits)
    got.insert(hit.id);
  EXPECT_EQ(got, expected);
}

TEST_F(SearchCli, OnlyTheCollectionsAskedForAndUnknownOnesAreNotFound) {
  const std::string other = "0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e";
  ASSERT_EQ(tansiq({"collection", "add", "Other", "--id", other}).exit_code, 0);
  std::ofstream(dir_.file("zanzibar.txt"))
      << "تفكيك شبكة في زنجبار\nزنجبار، 3 مارس 2023\nأعلنت السلطات في زنجبار تفكيك شبكة.\n";
  auto ingested = tansiq({"ingest", dir_.file("zanzibar.txt"), "-c", other});
  ASSERT_EQ(ingested.exit_code, 0) << describe(ingested);

  EXPECT_TRUE(search({"زنجبار", "--collection", node_.default_collection}).hits.empty());
  auto in_other = search({"زنجبار", "--collection", other, "--type", "report"});
  ASSERT_EQ(in_other.hits.size(), 1u);
  EXPECT_EQ(in_other.hits[0].collection, other);
  EXPECT_FALSE(search({"زنجبار"}).hits.empty()) << "the local CLI reads every collection";

  auto unknown =
      tansiq({"search", "زنجبار", "--collection", "1b1b1b1b-0b0b-4c0c-8d0d-0e0e0e0e0e0e"});
  EXPECT_EQ(unknown.exit_code, 4) << describe(unknown);
}

TEST_F(SearchCli, HumanOutputBadQueriesAndStopWords) {
  auto shown = tansiq({"search", "الأولمبية", "--limit", "3"});
  ASSERT_EQ(shown.exit_code, 0) << describe(shown);
  EXPECT_EQ(shown.out.rfind("1. ", 0), 0u) << shown.out;
  EXPECT_NE(shown.out.find("report--"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("[الأولمبية]"), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find('\033'), std::string::npos) << "no escapes when not on a terminal";

  auto bad = tansiq({"search", "(المغرب"});
  EXPECT_EQ(bad.exit_code, 3) << describe(bad);
  EXPECT_NE(bad.err.find("query"), std::string::npos) << bad.err;
  auto bad_date = tansiq({"search", "المغرب", "--from", "yesterday"});
  EXPECT_EQ(bad_date.exit_code, 3) << describe(bad_date);

  auto stop = tansiq({"search", "في من"});
  EXPECT_EQ(stop.exit_code, 0) << describe(stop);
  EXPECT_TRUE(stop.out.empty()) << stop.out;
  EXPECT_NE(stop.err.find("stop-words"), std::string::npos) << stop.err;
}

} // namespace
