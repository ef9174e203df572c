// The hashes against published values: FNV-1a 64 test vectors (Fowler, Noll
// and Vo's reference list) and the first output of SplitMix64 seeded with 0.
// Stored LSH keys depend on these never changing.
#include "core/hash64.h"

#include <gtest/gtest.h>

using namespace tansiq::core;

TEST(Hash64, Fnv1aMatchesTheReferenceVectors) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
  // Chained calls hash the concatenation.
  EXPECT_EQ(fnv1a64("bar", fnv1a64("foo")), fnv1a64("foobar"));
}

TEST(Hash64, MixIsSplitMix64sFinaliser) {
  // SplitMix64 with state 0: the state advances by the golden gamma, then is mixed.
  EXPECT_EQ(mix64(0x9e3779b97f4a7c15ULL), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(mix64(0), 0u);
  EXPECT_NE(mix64(1), mix64(2));
}
