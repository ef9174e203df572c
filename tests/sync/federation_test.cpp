// Three real nodes on loopback (Rabat, Brussels, Madrid), each with its own
// SQLite store and HTTP server, pulling from one another over TAXII 2.1.
#include "audit/audit_log.h"
#include "auth/credentials.h"
#include "node/partner_push.h"
#include "node/publisher.h"
#include "policy/stix_policy.h"
#include "server/http_server.h"
#include "support/temp_dir.h"
#include "sync/sync_loop.h"
#include "sync/taxii_client.h"
#include "taxii/api.h"

#include <gtest/gtest.h>

#include <thread>

using namespace tansiq;

namespace {

const std::string kRabat = "identity--00000000-0000-4000-8000-000000000001";
const std::string kBrussels = "identity--00000000-0000-4000-8000-000000000002";
const std::string kMadrid = "identity--00000000-0000-4000-8000-000000000003";
const std::string kRabatBrussels = "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a1";
const std::string kBrusselsMadrid = "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a2";
const std::string kAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
constexpr const char* kTime = "2025-01-01T00:00:00.000Z";

std::string agreement(const std::string& id, const std::string& a, const std::string& b,
                      const std::string& modified = kTime, bool revoked = false) {
  return R"({"type":"x-tansiq-agreement","spec_version":"2.1","id":")" + id + R"(","created":")" +
         kTime + R"(","modified":")" + modified + R"(","name":"cooperation","parties":[")" + a +
         R"(",")" + b + R"("],"categories":["terrorism"],"highest_tlp":")" + kAmber +
         R"(","valid_from":"2025-01-01T00:00:00Z","onward_sharing":true)" +
         (revoked ? ",\"revoked\":true" : "") + "}";
}

std::string handling(const std::string& tail, const std::vector<std::string>& releasable) {
  std::string list;
  for (const auto& agency : releasable)
    list += (list.empty() ? "\"" : ",\"") + agency + "\"";
  return R"({"type":"marking-definition","spec_version":"2.1","id":"marking-definition--00000000-0000-4000-8000-0000000000)" +
         tail + R"(","created":")" + kTime + R"(","extensions":{")" +
         std::string(policy::kHandlingExtension) +
         R"(":{"extension_type":"property-extension","originator":")" + kRabat +
         R"(","releasable_to":[)" + list + "]}}}";
}

std::string cell(const std::string& tail, const std::string& marking_tail) {
  return R"({"type":"threat-actor","spec_version":"2.1","id":"threat-actor--00000000-0000-4000-8000-0000000000)" +
         tail + R"(","created":")" + kTime + R"(","modified":")" + kTime + R"(","name":"Cell )" +
         tail + R"(","labels":["terrorism"],"created_by_ref":")" + kRabat +
         R"(","object_marking_refs":[")" + kAmber +
         R"(","marking-definition--00000000-0000-4000-8000-0000000000)" + marking_tail + "\"]}";
}

// One node: store, API, HTTP server on a free loopback port.
struct Node {
  Node(const std::string& agency) : agency(agency) {
    store = std::move(store::open_sqlite_store(dir.file("store.sqlite"), true).value());
    EXPECT_TRUE(store->create_collection({collection, "Shared", ""}).ok());
    audit = std::make_unique<audit::AuditLog>(*store, dir.file("audit.head"));
    taxii::ApiSettings settings;
    settings.receive_from_partner = [this](const store::User& account,
                                           const store::Collection& target,
                                           const stix::ParsedBundle& objects) {
      return node::receive_partner_push(*this->store, *audit, allowance, this->agency, account,
                                        target, objects);
    };
    api = std::make_unique<taxii::Api>(*store, settings);
    server = std::make_unique<server::HttpServer>(*api, server::ServerSettings{});
    port = server->start().value();
    thread = std::thread([this] { server->run(false); });
  }
  ~Node() {
    server->stop();
    thread.join();
  }

