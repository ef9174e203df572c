#include "stix/identifier.h"

#include <gtest/gtest.h>

using namespace tansiq::stix;

TEST(Identifier, AcceptsTypeAndUuid) {
  EXPECT_TRUE(is_valid_identifier("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"));
  EXPECT_EQ(identifier_type("x-acme-widget--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), "x-acme-widget");
}

TEST(Identifier, RejectsMalformedIds) {
  for (const char* id : {"", "indicator", "indicator--", "indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f",
                         "Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g",
                         "in--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "indicator---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"})
    EXPECT_FALSE(is_valid_identifier(id)) << id;
}

TEST(Identifier, MakesVersion4Ids) {
  std::string id = make_identifier("report");
  EXPECT_TRUE(is_valid_identifier(id)) << id;
  EXPECT_EQ(id.substr(0, 8), "report--");
  EXPECT_EQ(id[8 + 14], '4');
  EXPECT_NE(make_identifier("report"), id);
}
