#include "stix/tlp.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

using namespace tansiq::stix;

TEST(Tlp, KnowsTheOfficialMarkingIds) {
  EXPECT_EQ(tlp_from_marking_id("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
            Tlp::green);
  EXPECT_EQ(tlp_from_marking_id("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"),
            Tlp::red);
  EXPECT_EQ(tlp_from_marking_id("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
            Tlp::clear);
  EXPECT_FALSE(tlp_from_marking_id("marking-definition--00000000-0000-4000-8000-000000000000"));
  for (Tlp level : kTlpLevels)
    EXPECT_EQ(tlp_from_marking_id(tlp_marking_id(level)), level);
}

TEST(Tlp, EveryIdIsListedOnceAndTlp1HasItsFourDefinitions) {
  std::set<std::string_view> ids;
  int tlp1 = 0;
  for (const auto& marking : tlp_markings()) {
    EXPECT_TRUE(ids.insert(marking.id).second) << marking.id;
    tlp1 += marking.tlp_version == 1;
  }
  EXPECT_EQ(tlp1, 4);
  EXPECT_EQ(ids.size(), 9u);
}

TEST(Tlp, ParsesWhatUsersType) {
  EXPECT_EQ(parse_tlp_name("amber"), Tlp::amber);
  EXPECT_EQ(parse_tlp_name("TLP:AMBER+STRICT"), Tlp::amber_strict);
  EXPECT_EQ(parse_tlp_name("Amber+Strict"), Tlp::amber_strict);
  EXPECT_EQ(parse_tlp_name("tlp:clear"), Tlp::clear);
  EXPECT_EQ(parse_tlp_name("RED"), Tlp::red);
  EXPECT_FALSE(parse_tlp_name("white")); // TLP 1.0's word; TLP 2.0 says CLEAR
  EXPECT_FALSE(parse_tlp_name(""));
  EXPECT_FALSE(parse_tlp_name("amber "));
  for (Tlp level : kTlpLevels) {
    EXPECT_EQ(parse_tlp_name(tlp_name(level)), level);
    EXPECT_EQ(parse_tlp_name(tlp_short_name(level)), level);
  }
}

TEST(Tlp, LabelIsTheStrictestLevelAmongTheRefs) {
  std::vector<std::string> refs = {
      "marking-definition--00000000-0000-4000-8000-000000000000",
      std::string(tlp_marking_id(Tlp::green)),
      "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", // TLP 1.0 AMBER
  };
  EXPECT_EQ(tlp_label(refs), "TLP:AMBER");
  refs.emplace_back(tlp_marking_id(Tlp::amber_strict));
  EXPECT_EQ(tlp_label(refs), "TLP:AMBER+STRICT");
  EXPECT_EQ(tlp_label(std::vector<std::string>{refs[0]}), "");
}