  void add(const std::vector<std::string>& objects) {
    std::string envelope = "{\"objects\":[";
    for (size_t i = 0; i < objects.size(); ++i)
      envelope += (i ? "," : "") + objects[i];
    envelope += "]}";
    taxii::Request request{"POST",
                           "/tansiq/collections/" + collection + "/objects/",
                           "",
                           "application/taxii+json;version=2.1",
                           "Bearer " + admin_token(),
                           envelope};
    auto response = api->handle(request);
    ASSERT_EQ(response.status, 202) << response.body;
  }

  std::string admin_token() {
    if (admin.empty()) {
      admin = auth::new_token();
      EXPECT_TRUE(store->add_user({"admin", store::Role::admin, "", false, 1, agency}).ok());
      EXPECT_TRUE(store->add_token("admin", auth::hash_token(admin), "").ok());
    }
    return admin;
  }

  // An account for another agency's node; returns its token.
  std::string partner_account(const std::string& name, const std::string& partner_agency) {
    std::string token = auth::new_token();
    EXPECT_TRUE(store->add_user({name, store::Role::partner, "", false, 1, partner_agency}).ok());
    EXPECT_TRUE(store->add_token(name, auth::hash_token(token), "").ok());
    EXPECT_TRUE(store->set_access(name, collection, {true, false}).ok());
    return token;
  }

  void pull_from(const Node& other, const std::string& name, const std::string& token,
                 const std::string& agreement_id) {
    store::Partner partner{name,
                           other.agency,
                           "http://127.0.0.1:" + std::to_string(other.port) + "/tansiq/",
                           other.collection,
                           collection,
                           token,
                           agreement_id,
                           "",
                           0,
                           ""};
    ASSERT_TRUE(store->add_partner(partner).ok());
  }

  size_t sync() {
    auto added = sync::sync_all_partners(*store, *audit, agency, std::chrono::seconds(10));
    EXPECT_TRUE(added.ok()) << added.error().describe();
    return added.ok() ? *added : 0;
  }

  void publish() {
    auto published = node::republish(*store, *audit, agency, "test", 0);
    ASSERT_TRUE(published.ok()) << published.error().describe();
  }

  bool holds(const std::string& id_tail) {
    auto found = store->find_latest("threat-actor--00000000-0000-4000-8000-0000000000" + id_tail);
    return found.ok() && found->has_value();
  }

  test_support::TempDir dir;
  std::string agency;
  std::string collection = "6a1f0e2d-3c4b-4a59-8e7d-1f2a3b4c5d6e";
  std::unique_ptr<store::Store> store;
  std::unique_ptr<audit::AuditLog> audit;
  node::PushAllowance allowance{5};
  std::unique_ptr<taxii::Api> api;
  std::unique_ptr<server::HttpServer> server;
  unsigned short port = 0;
  std::thread thread;
  std::string admin;
};

} // namespace

TEST(Federation, TheThirdPartyRuleHoldsAcrossThreeNodes) {
  Node rabat(kRabat), brussels(kBrussels), madrid(kMadrid);
  // c1: for Brussels only. c4: Rabat allows Brussels and Madrid.
  rabat.add({agreement(kRabatBrussels, kRabat, kBrussels), handling("b1", {kBrussels}),
             handling("b4", {kBrussels, kMadrid}), cell("c1", "b1"), cell("c4", "b4")});
  brussels.add({agreement(kRabatBrussels, kRabat, kBrussels),
                agreement(kBrusselsMadrid, kBrussels, kMadrid)});
  madrid.add({agreement(kBrusselsMadrid, kBrussels, kMadrid)});

  brussels.pull_from(rabat, "rabat", rabat.partner_account("brussels", kBrussels), kRabatBrussels);
  madrid.pull_from(brussels, "brussels", brussels.partner_account("madrid", kMadrid),
                   kBrusselsMadrid);

  rabat.publish();
  EXPECT_GE(brussels.sync(), 2u);
  EXPECT_TRUE(brussels.holds("c1"));
  EXPECT_TRUE(brussels.holds("c4"));

  brussels.publish();
  madrid.sync();
  EXPECT_TRUE(madrid.holds("c4")) << "Rabat's markings release c4 to Madrid";
  EXPECT_FALSE(madrid.holds("c1")) << "c1 was released to Brussels only";

  // Brussels' audit log says why c1 was not passed on.
  auto about_c1 =
      brussels.audit->about_object("threat-actor--00000000-0000-4000-8000-0000000000c1");
  bool denied_to_madrid = false;
  for (const auto& record : *about_c1)
    denied_to_madrid |= record.action == "deny" && record.partner == kMadrid;
  EXPECT_TRUE(denied_to_madrid);
  EXPECT_TRUE(brussels.audit->verify()->intact);
}

