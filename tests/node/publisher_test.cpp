// Publishing to partners over a real SQLite store, read back through the
// TAXII API as a partner account would.
#include "audit/audit_log.h"
#include "auth/credentials.h"
#include "node/policy_state.h"
#include "node/publisher.h"
#include "policy/stix_policy.h"
#include "support/temp_dir.h"
#include "taxii/api.h"

#include <gtest/gtest.h>

using namespace tansiq;

namespace {

const std::string kRabat = "identity--00000000-0000-4000-8000-000000000001";
const std::string kBrussels = "identity--00000000-0000-4000-8000-000000000002";
const std::string kMadrid = "identity--00000000-0000-4000-8000-000000000003";
const std::string kAgreement = "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a1";
const std::string kOnlyBrussels = "marking-definition--00000000-0000-4000-8000-0000000000b1";
const std::string kAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
const std::string kGreen = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
const std::string kRed = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
constexpr const char* kCollection = "5f0c7a3e-2b4d-4c1e-9f6a-7d8e9f0a1b2c";
constexpr const char* kTime = "2025-01-01T00:00:00.000Z";

std::string actor(const std::string& uuid_tail, const std::string& label,
                  const std::vector<std::string>& markings) {
  std::string refs;
  for (const auto& marking : markings)
    refs += (refs.empty() ? "\"" : ",\"") + marking + "\"";
  return R"({"type":"threat-actor","spec_version":"2.1","id":"threat-actor--00000000-0000-4000-8000-0000000000)" +
         uuid_tail + R"(","created":")" + kTime + R"(","modified":")" + kTime +
         R"(","name":"Cell )" + uuid_tail + R"(","labels":[")" + label +
         R"("],"created_by_ref":")" + kRabat + R"(","object_marking_refs":[)" + refs + "]}";
}

class Publishing : public ::testing::Test {
protected:
  void SetUp() override {
    store_ = std::move(store::open_sqlite_store(dir_.file("s.sqlite"), true).value());
    ASSERT_TRUE(store_->create_collection({kCollection, "Shared", ""}).ok());
    std::vector<std::string> objects = {
        R"({"type":"x-tansiq-agreement","spec_version":"2.1","id":")" + kAgreement +
            R"(","created":")" + kTime + R"(","modified":")" + kTime +
            R"(","name":"Morocco-Belgium","parties":[")" + kRabat + R"(",")" + kBrussels +
            R"("],"categories":["terrorism"],"highest_tlp":")" + kAmber +
            R"(","valid_from":"2025-01-01T00:00:00Z"})",
        R"({"type":"marking-definition","spec_version":"2.1","id":")" + kOnlyBrussels +
            R"(","created":")" + kTime + R"(","extensions":{")" +
            std::string(policy::kHandlingExtension) +
            R"(":{"extension_type":"property-extension","originator":")" + kRabat +
            R"(","releasable_to":[")" + kBrussels + R"("]}}})",
        actor("c1", "terrorism", {kAmber, kOnlyBrussels}), // released to Brussels
        actor("c2", "arms-trafficking", {kGreen}),         // out of the agreement's scope
        actor("c3", "terrorism", {kRed}),                  // RED: never
        // A report that names c1 (released) and c3 (withheld): withheld too.
        R"({"type":"report","spec_version":"2.1","id":"report--00000000-0000-4000-8000-0000000000d1","created":")" +
            std::string(kTime) + R"(","modified":")" + kTime + R"(","name":"Cells","published":")" +
            kTime + R"(","labels":["terrorism"],"object_marking_refs":[")" + kGreen +
            R"("],"object_refs":["threat-actor--00000000-0000-4000-8000-0000000000c1","threat-actor--00000000-0000-4000-8000-0000000000c3"]})"};
    std::vector<store::NewObject> added;
    for (const auto& json : objects) {
      std::string type = json.substr(9, json.find('"', 9) - 9);
      auto id_at = json.find("\"id\":\"") + 6;
      ids_.push_back(json.substr(id_at, json.find('"', id_at) - id_at));
      added.push_back(store::NewObject{ids_.back(), "", "2.1", kTime, 1, json});
      types_.push_back(type);
    }
    for (size_t i = 0; i < added.size(); ++i)
      added[i].type = types_[i];
    ASSERT_TRUE(store_->add_objects(kCollection, added).ok());
    for (const auto& [name, agency] : {std::pair{"brussels", kBrussels}, {"madrid", kMadrid}}) {
      tokens_[name] = auth::new_token();
      ASSERT_TRUE(store_->add_user({name, store::Role::partner, "", false, 1, agency}).ok());
      ASSERT_TRUE(store_->add_token(name, auth::hash_token(tokens_[name]), "").ok());
      ASSERT_TRUE(store_->set_access(name, kCollection, {true, false}).ok());
    }
    log_ = std::make_unique<audit::AuditLog>(*store_, dir_.file("audit.head"));
  }

  std::string ids_seen_by(const std::string& name) {
    taxii::Api api(*store_, {});
    taxii::Request request{"GET",
                           std::string("/tansiq/collections/") + kCollection + "/objects/",
                           "",
                           "",
                           "Bearer " + tokens_[name],
                           ""};
    taxii::Response response = api.handle(request);
    EXPECT_EQ(response.status, 200) << response.body;
    std::string seen;
    for (const auto& id : ids_)
      if (response.body.find("\"id\":\"" + id + "\"") != std::string::npos)
        seen += id.substr(id.size() - 2) + " ";
    return seen;
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<audit::AuditLog> log_;
  std::vector<std::string> ids_, types_;
  std::map<std::string, std::string> tokens_;
};

} // namespace

