// scan_references (the store's write path, on minified text) must find exactly
// what collect_references finds on the parsed object.
#include "stix/bundle_reader.h"
#include "stix/references.h"
#include "support/attack_bundle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace tansiq::stix;

namespace {

std::vector<std::string_view> sorted(std::vector<std::string_view> values) {
  std::sort(values.begin(), values.end());
  return values;
}

// Compares both ways of finding references on every object of a bundle.
size_t compare_on_bundle(const std::string& bytes) {
  auto bundle = read_bundle(bytes, Container::bundle);
  EXPECT_TRUE(bundle.ok());
  if (!bundle.ok())
    return 0;
  simdjson::dom::parser parser;
  size_t found = 0;
  for (const auto& object : bundle->accepted) {
    simdjson::dom::element element;
    EXPECT_EQ(parser.parse(object.json).get(element), simdjson::SUCCESS);
    std::vector<std::string_view> parsed, scanned;
    collect_references(element, parsed, {"object_marking_refs", "created_by_ref"});
    scan_references(object.json, scanned, {"object_marking_refs", "created_by_ref"});
    EXPECT_EQ(sorted(parsed), sorted(scanned)) << object.json;
    found += scanned.size();
  }
  return found;
}

} // namespace

TEST(ScanReferences, FindsWhatParsingFindsOnTheAttackBundle) {
  std::string bytes = tansiq::test_support::read_attack_bundle();
  ASSERT_GT(bytes.size(), 1000000u) << "could not decompress the ATT&CK bundle";
  EXPECT_GT(compare_on_bundle(bytes), 20000u);
}

TEST(ScanReferences, FindsWhatParsingFindsOnTheOasisExamples) {
  const std::filesystem::path root = "../shared/data/stix2.1-examples";
  ASSERT_TRUE(std::filesystem::is_directory(root)) << "run the tests from the repository root";
  size_t found = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".json")
      continue;
    std::ifstream file(entry.path());
    std::stringstream bytes;
    bytes << file.rdbuf();
    std::string text = bytes.str();
    if (text.find("\"type\": \"bundle\"") == std::string::npos &&
        text.find("\"type\":\"bundle\"") == std::string::npos) // a lone object: bundle it
      text = R"({"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[)" +
             text + "]}";
    found += compare_on_bundle(text);
  }
  EXPECT_GT(found, 10u);
}

TEST(ScanReferences, KeysInsideValuesAndLongerKeysAreNotReferences) {
  std::vector<std::string_view> found;
  scan_references(
      R"({"description":"a \"x_ref\":\"fake--1\" in text","my_reference":"no","source_ref":"malware--2",)"
      R"("sample_refs":["file--3","file--4"],"extensions":{"e":{"deep_ref":"file--5"}},)"
      R"("created_by_ref":"identity--6","empty_refs":[]})",
      found, {"created_by_ref"});
  EXPECT_EQ(sorted(found),
            (std::vector<std::string_view>{"file--3", "file--4", "file--5", "malware--2"}));
}