TEST(Federation, AWithdrawnAgreementStopsTheFlowOnTheNextSync) {
  Node rabat(kRabat), brussels(kBrussels);
  rabat.add({agreement(kRabatBrussels, kRabat, kBrussels), handling("b1", {kBrussels}),
             cell("c1", "b1")});
  brussels.pull_from(rabat, "rabat", rabat.partner_account("brussels", kBrussels), kRabatBrussels);
  rabat.publish();
  brussels.sync();
  ASSERT_TRUE(brussels.holds("c1"));

  rabat.add({agreement(kRabatBrussels, kRabat, kBrussels, "2025-06-01T00:00:00.000Z", true),
             cell("c5", "b1")});
  rabat.publish();
  brussels.sync();
  EXPECT_FALSE(brussels.holds("c5")) << "nothing flows under a withdrawn agreement";
}

TEST(Federation, APartnerThatIsDownIsRecordedAndTheOthersGoOn) {
  Node rabat(kRabat), brussels(kBrussels);
  rabat.add({agreement(kRabatBrussels, kRabat, kBrussels), handling("b1", {kBrussels}),
             cell("c1", "b1")});
  std::string token = rabat.partner_account("brussels", kBrussels);
  rabat.publish();
  // "down" sorts before "rabat": it is tried first, and fails.
  store::Partner down{"down",
                      kMadrid,
                      "http://127.0.0.1:1/tansiq/",
                      "x",
                      brussels.collection,
                      "t",
                      kBrusselsMadrid,
                      "",
                      0,
                      ""};
  ASSERT_TRUE(brussels.store->add_partner(down).ok());
  brussels.pull_from(rabat, "rabat", token, kRabatBrussels);
  brussels.sync();
  EXPECT_TRUE(brussels.holds("c1"));
  auto partners = brussels.store->list_partners();
  ASSERT_EQ(partners->size(), 2u);
  EXPECT_FALSE(partners->at(0).last_error.empty());
  EXPECT_TRUE(partners->at(1).last_error.empty());
  EXPECT_FALSE(partners->at(1).cursor.empty());
  // A second sync starts from the cursor: nothing is added twice.
  EXPECT_EQ(brussels.sync(), 0u);
}

TEST(Federation, ARogueNodeCannotPassOnWhatItMayNotOriginate) {
  Node brussels(kBrussels), madrid(kMadrid);
  // Brussels' node claims an object of Rabat's, with no marking from Rabat
  // releasing it to Madrid, and (bypassing its own policy) publishes it.
  std::string spoofed =
      R"({"type":"threat-actor","spec_version":"2.1","id":"threat-actor--00000000-0000-4000-8000-0000000000c9","created":")" +
      std::string(kTime) + R"(","modified":")" + kTime +
      R"(","name":"Claimed","labels":["terrorism"],"created_by_ref":")" + kRabat +
      R"(","object_marking_refs":[")" + kAmber + R"("]})";
  brussels.add({spoofed});
  std::string token = brussels.partner_account("madrid", kMadrid);
  auto page = brussels.store->query_objects(brussels.collection, {});
  std::vector<store::Release> releases;
  for (const auto& object : page->objects)
    releases.push_back(store::Release{object.date_added, std::nullopt});
  ASSERT_TRUE(brussels.store->replace_releases(kMadrid, releases).ok());

  madrid.pull_from(brussels, "brussels", token, kBrusselsMadrid);
  madrid.sync();
  EXPECT_FALSE(madrid.holds("c9")) << "Brussels may not pass on an object it says is Rabat's";
  auto about = madrid.audit->about_object("threat-actor--00000000-0000-4000-8000-0000000000c9");
  ASSERT_TRUE(about.ok());
  ASSERT_FALSE(about->empty());
  EXPECT_EQ(about->front().action, "reject");
  EXPECT_NE(about->front().detail.find(kRabat), std::string::npos) << about->front().detail;
}

