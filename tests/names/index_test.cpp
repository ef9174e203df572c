#include "names/candidate_index.h"

#include <gtest/gtest.h>

using namespace tansiq::names;

TEST(CandidateIndex, FindsNamesSharingAPairOfSkeletons) {
  CandidateIndex index;
  index.add(0, {{"bdltf"}, {"hms"}});
  index.add(1, {{"bdkdr"}, {"hms"}});
  index.add(2, {{"mhmd"}, {"hsn"}, {"tkrt"}});
  index.build();
  EXPECT_EQ(index.candidates({{"bdltf"}, {"hms"}}, 10), std::vector<std::uint32_t>{0});
  EXPECT_EQ(index.candidates({{"hms"}, {"bdltf"}}, 10), std::vector<std::uint32_t>{0});
  EXPECT_TRUE(index.candidates({{"mhmd"}, {"bdltf"}}, 10).empty());
  // One-part queries use the single skeletons (of names with at most two parts).
  auto single = index.candidates({{"hms"}}, 10);
  EXPECT_EQ(single, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_TRUE(index.candidates({{"tkrt"}}, 10).empty());
}

TEST(CandidateIndex, SharedTriplesRankFirstAndTheLimitHolds) {
  CandidateIndex index;
  index.add(0, {{"mhmd"}, {"hsn"}, {"l"}, {"tkrt"}});
  index.add(1, {{"mhmd"}, {"hsn"}, {"br"}, {"jsm"}});
  index.build();
  // Four query parts: name 1 shares only two parts (one pair, no triple): after name 0.
  EXPECT_EQ(index.candidates({{"mhmd"}, {"hsn"}, {"l"}, {"tkrt"}}, 10),
            (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(index.candidates({{"mhmd"}, {"hsn"}, {"l"}, {"tkrt"}}, 1),
            std::vector<std::uint32_t>{0});
  // One part spelled beyond its skeleton: the other three still find the name, first.
  EXPECT_EQ(index.candidates({{"mhmd"}, {"hsn"}, {"xx"}, {"tkrt"}}, 10).front(), 0u);
  // Five query parts: triples only (name 0 shares the pair mhmd+hsn, no triple).
  EXPECT_EQ(index.candidates({{"mhmd"}, {"hsn"}, {"br"}, {"xx"}, {"yy"}}, 10),
            std::vector<std::uint32_t>{1});
  EXPECT_EQ(index.candidates({{"mhmd"}, {"hsn"}}, 1).size(), 1u);
}
