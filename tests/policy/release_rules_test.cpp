#include "policy/release_rules.h"

#include <gtest/gtest.h>

using namespace tansiq::policy;
using tansiq::stix::Tlp;

namespace {

const std::string kRabat = "identity--00000000-0000-4000-8000-000000000001";
const std::string kBrussels = "identity--00000000-0000-4000-8000-000000000002";
const std::string kMadrid = "identity--00000000-0000-4000-8000-000000000003";

Agreement bilateral(const std::string& id, const std::string& a, const std::string& b,
                    std::vector<std::string> categories, Tlp highest = Tlp::amber) {
  Agreement agreement;
  agreement.id = id;
  agreement.parties = {a, b};
  agreement.categories = std::move(categories);
  agreement.highest_tlp = highest;
  agreement.valid_from = 0;
  return agreement;
}

Handling ours(Tlp tlp, std::vector<std::string> categories) {
  Handling handling;
  handling.tlp = tlp;
  handling.categories = std::move(categories);
  handling.originator = kRabat;
  return handling;
}

class ReleaseRules : public ::testing::Test {
protected:
  std::vector<Agreement> agreements{
      bilateral("agreement--rb", kRabat, kBrussels, {"terrorism"}),
      bilateral("agreement--rm", kRabat, kMadrid, {"terrorism", "arms-trafficking"}, Tlp::green)};
  DecisionContext context{kRabat, &agreements, 1000};
};

} // namespace

TEST_F(ReleaseRules, ReleasesUnderAnAgreementThatCoversScopeAndTlp) {
  Decision decision = decide(ours(Tlp::amber, {"terrorism"}), kBrussels, context);
  EXPECT_TRUE(decision.release) << decision.reason;
  EXPECT_EQ(decision.agreement_id, "agreement--rb");
  EXPECT_NE(decision.reason.find("agreement--rb"), std::string::npos);
}

TEST_F(ReleaseRules, WithholdsOutsideTheScope) {
  Decision decision = decide(ours(Tlp::green, {"arms-trafficking"}), kBrussels, context);
  EXPECT_FALSE(decision.release);
  EXPECT_EQ(decision.rule, Rule::no_agreement);
  EXPECT_NE(decision.reason.find("arms-trafficking"), std::string::npos) << decision.reason;
}

TEST_F(ReleaseRules, WithholdsAboveTheAgreementsTlp) {
  Decision decision = decide(ours(Tlp::amber, {"terrorism"}), kMadrid, context);
  EXPECT_FALSE(decision.release);
  EXPECT_NE(decision.reason.find("TLP:GREEN"), std::string::npos) << decision.reason;
}

TEST_F(ReleaseRules, RedUnmarkedUncategorisedAndExpiredNeverGo) {
  EXPECT_EQ(decide(ours(Tlp::red, {"terrorism"}), kBrussels, context).rule, Rule::tlp_red);
  Handling unmarked = ours(Tlp::green, {"terrorism"});
  unmarked.tlp.reset();
  EXPECT_EQ(decide(unmarked, kBrussels, context).rule, Rule::no_tlp);
  EXPECT_EQ(decide(ours(Tlp::green, {}), kBrussels, context).rule, Rule::no_categories);
  Handling expired = ours(Tlp::green, {"terrorism"});
  expired.expires = 999;
  EXPECT_EQ(decide(expired, kBrussels, context).rule, Rule::expired);
}

TEST_F(ReleaseRules, WithdrawnOrLapsedAgreementsStopTheFlow) {
  agreements[0].withdrawn = true;
  EXPECT_FALSE(decide(ours(Tlp::green, {"terrorism"}), kBrussels, context).release);
  agreements[0].withdrawn = false;
  agreements[0].valid_until = 1000;
  EXPECT_FALSE(decide(ours(Tlp::green, {"terrorism"}), kBrussels, context).release);
}

TEST_F(ReleaseRules, ThirdPartyRuleHoldsOnABrusselsNode) {
  // On Brussels' node: an object Rabat sent, released by Rabat to Brussels only.
  std::vector<Agreement> brussels_agreements{
      bilateral("agreement--rb", kRabat, kBrussels, {"terrorism"}),
      bilateral("agreement--bm", kBrussels, kMadrid, {"terrorism"})};
  brussels_agreements[0].onward_sharing = true;
  DecisionContext brussels{kBrussels, &brussels_agreements, 1000};
  Handling from_rabat = ours(Tlp::green, {"terrorism"});
  from_rabat.releasable_to_agencies = {kBrussels};
  from_rabat.received_under_agreement = "agreement--rb";
  Decision to_madrid = decide(from_rabat, kMadrid, brussels);
  EXPECT_FALSE(to_madrid.release);
  EXPECT_EQ(to_madrid.rule, Rule::third_party_rule);

  from_rabat.releasable_to_agencies.push_back(kMadrid);
  EXPECT_TRUE(decide(from_rabat, kMadrid, brussels).release);
  brussels_agreements[0].onward_sharing = false;
  EXPECT_EQ(decide(from_rabat, kMadrid, brussels).rule, Rule::onward_sharing_not_allowed);
}

TEST_F(ReleaseRules, AmberStrictGoesOnlyToNamedAgenciesAndNeverOnward) {
  Handling strict = ours(Tlp::amber_strict, {"terrorism"});
  agreements[0].highest_tlp = Tlp::amber_strict;
  EXPECT_FALSE(decide(strict, kBrussels, context).release);
  strict.releasable_to_agencies = {kBrussels};
  EXPECT_TRUE(decide(strict, kBrussels, context).release);
  strict.originator = kMadrid; // now a third party's
  EXPECT_EQ(decide(strict, kBrussels, context).rule, Rule::amber_strict_onward);
}
