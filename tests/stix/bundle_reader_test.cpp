#include "stix/bundle_reader.h"

#include <gtest/gtest.h>

using namespace tansiq;
using namespace tansiq::stix;

namespace {
const char* kIndicator = R"({ "type": "indicator", "spec_version": "2.1",
  "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
  "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
  "name": "caf\u00e9 \/ \"x\"", "pattern": "[ipv4-addr:value = '198.51.100.1']",
  "pattern_type": "stix", "valid_from": "2016-01-01T00:00:00Z", "confidence": 15, "x_weight": 1.50 })";
}

TEST(BundleReader, KeepsEachObjectsBytesMinifiedButOtherwiseUntouched) {
  std::string bundle = std::string(R"({"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[ )") +
                       kIndicator + "]}";
  auto parsed = read_bundle(bundle, Container::bundle);
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  ASSERT_EQ(parsed->accepted.size(), 1u);
  const auto& object = parsed->accepted[0];
  EXPECT_EQ(object.id, "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
  EXPECT_EQ(object.type, "indicator");
  EXPECT_EQ(object.version, "2016-04-06T20:03:48.000Z");
  EXPECT_EQ(object.path, "$.objects[0]");
  // Escapes and number spelling survive; only whitespace outside strings goes.
  EXPECT_NE(object.json.find(R"("name":"caf\u00e9 \/ \"x\"")"), std::string::npos) << object.json;
  EXPECT_NE(object.json.find(R"("x_weight":1.50})"), std::string::npos) << object.json;
  EXPECT_EQ(object.json.find("\n"), std::string::npos);
}

TEST(BundleReader, MalformedJsonFailsAsAWhole) {
  auto parsed = read_bundle(R"({"type":"bundle","objects":[{"type":"indicator",]})", Container::bundle);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().kind, Error::Kind::invalid_input);
  EXPECT_NE(parsed.error().message.find("malformed JSON"), std::string::npos);
}

TEST(BundleReader, EnvelopeMustNotBeABundleAndViceVersa) {
  EXPECT_FALSE(read_bundle(R"({"objects":[]})", Container::bundle).ok());
  EXPECT_FALSE(read_bundle(R"({"type":"bundle","objects":[]})", Container::envelope).ok());
  EXPECT_TRUE(read_bundle(R"({"objects":[]})", Container::envelope).ok());
  EXPECT_FALSE(read_bundle(R"([1,2])", Container::either).ok());
  EXPECT_FALSE(read_bundle(R"({"objects":{}})", Container::either).ok());
}

TEST(BundleReader, InvalidObjectsAreRejectedWithReasonsOthersAccepted) {
  std::string envelope = std::string(R"({"objects":[)") + kIndicator +
                         R"(,{"type":"indicator","id":"indicator--nope"},17]})";
  auto parsed = read_bundle(envelope, Container::envelope);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->accepted.size(), 1u);
  ASSERT_EQ(parsed->rejected.size(), 2u);
  EXPECT_EQ(parsed->rejected[0].id, "indicator--nope");
  EXPECT_EQ(parsed->rejected[0].path, "$.objects[1]");
  EXPECT_FALSE(parsed->rejected[0].violations.empty());
  EXPECT_EQ(parsed->rejected[1].path, "$.objects[2]");
}