TEST(Federation, APushIsCheckedStoredWithProvenanceAndAudited) {
  Node rabat(kRabat), brussels(kBrussels);
  // Rabat takes pushes from Brussels under their agreement, into its collection.
  rabat.pull_from(brussels, "brussels", "unused", kRabatBrussels);
  std::string token = rabat.partner_account("brussels", kBrussels);
  ASSERT_TRUE(rabat.store->set_access("brussels", rabat.collection, {true, true}).ok());

  auto own = [](const std::string& tail, const std::string& creator) {
    return R"({"type":"threat-actor","spec_version":"2.1","id":"threat-actor--00000000-0000-4000-8000-0000000000)" +
           tail + R"(","created":")" + kTime + R"(","modified":")" + kTime + R"(","name":"Cell )" +
           tail + R"(","labels":["terrorism"],"created_by_ref":")" + creator +
           R"(","object_marking_refs":[")" + kAmber + "\"]}";
  };
  std::string invalid =
      R"({"type":"threat-actor","spec_version":"2.1","id":"threat-actor--00000000-0000-4000-8000-0000000000d3","created":"yesterday","modified":"today","name":"Broken"})";
  std::string envelope =
      "{\"objects\":[" + own("d1", kBrussels) + "," + own("d2", kMadrid) + "," + invalid + "]}";
  auto client =
      sync::TaxiiClient::connect_to("http://127.0.0.1:" + std::to_string(rabat.port) + "/tansiq/",
                                    token, std::chrono::seconds(10));
  ASSERT_TRUE(client.ok());
  auto reply = client->post("collections/" + rabat.collection + "/objects/", envelope);
  ASSERT_TRUE(reply.ok()) << reply.error().describe();
  ASSERT_EQ(reply->status, 202) << reply->body;
  EXPECT_NE(reply->body.find("\"success_count\":1"), std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find("\"failure_count\":2"), std::string::npos) << reply->body;

  EXPECT_TRUE(rabat.holds("d1"));
  EXPECT_FALSE(rabat.holds("d2")) << "Brussels may not push Madrid's object";
  EXPECT_FALSE(rabat.holds("d3"));
  auto provenance =
      rabat.store->provenance_of("threat-actor--00000000-0000-4000-8000-0000000000d1");
  ASSERT_TRUE(provenance.ok());
  ASSERT_EQ(provenance->size(), 1u);
  EXPECT_EQ(provenance->front().received_from, kBrussels);
  EXPECT_EQ(provenance->front().agreement, kRabatBrussels);
  auto received = rabat.audit->about_object("threat-actor--00000000-0000-4000-8000-0000000000d1");
  ASSERT_TRUE(received.ok() && !received->empty());
  EXPECT_EQ(received->front().action, "receive");
  auto refused = rabat.audit->about_object("threat-actor--00000000-0000-4000-8000-0000000000d2");
  ASSERT_TRUE(refused.ok() && !refused->empty());
  EXPECT_EQ(refused->front().action, "reject");
  EXPECT_NE(refused->front().detail.find(kMadrid), std::string::npos) << refused->front().detail;

  // An agency with an account but no partner record (no agreement) may not push.
  std::string stranger = rabat.partner_account("madrid", kMadrid);
  ASSERT_TRUE(rabat.store->set_access("madrid", rabat.collection, {true, true}).ok());
  auto stranger_client =
      sync::TaxiiClient::connect_to("http://127.0.0.1:" + std::to_string(rabat.port) + "/tansiq/",
                                    stranger, std::chrono::seconds(10));
  ASSERT_TRUE(stranger_client.ok());
  auto refused_push = stranger_client->post("collections/" + rabat.collection + "/objects/",
                                            "{\"objects\":[" + own("d4", kMadrid) + "]}");
  ASSERT_TRUE(refused_push.ok());
  EXPECT_EQ(refused_push->status, 403) << refused_push->body;
  EXPECT_FALSE(rabat.holds("d4"));
}

