// The near-duplicate check's cache of recent reports' shingles: found only for the exact id and
// version kept, bounded in total shingles with the oldest entries dropped first.
#include "node/recent_shingles.h"

#include <gtest/gtest.h>

#include <thread>

using tansiq::node::RecentShingles;

namespace {

std::vector<std::uint64_t> set_of(std::uint64_t from, std::size_t count) {
  std::vector<std::uint64_t> set;
  for (std::size_t i = 0; i < count; ++i)
    set.push_back(from + i);
  return set;
}

TEST(RecentShingles, FoundOnlyForTheVersionKept) {
  RecentShingles cache(100);
  cache.put("report--a", "2026-01-01T00:00:00.000Z", set_of(1, 3));
  auto found = cache.find("report--a", "2026-01-01T00:00:00.000Z");
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, set_of(1, 3));
  EXPECT_FALSE(cache.find("report--a", "2026-01-02T00:00:00.000Z")); // another version
  EXPECT_FALSE(cache.find("report--b", "2026-01-01T00:00:00.000Z"));
  // Without a version nothing is kept or found (a version is what makes the set certain).
  cache.put("report--c", "", set_of(1, 3));
  EXPECT_FALSE(cache.find("report--c", ""));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(RecentShingles, OldestGoFirstPastTheBound) {
  RecentShingles cache(10);
  cache.put("r1", "v", set_of(10, 4));
  cache.put("r2", "v", set_of(20, 4));
  EXPECT_TRUE(cache.find("r1", "v"));
  cache.put("r3", "v", set_of(30, 4)); // 12 > 10: r1 goes
  EXPECT_FALSE(cache.find("r1", "v"));
  EXPECT_TRUE(cache.find("r2", "v"));
  EXPECT_TRUE(cache.find("r3", "v"));
  cache.put("big", "v", set_of(0, 11)); // larger than the bound alone: not kept
  EXPECT_FALSE(cache.find("big", "v"));
  EXPECT_EQ(cache.size(), 2u);
}

TEST(RecentShingles, SeveralThreads) {
  RecentShingles cache(1000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 200; ++i) {
        std::string id = "r" + std::to_string(t) + "-" + std::to_string(i);
        cache.put(id, "v", set_of(static_cast<std::uint64_t>(i), 5));
        auto found = cache.find(id, "v");
        if (found) { // may already be gone (bound), never another set
          EXPECT_EQ(*found, set_of(static_cast<std::uint64_t>(i), 5));
        }
      }
    });
  for (auto& thread : threads)
    thread.join();
  EXPECT_LE(cache.size(), 200u); // 1000 shingles / 5
  EXPECT_GT(cache.size(), 0u);
}

} // namespace
