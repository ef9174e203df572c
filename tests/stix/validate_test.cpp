#include "stix/validate.h"

#include <gtest/gtest.h>

using namespace tansiq::stix;

namespace {
std::vector<Violation> violations_of(const std::string& json) {
  simdjson::dom::parser parser;
  std::vector<Violation> out;
  validate_object(parser.parse(json), "$", out);
  return out;
}
} // namespace

TEST(Validate, ReportsMalformedIdWithItsPath) {
  auto found = violations_of(R"({"type":"indicator","spec_version":"2.1","id":"indicator--bad",
    "created":"2017-01-01T00:00:00.000Z","modified":"2017-01-01T00:00:00.000Z"})");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].path, "$.id");
  EXPECT_TRUE(has_error(found));
}
