// The validator against real content: every OASIS STIX 2.1 example and the
// MITRE ATT&CK Enterprise bundle must validate without errors.
#include "stix/validate.h"
#include "support/attack_bundle.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

using namespace tansiq::stix;

namespace {

std::string describe(const std::vector<Violation>& violations, size_t limit = 20) {
  std::string text;
  size_t shown = 0;
  for (const auto& v : violations) {
    if (v.severity != Severity::error)
      continue;
    if (shown++ == limit)
      break;
    text += v.path + ": " + v.message + "\n";
  }
  return text;
}

// Validates a bundle's objects (or a single object), as the importer would.
std::vector<Violation> validate_document(simdjson::dom::element document) {
  std::vector<Violation> out;
  simdjson::dom::array objects;
  if (document["objects"].get_array().get(objects)) {
    validate_object(document, "$", out);
    return out;
  }
  size_t i = 0;
  for (simdjson::dom::element object : objects)
    validate_object(object, "$.objects[" + std::to_string(i++) + "]", out);
  return out;
}

} // namespace

TEST(ValidateCorpus, EveryOasisExampleHasNoErrors) {
  const std::filesystem::path root = "../shared/data/stix2.1-examples";
  ASSERT_TRUE(std::filesystem::is_directory(root)) << "run the tests from the repository root";
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".json")
      continue;
    ++files;
    simdjson::dom::parser parser;
    simdjson::dom::element document;
    ASSERT_EQ(parser.load(entry.path().string()).get(document), simdjson::SUCCESS) << entry.path();
    auto violations = validate_document(document);
    EXPECT_FALSE(has_error(violations)) << entry.path() << "\n" << describe(violations);
  }
  EXPECT_EQ(files, 8u);
}

TEST(ValidateCorpus, AttackEnterpriseBundleHasNoErrors) {
  std::string json = tansiq::test_support::read_attack_bundle();
  ASSERT_GT(json.size(), 1000000u) << "could not decompress the ATT&CK bundle";
  simdjson::dom::parser parser;
  simdjson::dom::element document;
  ASSERT_EQ(parser.parse(json).get(document), simdjson::SUCCESS);
  simdjson::dom::array objects;
  ASSERT_EQ(document["objects"].get_array().get(objects), simdjson::SUCCESS);
  EXPECT_EQ(objects.size(), 24772u);
  auto violations = validate_document(document);
  EXPECT_FALSE(has_error(violations)) << describe(violations);
}
