// Property test: random agencies, agreements, markings and chains of nodes
// (seeded, reproducible). Whatever decide() says, a release must satisfy every
// rule, checked here independently of how decide() is written.
#include "policy/release_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace tansiq::policy;
using tansiq::stix::Tlp;

namespace {

const std::vector<std::string> kCategories = {"terrorism", "organised-crime", "arms-trafficking",
                                              "explosives", "cbrn", "document-fraud"};

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

struct World {
  std::vector<std::string> agencies;
  std::vector<Agreement> agreements;
};

World random_world(std::mt19937_64& random) {
  World world;
  int agencies = 3 + static_cast<int>(random() % 5);
  for (int i = 0; i < agencies; ++i)
    world.agencies.push_back("identity--agency-" + std::to_string(i));
  int count = 1 + static_cast<int>(random() % 8);
  for (int i = 0; i < count; ++i) {
    Agreement agreement;
    agreement.id = "agreement--" + std::to_string(i);
    for (const auto& agency : world.agencies)
      if (random() % 3 == 0)
        agreement.parties.push_back(agency);
    while (agreement.parties.size() < 2) {
      const auto& agency = world.agencies[random() % world.agencies.size()];
      if (!contains(agreement.parties, agency))
        agreement.parties.push_back(agency);
    }
    for (const auto& category : kCategories)
      if (random() % 2 == 0)
        agreement.categories.push_back(category);
    agreement.highest_tlp = static_cast<Tlp>(random() % 5);
    agreement.valid_from = static_cast<std::int64_t>(random() % 100);
    if (random() % 3 == 0)
      agreement.valid_until = static_cast<std::int64_t>(50 + random() % 100);
    agreement.onward_sharing = random() % 2 == 0;
    agreement.withdrawn = random() % 10 == 0;
    world.agreements.push_back(std::move(agreement));
  }
  return world;
}

Handling random_handling(std::mt19937_64& random, const World& world, const std::string& originator) {
  Handling handling;
  if (random() % 20 != 0)
    handling.tlp = static_cast<Tlp>(random() % 5);
  for (const auto& category : kCategories)
    if (random() % 4 == 0)
      handling.categories.push_back(category);
  handling.originator = originator;
  for (const auto& agency : world.agencies)
    if (random() % 4 == 0)
      handling.releasable_to_agencies.push_back(agency);
  for (const auto& agreement : world.agreements)
    if (random() % 5 == 0)
      handling.releasable_to_agreements.push_back(agreement.id);
  if (random() % 5 == 0)
    handling.expires = static_cast<std::int64_t>(random() % 200);
  return handling;
}

const Agreement* find(const World& world, const std::string& id) {
  for (const auto& agreement : world.agreements)
    if (agreement.id == id)
      return &agreement;
  return nullptr;
}

// Every rule a release must satisfy, written from the rules' text.
void check_release(const Handling& object, const std::string& home, const std::string& partner,
                   const World& world, std::int64_t now, const Decision& decision) {
  ASSERT_TRUE(object.tlp.has_value());
  ASSERT_NE(*object.tlp, Tlp::red);
  ASSERT_TRUE(!object.expires || *object.expires > now);
  ASSERT_FALSE(object.categories.empty());
  const Agreement* agreement = find(world, decision.agreement_id);
  ASSERT_NE(agreement, nullptr);
  ASSERT_TRUE(in_force(*agreement, now));
  ASSERT_TRUE(contains(agreement->parties, home) && contains(agreement->parties, partner));
  ASSERT_LE(*object.tlp, agreement->highest_tlp);
  for (const auto& category : object.categories)
    ASSERT_TRUE(contains(agreement->categories, category)) << category;
  bool third_party = object.originator != home;
  if (third_party && partner != object.originator) {
    ASSERT_NE(*object.tlp, Tlp::amber_strict);
    bool named = contains(object.releasable_to_agencies, partner);
    for (const auto& id : object.releasable_to_agreements) {
      const Agreement* listed = find(world, id);
      named = named || (listed && in_force(*listed, now) && contains(listed->parties, partner) &&
                        contains(listed->parties, object.originator));
    }
    ASSERT_TRUE(named) << "third-party rule broken";
    if (!object.received_under_agreement.empty()) {
      ASSERT_TRUE(find(world, object.received_under_agreement)->onward_sharing);
    }
  }
  if (!third_party && *object.tlp == Tlp::amber_strict) {
    ASSERT_TRUE(contains(object.releasable_to_agencies, partner));
  }
}

} // namespace

TEST(ReleaseProperty, NoReleaseBreaksARuleAcrossChainsOfNodes) {
  std::mt19937_64 random(20261125);
  std::size_t decisions = 0, releases = 0, chain_releases = 0;
  while (decisions < 120000) {
    World world = random_world(random);
    for (int round = 0; round < 50; ++round) {
      std::int64_t now = static_cast<std::int64_t>(random() % 160);
      // A chain of nodes: the object starts at its originator and moves on
      // whenever the holder's decision releases it.
      std::vector<std::string> chain;
      for (int hop = 0; hop < 4; ++hop)
        chain.push_back(world.agencies[random() % world.agencies.size()]);
      Handling object = random_handling(random, world, chain[0]);
      for (std::size_t hop = 0; hop + 1 < chain.size(); ++hop) {
        const std::string& holder = chain[hop];
        const std::string& partner = chain[hop + 1];
        if (holder == partner)
          break;
        DecisionContext context{holder, &world.agreements, now};
        Decision decision = decide(object, partner, context);
        ++decisions;
        if (!decision.release) {
          ASSERT_FALSE(decision.reason.empty());
          break;
        }
        ++releases;
        check_release(object, holder, partner, world, now, decision);
        if (::testing::Test::HasFatalFailure())
          return;
        if (hop > 0)
          ++chain_releases;
        // The partner keeps the originator's markings and records the agreement.
        object.received_under_agreement = decision.agreement_id;
      }
    }
  }
  std::printf("%zu decisions, %zu releases, %zu onward releases along chains\n", decisions,
              releases, chain_releases);
  // The property must not hold vacuously.
  EXPECT_GT(releases, decisions / 100);
  EXPECT_GT(chain_releases, 100u);
}