TEST_F(Publishing, EachPartnerSeesExactlyWhatThePolicyReleases) {
  EXPECT_EQ(ids_seen_by("brussels"), ""); // nothing before publishing
  auto summary = node::republish(*store_, *log_, kRabat, "test", 0);
  ASSERT_TRUE(summary.ok()) << summary.error().describe();
  EXPECT_EQ(summary->partners, 2u);
  // The agreement (a party), the handling marking (used by c1), and c1.
  EXPECT_EQ(ids_seen_by("brussels"), "a1 b1 c1 ");
  EXPECT_EQ(ids_seen_by("madrid"), "");
}

TEST_F(Publishing, EveryDecisionIsAuditedAndTheLogVerifies) {
  ASSERT_TRUE(node::republish(*store_, *log_, kRabat, "test", 0).ok());
  auto about_report = log_->about_object("report--00000000-0000-4000-8000-0000000000d1");
  ASSERT_TRUE(about_report.ok());
  ASSERT_EQ(about_report->size(), 2u); // denied to both partners
  bool names_the_withheld = false;
  for (const auto& record : *about_report) {
    EXPECT_EQ(record.action, "deny");
    if (record.partner == kBrussels)
      names_the_withheld = record.detail.find("c3") != std::string::npos;
  }
  EXPECT_TRUE(names_the_withheld);
  auto about_c1 = log_->about_object("threat-actor--00000000-0000-4000-8000-0000000000c1");
  bool released_under_agreement = false;
  for (const auto& record : *about_c1)
    released_under_agreement |= record.action == "release" && record.agreement_id == kAgreement;
  EXPECT_TRUE(released_under_agreement);
  EXPECT_TRUE(log_->verify()->intact);

  // A second run changes nothing and logs no denial again.
  auto before = store_->last_audit()->value().sequence;
  auto again = node::republish(*store_, *log_, kRabat, "test", store_->last_audit()->value().time);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->newly_published, 0u);
  EXPECT_EQ(store_->last_audit()->value().sequence, before);
}

TEST_F(Publishing, AWithdrawnAgreementStopsTheFlowAtTheNextRun) {
  ASSERT_TRUE(node::republish(*store_, *log_, kRabat, "test", 0).ok());
  std::string revoked =
      R"({"type":"x-tansiq-agreement","spec_version":"2.1","id":")" + kAgreement +
      R"(","created":")" + kTime +
      R"(","modified":"2025-06-01T00:00:00.000Z","name":"Morocco-Belgium","parties":[")" + kRabat +
      R"(",")" + kBrussels + R"("],"categories":["terrorism"],"highest_tlp":")" + kAmber +
      R"(","valid_from":"2025-01-01T00:00:00Z","revoked":true})";
  store::NewObject version{kAgreement, "x-tansiq-agreement", "2.1", "2025-06-01T00:00:00.000Z", 2,
                           revoked};
  ASSERT_TRUE(
      store_->add_objects(kCollection, std::span<const store::NewObject>(&version, 1)).ok());
  auto summary = node::republish(*store_, *log_, kRabat, "test", 0);
  ASSERT_TRUE(summary.ok());
  EXPECT_GT(summary->withdrawn, 0u);
  EXPECT_EQ(ids_seen_by("brussels").find("c1"), std::string::npos);
}