TEST(Federation, APushDeliversWhatIsReleasedAndNothingElse) {
  Node rabat(kRabat), brussels(kBrussels);
  // c5 is releasable to Brussels; c6 to Madrid only.
  rabat.add({agreement(kRabatBrussels, kRabat, kBrussels), handling("b5", {kBrussels}),
             handling("b6", {kMadrid}), cell("c5", "b5"), cell("c6", "b6")});
  brussels.add({agreement(kRabatBrussels, kRabat, kBrussels)});
  // Brussels takes pushes from Rabat into its collection; Rabat pushes there.
  std::string token = brussels.partner_account("rabat", kRabat);
  ASSERT_TRUE(brussels.store->set_access("rabat", brussels.collection, {true, true}).ok());
  brussels.pull_from(rabat, "rabat", rabat.partner_account("brussels", kBrussels), kRabatBrussels);
  store::Partner partner{"brussels",
                         kBrussels,
                         "http://127.0.0.1:" + std::to_string(brussels.port) + "/tansiq/",
                         brussels.collection,
                         rabat.collection,
                         token,
                         kRabatBrussels,
                         "",
                         0,
                         ""};
  partner.push_collection = brussels.collection;
  ASSERT_TRUE(rabat.store->add_partner(partner).ok());

  rabat.publish();
  rabat.sync(); // pulls nothing (Brussels released nothing to Rabat), then pushes
  EXPECT_TRUE(brussels.holds("c5"));
  EXPECT_FALSE(brussels.holds("c6")) << "c6 is not released to Brussels";
  auto provenance =
      brussels.store->provenance_of("threat-actor--00000000-0000-4000-8000-0000000000c5");
  ASSERT_TRUE(provenance.ok());
  ASSERT_EQ(provenance->size(), 1u);
  EXPECT_EQ(provenance->front().received_from, kRabat);

  auto pushed = rabat.audit->about_object("threat-actor--00000000-0000-4000-8000-0000000000c5");
  ASSERT_TRUE(pushed.ok());
  bool audited = false;
  for (const auto& record : *pushed)
    audited |= record.action == "push" && record.partner == kBrussels;
  EXPECT_TRUE(audited);

  // The cursor is saved: a second pass pushes nothing again.
  auto partners = rabat.store->list_partners();
  ASSERT_TRUE(partners.ok());
  ASSERT_EQ(partners->size(), 1u);
  EXPECT_GT(partners->front().push_cursor, 0);
  auto before = rabat.store->last_audit();
  rabat.sync();
  auto after = rabat.store->last_audit();
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->has_value() ? (*before)->sequence : 0,
            after->has_value() ? (*after)->sequence : 0);
}

