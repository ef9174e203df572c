#include "taxii/query_string.h"

#include <gtest/gtest.h>

using namespace tansiq::taxii;

TEST(QueryString, DecodesPairsAndEscapes) {
  auto parameters = parse_query("match%5Btype%5D=indicator%2Cmalware&limit=10&&flag");
  ASSERT_TRUE(parameters);
  ASSERT_EQ(parameters->size(), 3u);
  EXPECT_EQ((*parameters)[0].name, "match[type]");
  EXPECT_EQ((*parameters)[0].value, "indicator,malware");
  EXPECT_EQ((*parameters)[1].value, "10");
  EXPECT_EQ((*parameters)[2].name, "flag");
  EXPECT_EQ((*parameters)[2].value, "");
}

TEST(QueryString, MalformedEscapesAreRefused) {
  EXPECT_FALSE(parse_query("a=%2"));
  EXPECT_FALSE(parse_query("a=%zz"));
  EXPECT_FALSE(percent_decode("%"));
}

TEST(QueryString, SplitsListsDroppingEmptyItems) {
  EXPECT_EQ(split_list("a,,b,"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(split_list("").empty());
}
