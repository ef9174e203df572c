#include "policy/stix_policy.h"

#include <gtest/gtest.h>

using namespace tansiq;
using namespace tansiq::policy;
using tansiq::stix::Tlp;

namespace {

const std::string kRabat = "identity--00000000-0000-4000-8000-000000000001";
const std::string kBrussels = "identity--00000000-0000-4000-8000-000000000002";
const std::string kAgreementId = "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a1";
const std::string kHandlingId = "marking-definition--00000000-0000-4000-8000-0000000000b1";

std::string agreement_json(const std::string& extra = "") {
  return R"({"type":"x-tansiq-agreement","spec_version":"2.1","id":")" + kAgreementId +
         R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",
  "name":"Morocco-Belgium","parties":[")" + kRabat + R"(",")" + kBrussels +
         R"("],"categories":["terrorism"],
  "highest_tlp":"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "valid_from":"2024-01-01T00:00:00Z","onward_sharing":true)" + extra + "}";
}

} // namespace

TEST(StixPolicy, ReadsAnAgreement) {
  simdjson::dom::parser parser;
  auto agreement = read_agreement(parser.parse(agreement_json()));
  ASSERT_TRUE(agreement.ok()) << agreement.error().describe();
  EXPECT_EQ(agreement->parties.size(), 2u);
  EXPECT_EQ(agreement->highest_tlp, Tlp::amber);
  EXPECT_TRUE(agreement->onward_sharing);
  EXPECT_FALSE(agreement->withdrawn);
  EXPECT_FALSE(agreement->valid_until);
  auto revoked = read_agreement(parser.parse(agreement_json(",\"revoked\":true")));
  EXPECT_TRUE(revoked->withdrawn);
}

TEST(StixPolicy, RejectsAgreementsMissingWhatTheDecisionNeeds) {
  simdjson::dom::parser parser;
  std::string text = agreement_json();
  text.replace(text.find("marking-definition--55d9"), 10, "not-a-mark");
  auto broken = read_agreement(parser.parse(text));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().where, "$.highest_tlp");
  std::string until = agreement_json(",\"valid_until\":\"2023-01-01T00:00:00Z\"");
  auto reversed = read_agreement(parser.parse(until));
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().where, "$.valid_until");
}

TEST(StixPolicy, ObjectHandlingComesFromItsMarkingsAndLabels) {
  simdjson::dom::parser parser;
  std::string marking_text = R"({"type":"marking-definition","spec_version":"2.1","id":")" +
                             kHandlingId + R"(","created":"2024-01-01T00:00:00.000Z",
    "extensions":{")" + std::string(kHandlingExtension) +
                             R"(":{"extension_type":"property-extension","originator":")" + kRabat +
                             R"(","releasable_to":[")" + kBrussels + R"(",")" + kAgreementId +
                             R"("],"expires":"2030-01-01T00:00:00Z"}}})";
  auto marking = read_handling_marking(parser.parse(marking_text));
  ASSERT_TRUE(marking.ok()) << marking.error().describe();
  ASSERT_TRUE(marking->has_value());
  HandlingMarking handling = **marking;
  EXPECT_EQ(handling.releasable_to_agencies, std::vector<std::string>{kBrussels});
  EXPECT_EQ(handling.releasable_to_agreements, std::vector<std::string>{kAgreementId});

  simdjson::dom::parser object_parser;
  auto object = object_parser.parse(std::string(R"({"type":"threat-actor","labels":["terrorism","apt","cbrn"],
    "object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",")") +
                                    kHandlingId + R"(","marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]})");
  CategoryVocabulary vocabulary = parse_category_vocabulary("# scope\nterrorism\n cbrn \n\n");
  Handling read = read_object_handling(
      object.value(), [&](std::string_view id) { return id == kHandlingId ? &handling : nullptr; },
      vocabulary);
  EXPECT_EQ(read.tlp, Tlp::amber); // the stricter of GREEN and AMBER
  EXPECT_EQ(read.categories, (std::vector<std::string>{"terrorism", "cbrn"}));
  EXPECT_EQ(read.originator, kRabat);
  EXPECT_TRUE(read.expires.has_value());
}

TEST(StixPolicy, MarkingWithoutTheExtensionIsNotAHandlingMarking) {
  simdjson::dom::parser parser;
  std::string statement =
      R"({"type":"marking-definition","definition_type":"statement","definition":{"statement":"x"}})";
  auto marking = read_handling_marking(parser.parse(statement));
  ASSERT_TRUE(marking.ok());
  EXPECT_FALSE(marking->has_value());
}