TEST(Federation, AnAgreementMadeLaterReleasesOlderObjectsOnTheNextSync) {
  Node rabat(kRabat), brussels(kBrussels);
  auto replace = [](std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
  };
  // c7 (arms trafficking) arrives first; the terrorism agreement does not cover it.
  rabat.add({agreement(kRabatBrussels, kRabat, kBrussels), handling("b7", {kBrussels}),
             replace(cell("c7", "b7"), "\"terrorism\"", "\"arms-trafficking\"")});
  rabat.add({cell("c8", "b7")}); // a terrorism cell, added after c7
  brussels.add({agreement(kRabatBrussels, kRabat, kBrussels)});
  brussels.pull_from(rabat, "rabat", rabat.partner_account("brussels", kBrussels), kRabatBrussels);
  rabat.publish();
  EXPECT_GE(brussels.sync(), 1u);
  ASSERT_TRUE(brussels.holds("c8"));
  ASSERT_FALSE(brussels.holds("c7"));
  // Brussels' cursor is now past c7's arrival. An arms agreement comes into force.
  const std::string arms = "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a7";
  std::string arms_agreement =
      replace(agreement(arms, kRabat, kBrussels), "\"terrorism\"", "\"arms-trafficking\"");
  rabat.add({arms_agreement});
  brussels.add({arms_agreement});
  rabat.publish();
  brussels.sync();
  EXPECT_TRUE(brussels.holds("c7")) << "released later, so after Brussels' cursor";
}

TEST(Federation, APartnerMayNotRedefineMarkingsClaimOurObjectsOrFlood) {
  Node rabat(kRabat), brussels(kBrussels);
  rabat.add({agreement(kRabatBrussels, kRabat, kBrussels), handling("b1", {kBrussels})});
  rabat.pull_from(brussels, "brussels", "unused", kRabatBrussels);
  std::string token = rabat.partner_account("brussels", kBrussels);
  ASSERT_TRUE(rabat.store->set_access("brussels", rabat.collection, {true, true}).ok());
  auto client =
      sync::TaxiiClient::connect_to("http://127.0.0.1:" + std::to_string(rabat.port) + "/tansiq/",
                                    token, std::chrono::seconds(10));
  ASSERT_TRUE(client.ok());
  auto push = [&](const std::vector<std::string>& objects) {
    std::string envelope = "{\"objects\":[";
    for (size_t i = 0; i < objects.size(); ++i)
      envelope += (i ? "," : "") + objects[i];
    auto reply = client->post("collections/" + rabat.collection + "/objects/", envelope + "]}");
    EXPECT_TRUE(reply.ok());
    return reply.ok() ? *reply : sync::HttpReply{};
  };
  const std::string marking_b1 = "marking-definition--00000000-0000-4000-8000-0000000000b1";

  // A different definition of Rabat's own marking: refused, the held one unchanged.
  auto before = rabat.store->find_latest(marking_b1);
  ASSERT_TRUE(before.ok() && before->has_value());
  std::string redefined = handling("b1", {kBrussels, kMadrid});
  auto first = push({redefined});
  EXPECT_EQ(first.status, 202) << first.body;
  EXPECT_NE(first.body.find("may not redefine"), std::string::npos) << first.body;
  EXPECT_EQ(rabat.store->find_latest(marking_b1).value()->json, (*before)->json);

  // An object that says Rabat made it, which Rabat never held: refused.
  auto second = push({handling("b9", {kRabat}), cell("c9", "b9")});
  EXPECT_EQ(second.status, 202) << second.body;
  EXPECT_NE(second.body.find("may not set this agency as its originator"), std::string::npos)
      << second.body;
  EXPECT_FALSE(rabat.holds("c9"));

  // Past the allowance (5 objects a minute here): refused whole, audited.
  auto third = push({cell("ca", "b1"), cell("cb", "b1"), cell("cc", "b1")});
  EXPECT_EQ(third.status, 503) << third.body;
  EXPECT_NE(third.body.find("flood"), std::string::npos) << third.body;
  EXPECT_FALSE(rabat.holds("ca"));
  auto last = rabat.store->last_audit();
  ASSERT_TRUE(last.ok() && last->has_value());
  EXPECT_NE((*last)->detail.find("flood"), std::string::npos) << (*last)->detail;
}