TEST_F(Publishing, NewArrivalsArePublishedWithoutRedecidingTheRest) {
  auto first = node::republish(*store_, *log_, kRabat, "test", 0);
  ASSERT_TRUE(first.ok());
  // c6 is like c1 (released to Brussels); c7 refers to c3, which is withheld.
  std::string c6 = actor("c6", "terrorism", {kAmber, kOnlyBrussels});
  std::string c7 =
      R"({"type":"relationship","spec_version":"2.1","id":"relationship--00000000-0000-4000-8000-0000000000e7","created":")" +
      std::string(kTime) + R"(","modified":")" + kTime +
      R"(","relationship_type":"related-to","labels":["terrorism"],"object_marking_refs":[")" +
      kGreen +
      R"("],"source_ref":"threat-actor--00000000-0000-4000-8000-0000000000c6","target_ref":"threat-actor--00000000-0000-4000-8000-0000000000c3"})";
  std::vector<store::NewObject> arrivals{
      {"threat-actor--00000000-0000-4000-8000-0000000000c6", "threat-actor", "2.1", kTime, 1, c6},
      {"relationship--00000000-0000-4000-8000-0000000000e7", "relationship", "2.1", kTime, 1, c7}};
  ASSERT_TRUE(store_->add_objects(kCollection, arrivals).ok());
  auto published = node::publish_new(*store_, *log_, kRabat, "test", first->newest_version);
  ASSERT_TRUE(published.ok()) << published.error().describe();
  EXPECT_EQ(published->versions, 2u);
  taxii::Api api(*store_, {});
  taxii::Request request{"GET",
                         std::string("/tansiq/collections/") + kCollection + "/objects/",
                         "",
                         "",
                         "Bearer " + tokens_["brussels"],
                         ""};
  std::string body = api.handle(request).body;
  EXPECT_NE(body.find("0000000000c6"), std::string::npos);
  EXPECT_EQ(body.find("0000000000e7"), std::string::npos) << "it points at the withheld c3";
  EXPECT_NE(body.find("0000000000c1"), std::string::npos) << "earlier publications stay";
}

TEST_F(Publishing, TheApiExplainsDecisionsToTheNodesOwnUsersOnly) {
  taxii::ApiSettings settings;
  settings.explain_release = [&](const std::string& object,
                                 const std::string& agency) -> Result<std::string> {
    auto state = node::load_policy_state(*store_);
    auto decision =
        node::decide_for_object(*store_, *state, kRabat, object, agency, stix::now_micros());
    if (!decision)
      return decision.error();
    return std::string(decision->release ? "release: " : "withhold: ") + decision->reason;
  };
  taxii::Api api(*store_, settings);
  std::string admin = auth::new_token();
  ASSERT_TRUE(store_->add_user({"admin", store::Role::admin, "", false, 1, kRabat}).ok());
  ASSERT_TRUE(store_->add_token("admin", auth::hash_token(admin), "").ok());
  auto ask = [&](const std::string& token, const std::string& query) {
    taxii::Request request{
        "GET", "/api/v1/policy/explain?" + query, "application/json", "", "Bearer " + token, ""};
    return api.handle(request);
  };
  auto released =
      ask(admin, "object=threat-actor--00000000-0000-4000-8000-0000000000c1&to=" + kBrussels);
  EXPECT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.body.rfind("release: ", 0), 0u) << released.body;
  auto withheld =
      ask(admin, "object=threat-actor--00000000-0000-4000-8000-0000000000c1&to=" + kMadrid);
  EXPECT_EQ(withheld.body.rfind("withhold: ", 0), 0u) << withheld.body;
  EXPECT_EQ(
      ask(admin, "object=threat-actor--00000000-0000-4000-8000-0000000000ff&to=" + kMadrid).status,
      404);
  EXPECT_EQ(ask(admin, "to=" + kMadrid).status, 400);
  EXPECT_EQ(ask(tokens_["brussels"], "object=x&to=y").status, 403);
}

// Pushes need the node's intake (origin checks, provenance): an API without
// it refuses partners even with a write right (with it: tests/sync/).
TEST_F(Publishing, PartnersMayNotPushWithoutTheNodesIntake) {
  ASSERT_TRUE(store_->set_access("brussels", kCollection, {true, true}).ok());
  taxii::Api api(*store_, {});
  std::string envelope = "{\"objects\":[" + actor("c9", "terrorism", {kGreen}) + "]}";
  taxii::Request request{"POST", std::string("/tansiq/collections/") + kCollection + "/objects/",
                         "", "application/taxii+json;version=2.1",
                         "Bearer " + tokens_["brussels"], envelope};
  auto response = api.handle(request);
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_FALSE(store_->find_latest("threat-actor--00000000-0000-4000-8000-0000000000c9")->has_value());
}
