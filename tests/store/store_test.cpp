// The store contract. Every back end must pass these tests; they are written
// against store.h only and run on each back end: SQLite in a temp directory,
// PostgreSQL on the real server of tests/support/postgres_server.h.
#include "store/postgres/pg_connection.h"
#include "store/store.h"
#include "support/postgres_server.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unistd.h>

using namespace tansiq;
using namespace tansiq::store;

namespace {

constexpr const char* kCollection = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";

struct Version {
  std::string id, type, version, json;
  MicrosSinceEpoch micros;
  std::string tlp = {};
};

Version make_version(const std::string& id, const std::string& version) {
  std::string type = id.substr(0, id.find("--"));
  return Version{id, type, version,
                 R"({"type":")" + type + R"(","id":")" + id + R"(","modified":")" + version + "\"}",
                 *stix::parse_timestamp(version)};
}

std::vector<NewObject> as_new(const std::vector<Version>& versions) {
  std::vector<NewObject> objects;
  for (const auto& v : versions)
    objects.push_back(NewObject{v.id, v.type, "2.1", v.version, v.micros, v.json, v.tlp});
  return objects;
}

const std::string kA = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
const std::string kB = "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b";
const std::string kC = "indicator--0f7b2b7e-9d83-4fe0-a0a6-0fbd0e3ec1c7";

enum class Backend { sqlite, postgresql };

class StoreContract : public ::testing::TestWithParam<Backend> {
protected:
  void SetUp() override {
    if (GetParam() == Backend::postgresql) {
      try {
        postgres_ = std::make_unique<test_support::ScratchPostgres>();
      } catch (const std::exception& error) {
        FAIL() << "no PostgreSQL server for the test: " << error.what();
      }
    }
    auto opened = open_store(true);
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    store_ = std::move(opened.value());
    ASSERT_TRUE(store_->create_collection({kCollection, "Shared", "test"}).ok());
  }

  // The same store, opened again (or created).
  Result<std::unique_ptr<Store>> open_store(bool create) {
    if (GetParam() == Backend::postgresql)
      return open_postgres_store(postgres_->uri(), create);
    return open_sqlite_store(dir_.file("store.sqlite"), create);
  }

  std::vector<std::string> ids_of(const ObjectQuery& query) {
    auto page = store_->query_objects(kCollection, query);
    EXPECT_TRUE(page.ok()) << page.error().describe();
    std::vector<std::string> ids;
    for (const auto& object : page->objects)
      ids.push_back(object.id + "@" + object.version);
    return ids;
  }

  test_support::TempDir dir_;
  std::unique_ptr<test_support::ScratchPostgres> postgres_;
  std::unique_ptr<Store> store_;
};

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "sqlite" : "postgresql";
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(Backend::sqlite), backend_name);
INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract, ::testing::Values(Backend::postgresql),
                         backend_name);

TEST_P(StoreContract, CollectionsAreCreatedListedAndUnique) {
  EXPECT_EQ(store_->create_collection({kCollection, "Again", ""}).error().kind,
            Error::Kind::conflict);
  auto all = store_->list_collections();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().title, "Shared");
  EXPECT_FALSE(store_->find_collection("nope").value().has_value());
}

TEST_P(StoreContract, ObjectsComeBackAsTheExactBytesStored) {
  auto versions = std::vector<Version>{make_version(kA, "2020-01-01T00:00:00.000Z")};
  auto added = store_->add_objects(kCollection, as_new(versions));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->at(0), AddOutcome::added);
  auto page = store_->query_objects(kCollection, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->objects.size(), 1u);
  EXPECT_EQ(page->objects[0].json, versions[0].json);
  EXPECT_GT(page->objects[0].date_added, 0);
}

TEST_P(StoreContract, SameVersionTwiceIsADuplicate) {
  auto versions = std::vector<Version>{make_version(kA, "2020-01-01T00:00:00.000Z"),
                                       make_version(kA, "2020-01-01T00:00:00.000Z")};
  auto added = store_->add_objects(kCollection, as_new(versions));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->at(0), AddOutcome::added);
  EXPECT_EQ(added->at(1), AddOutcome::duplicate);
  EXPECT_EQ(store_->count_objects(kCollection).value(), 1u);
}

TEST_P(StoreContract, VersionMatchSelectsFirstLastAllAndExact) {
  // Added out of order: the newest version arrives before an older one.
  auto versions = std::vector<Version>{make_version(kA, "2020-02-01T00:00:00.000Z"),
                                       make_version(kA, "2020-03-01T00:00:00.000Z"),
                                       make_version(kA, "2020-01-01T00:00:00.000Z")};
  ASSERT_TRUE(store_->add_objects(kCollection, as_new(versions)).ok());
  ObjectQuery last;
  EXPECT_EQ(ids_of(last), std::vector<std::string>{kA + "@2020-03-01T00:00:00.000Z"});
  ObjectQuery first;
  first.versions = {false, true, false, {}};
  EXPECT_EQ(ids_of(first), std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z"});
  ObjectQuery all;
  all.versions = {true, false, false, {}};
  EXPECT_EQ(ids_of(all).size(), 3u);
  ObjectQuery exact;
  exact.versions = {false, false, false, {*stix::parse_timestamp("2020-02-01T00:00:00Z")}};
  EXPECT_EQ(ids_of(exact), std::vector<std::string>{kA + "@2020-02-01T00:00:00.000Z"});
}

TEST_P(StoreContract, FiltersByIdAndType) {
  auto versions = std::vector<Version>{make_version(kA, "2020-01-01T00:00:00.000Z"),
                                       make_version(kB, "2020-01-01T00:00:00.000Z"),
                                       make_version(kC, "2020-01-01T00:00:00.000Z")};
  ASSERT_TRUE(store_->add_objects(kCollection, as_new(versions)).ok());
  ObjectQuery by_type;
  by_type.types = {"indicator"};
  EXPECT_EQ(ids_of(by_type).size(), 2u);
  ObjectQuery by_id;
  by_id.ids = {kB};
  EXPECT_EQ(ids_of(by_id), std::vector<std::string>{kB + "@2020-01-01T00:00:00.000Z"});
}

TEST_P(StoreContract, PagesFollowDateAddedWithACursor) {
  std::vector<Version> versions;
  for (int i = 0; i < 25; ++i)
    versions.push_back(make_version("indicator--00000000-0000-4000-8000-0000000000" +
                                        std::string(i < 10 ? "0" : "") + std::to_string(i),
                                    "2020-01-01T00:00:00.000Z"));
  ASSERT_TRUE(store_->add_objects(kCollection, as_new(versions)).ok());
  ObjectQuery query;
  query.limit = 10;
  std::vector<std::string> seen;
  for (int page_number = 0;; ++page_number) {
    auto page = store_->query_objects(kCollection, query);
    ASSERT_TRUE(page.ok());
    for (const auto& object : page->objects)
      seen.push_back(object.id);
    if (!page->more)
      break;
    query.after_cursor = page->next_cursor;
    ASSERT_LT(page_number, 5);
  }
  ASSERT_EQ(seen.size(), 25u);
  for (size_t i = 0; i < seen.size(); ++i)
    EXPECT_EQ(seen[i], versions[i].id);
}

TEST_P(StoreContract, AddedAfterExcludesEarlierAdditions) {
  ASSERT_TRUE(
      store_->add_objects(kCollection, as_new({make_version(kA, "2020-01-01T00:00:00.000Z")}))
          .ok());
  auto first = store_->query_objects(kCollection, {});
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(
      store_->add_objects(kCollection, as_new({make_version(kB, "2020-01-01T00:00:00.000Z")}))
          .ok());
  ObjectQuery query;
  query.added_after = first->objects[0].date_added;
  EXPECT_EQ(ids_of(query), std::vector<std::string>{kB + "@2020-01-01T00:00:00.000Z"});
}

TEST_P(StoreContract, DeleteRemovesSelectedVersionsAndKeepsFirstLastRight) {
  auto versions = std::vector<Version>{make_version(kA, "2020-01-01T00:00:00.000Z"),
                                       make_version(kA, "2020-02-01T00:00:00.000Z")};
  ASSERT_TRUE(store_->add_objects(kCollection, as_new(versions)).ok());
  ObjectQuery newest;
  newest.versions = {false, false, true, {}};
  EXPECT_EQ(store_->delete_object(kCollection, kA, newest).value(), 1u);
  EXPECT_EQ(ids_of({}), std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z"});
  ObjectQuery all;
  all.versions = {true, false, false, {}};
  EXPECT_EQ(store_->delete_object(kCollection, kA, all).value(), 1u);
  EXPECT_TRUE(ids_of({}).empty());
}

TEST_P(StoreContract, UnknownCollectionIsNotFoundAndNothingIsWritten) {
  auto added =
      store_->add_objects("no-such", as_new({make_version(kA, "2020-01-01T00:00:00.000Z")}));
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().kind, Error::Kind::not_found);
  EXPECT_EQ(store_->count_objects(kCollection).value(), 0u);
}

TEST_P(StoreContract, UsersTokensAndAccess) {
  ASSERT_TRUE(store_->add_user({"amina", Role::analyst, "", false, 1, ""}).ok());
  EXPECT_EQ(store_->add_user({"amina", Role::admin, "", false, 1, ""}).error().kind,
            Error::Kind::conflict);
  ASSERT_TRUE(store_->add_token("amina", "hash-1", "laptop").ok());
  auto found = store_->find_user_by_token("hash-1");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->name, "amina");
  EXPECT_FALSE(store_->access("amina", kCollection)->read);
  ASSERT_TRUE(store_->set_access("amina", kCollection, {true, false}).ok());
  EXPECT_TRUE(store_->access("amina", kCollection)->read);
  EXPECT_FALSE(store_->access("amina", kCollection)->write);
  ASSERT_TRUE(store_->revoke_user("amina").ok());
  EXPECT_FALSE(store_->find_user_by_token("hash-1")->has_value());
  EXPECT_TRUE(store_->find_user("amina")->value().revoked);
  EXPECT_EQ(store_->revoke_user("nobody").error().kind, Error::Kind::not_found);
}

TEST_P(StoreContract, StatusDocumentsRoundTrip) {
  ASSERT_TRUE(store_->put_status("s1", R"({"id":"s1"})").ok());
  EXPECT_EQ(store_->find_status("s1")->value(), R"({"id":"s1"})");
  EXPECT_FALSE(store_->find_status("s2")->has_value());
}

TEST_P(StoreContract, SimilarityKeysFindTheObjectsSharingMostKeysFirst) {
  const std::vector<std::uint64_t> a = {1, 2, 3, 0xFFFFFFFFFFFFFFF0ULL}; // full 64 bits kept
  const std::vector<std::uint64_t> b = {3, 4};
  ASSERT_TRUE(store_->add_similarity_keys("report--a", a).ok());
  ASSERT_TRUE(store_->add_similarity_keys("report--b", b).ok());
  ASSERT_TRUE(store_->add_similarity_keys("report--b", b).ok()); // again: not an error
  const std::vector<std::uint64_t> query = {2, 3, 4, 0xFFFFFFFFFFFFFFF0ULL};
  auto found = store_->find_by_similarity_keys(query, 10);
  ASSERT_TRUE(found.ok()) << found.error().describe();
  EXPECT_EQ(*found, (std::vector<std::string>{"report--a", "report--b"})); // 3 keys, then 2
  EXPECT_EQ(*store_->find_by_similarity_keys(query, 1), std::vector<std::string>{"report--a"});
  const std::vector<std::uint64_t> only_b = {4};
  EXPECT_EQ(*store_->find_by_similarity_keys(only_b, 10), std::vector<std::string>{"report--b"});
  const std::vector<std::uint64_t> none = {99};
  EXPECT_TRUE(store_->find_by_similarity_keys(none, 10)->empty());
  EXPECT_TRUE(store_->find_by_similarity_keys({}, 10)->empty());
}

// Keys given with an object are written in its transaction: found afterwards, also when the
// object was a duplicate; an object without keys adds none.
TEST_P(StoreContract, SimilarityKeysWrittenWithTheirObject) {
  const std::vector<std::uint64_t> keys = {7, 8, 0xFFFFFFFFFFFFFFF1ULL};
  const std::vector<Version> versions = {make_version(kA, "2020-01-01T00:00:00.000Z"),
                                         make_version(kB, "2020-01-01T00:00:00.000Z")};
  auto objects = as_new(versions); // views into `versions`
  objects[0].similarity_keys = keys;
  auto added = store_->add_objects(kCollection, objects);
  ASSERT_TRUE(added.ok()) << added.error().describe();
  EXPECT_EQ(*added, (std::vector<AddOutcome>{AddOutcome::added, AddOutcome::added}));
  EXPECT_EQ(*store_->find_by_similarity_keys(keys, 10), std::vector<std::string>{kA});
  // The same object again (a duplicate) with one more key: that key is written too.
  const std::vector<std::uint64_t> more = {9};
  objects.resize(1);
  objects[0].similarity_keys = more;
  added = store_->add_objects(kCollection, objects);
  ASSERT_TRUE(added.ok()) << added.error().describe();
  EXPECT_EQ(*added, std::vector<AddOutcome>{AddOutcome::duplicate});
  EXPECT_EQ(*store_->find_by_similarity_keys(more, 10), std::vector<std::string>{kA});
  const std::vector<std::uint64_t> of_b = {1, 2, 3, 4, 5, 6};
  EXPECT_TRUE(store_->find_by_similarity_keys(of_b, 10)->empty());
}

TEST_P(StoreContract, DataSurvivesReopening) {
  ASSERT_TRUE(
      store_->add_objects(kCollection, as_new({make_version(kA, "2020-01-01T00:00:00.000Z")}))
          .ok());
  store_.reset();
  auto reopened = open_store(false);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->count_objects(kCollection).value(), 1u);
  // date_added keeps increasing after a reopen.
  ASSERT_TRUE((*reopened)
                  ->add_objects(kCollection, as_new({make_version(kB, "2020-01-01T00:00:00.000Z")}))
                  .ok());
  auto page = (*reopened)->query_objects(kCollection, {});
  ASSERT_EQ(page->objects.size(), 2u);
  EXPECT_LT(page->objects[0].date_added, page->objects[1].date_added);
}

TEST(SqliteStore, MissingFileIsAnErrorWhenNotCreating) {
  test_support::TempDir dir;
  auto opened = open_sqlite_store(dir.file("absent.sqlite"), false);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, Error::Kind::unavailable);
}

TEST_P(StoreContract, FindsTheNewestVersionAcrossCollections) {
  const char* other = "0c8f6c1e-51a4-4f7e-9a53-4d2f3a3e7b01";
  ASSERT_TRUE(store_->create_collection({other, "Other", ""}).ok());
  ASSERT_TRUE(
      store_->add_objects(kCollection, as_new({make_version(kA, "2020-01-01T00:00:00.000Z")}))
          .ok());
  ASSERT_TRUE(store_
                  ->add_objects(other, as_new({make_version(kA, "2021-01-01T00:00:00.000Z"),
                                               make_version(kB, "2020-01-01T00:00:00.000Z")}))
                  .ok());
  auto latest = store_->find_latest(kA);
  ASSERT_TRUE(latest.ok());
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->version, "2021-01-01T00:00:00.000Z");
  EXPECT_FALSE(store_->find_latest(kC)->has_value());
  auto indicators = store_->latest_of_type("indicator");
  ASSERT_TRUE(indicators.ok());
  ASSERT_EQ(indicators->size(), 1u);
  EXPECT_EQ(indicators->front().version, "2021-01-01T00:00:00.000Z");
  EXPECT_NE(indicators->front().json.find("2021-01-01"), std::string::npos);
}

TEST_P(StoreContract, APartnersViewHoldsOnlyWhatWasPublishedToIt) {
  auto versions = std::vector<Version>{make_version(kA, "2020-01-01T00:00:00.000Z"),
                                       make_version(kB, "2020-01-01T00:00:00.000Z"),
                                       make_version(kC, "2020-01-01T00:00:00.000Z")};
  ASSERT_TRUE(store_->add_objects(kCollection, as_new(versions)).ok());
  auto all = store_->query_objects(kCollection, {});
  ASSERT_EQ(all->objects.size(), 3u);
  const std::string brussels = "identity--00000000-0000-4000-8000-000000000002";
  std::vector<Release> releases{{all->objects[0].date_added, std::nullopt},
                                {all->objects[2].date_added, 500}};
  ASSERT_TRUE(store_->replace_releases(brussels, releases).ok());
  ObjectQuery view;
  view.released_to = brussels;
  view.now = 100;
  EXPECT_EQ(ids_of(view), (std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z",
                                                    kC + "@2020-01-01T00:00:00.000Z"}));
  view.now = 600; // the second publication lapsed
  EXPECT_EQ(ids_of(view), std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z"});
  view.released_to = "identity--00000000-0000-4000-8000-000000000003";
  EXPECT_TRUE(ids_of(view).empty());
  EXPECT_EQ(store_->released_versions(brussels)->size(), 2u);
  ASSERT_TRUE(store_->replace_releases(brussels, {}).ok());
  EXPECT_TRUE(store_->released_versions(brussels)->empty());
}

TEST_P(StoreContract, NewestFirstPagesRunDownwardsWithACursor) {
  std::vector<Version> versions;
  for (int i = 0; i < 12; ++i)
    versions.push_back(make_version("indicator--00000000-0000-4000-8000-0000000001" +
                                        std::string(i < 10 ? "0" : "") + std::to_string(i),
                                    "2020-01-01T00:00:00.000Z"));
  ASSERT_TRUE(store_->add_objects(kCollection, as_new(versions)).ok());
  ObjectQuery query;
  query.newest_first = true;
  query.limit = 5;
  std::vector<std::string> seen;
  for (int page_number = 0;; ++page_number) {
    auto page = store_->query_objects(kCollection, query);
    ASSERT_TRUE(page.ok());
    for (const auto& object : page->objects)
      seen.push_back(object.id);
    if (!page->more)
      break;
    query.after_cursor = page->next_cursor;
    ASSERT_LT(page_number, 3);
  }
  ASSERT_EQ(seen.size(), versions.size());
  for (size_t i = 0; i < seen.size(); ++i)
    EXPECT_EQ(seen[i], versions[versions.size() - 1 - i].id);
}

TEST_P(StoreContract, CountsPerTypeAndSinceAnInstant) {
  ASSERT_TRUE(store_
                  ->add_objects(kCollection, as_new({make_version(kA, "2020-01-01T00:00:00.000Z"),
                                                     make_version(kA, "2020-02-01T00:00:00.000Z")}))
                  .ok());
  auto first = store_->query_objects(kCollection, {});
  ASSERT_TRUE(first.ok());
  MicrosSinceEpoch before_b = first->objects.back().date_added;
  ASSERT_TRUE(store_
                  ->add_objects(kCollection, as_new({make_version(kB, "2020-01-01T00:00:00.000Z"),
                                                     make_version(kC, "2020-01-01T00:00:00.000Z")}))
                  .ok());
  auto counts = store_->count_types(kCollection);
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ(counts->at(0).type, "indicator"); // versions count: kA twice, kC once
  EXPECT_EQ(counts->at(0).count, 3u);
  EXPECT_EQ(counts->at(1).type, "malware");
  EXPECT_EQ(counts->at(1).count, 1u);
  EXPECT_EQ(store_->count_added_after(kCollection, before_b).value(), 2u);
  EXPECT_EQ(store_->count_added_after(kCollection, 0).value(), 4u);
  EXPECT_EQ(store_->count_types("no-such").error().kind, Error::Kind::not_found);
}

TEST_P(StoreContract, ReferrersOfAnObjectAreFoundByType) {
  const std::string relationship = "relationship--5b0c3e2a-8f1d-4c6b-9a7e-2d4f6b8a0c1e";
  const std::string unrelated = "relationship--6c1d4f3b-9a2e-4d7c-8b8f-3e5a7c9b1d2f";
  auto make = [](const std::string& id, const std::string& source, const std::string& target) {
    return Version{id, "relationship", "2020-01-01T00:00:00.000Z",
                   R"({"type":"relationship","id":")" + id + R"(","source_ref":")" + source +
                       R"(","target_ref":")" + target + "\"}",
                   *stix::parse_timestamp("2020-01-01T00:00:00.000Z")};
  };
  ASSERT_TRUE(
      store_
          ->add_objects(kCollection, as_new({make(relationship, kA, kB), make(unrelated, kC, kC)}))
          .ok());
  const std::vector<std::string> types = {"relationship", "report"};
  auto found = store_->find_referrers(kCollection, kB, types, 10);
  ASSERT_TRUE(found.ok()) << found.error().describe();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, relationship);
  EXPECT_EQ(store_->find_referrers(kCollection, kA, types, 10)->size(), 1u);
  EXPECT_TRUE(store_->find_referrers(kCollection, kA, {"report"}, 10)->empty());
  // Markings name no referrer; a deleted referrer is gone.
  auto marked = make(relationship, kA, kC);
  marked.version = "2021-01-01T00:00:00.000Z";
  marked.micros = *stix::parse_timestamp(marked.version);
  marked.json.insert(marked.json.size() - 1, R"(,"object_marking_refs":[")" + kB + "\"]");
  ASSERT_TRUE(store_->add_objects(kCollection, as_new({marked})).ok());
  EXPECT_TRUE(store_->find_referrers(kCollection, kB, types, 10)->empty())
      << "the newest version names kB only as a marking";
  EXPECT_EQ(store_->find_referrers(kCollection, kC, types, 10)->size(), 2u);
  ObjectQuery everything;
  everything.versions.all = true;
  ASSERT_EQ(store_->delete_object(kCollection, unrelated, everything).value(), 1u);
  EXPECT_EQ(store_->find_referrers(kCollection, kC, types, 10)->size(), 1u);
  // An id that is a prefix of another's is not a match.
  EXPECT_TRUE(store_->find_referrers(kCollection, kB.substr(0, 20), types, 10)->empty());
  EXPECT_TRUE(store_->find_referrers("no-such", kB, types, 10)->empty());
}

TEST_P(StoreContract, AuditCountsPerPartnerAndActionSinceAnInstant) {
  std::vector<AuditRecord> records;
  auto record = [&](std::int64_t sequence, MicrosSinceEpoch time, const char* action,
                    const char* partner) {
    AuditRecord r;
    r.sequence = sequence;
    r.time = time;
    r.action = action;
    r.actor = "test";
    r.partner = partner;
    r.hash = std::to_string(sequence);
    records.push_back(r);
  };
  record(1, 100, "release", "brussels");
  record(2, 200, "release", "brussels");
  record(3, 300, "release", "brussels");
  record(4, 300, "deny", "brussels");
  record(5, 400, "pull", "madrid");
  ASSERT_TRUE(store_->append_audit(records).ok());
  auto counts = store_->count_audit_since(200);
  ASSERT_TRUE(counts.ok()) << counts.error().describe();
  ASSERT_EQ(counts->size(), 3u);
  EXPECT_EQ(counts->at(0).partner, "brussels");
  EXPECT_EQ(counts->at(0).action, "deny");
  EXPECT_EQ(counts->at(0).count, 1u);
  EXPECT_EQ(counts->at(1).action, "release");
  EXPECT_EQ(counts->at(1).count, 2u);
  EXPECT_EQ(counts->at(2).partner, "madrid");
  EXPECT_TRUE(store_->count_audit_since(1000)->empty());
}

TEST_P(StoreContract, ListsFilterAndCountByTlp) {
  auto red = make_version(kA, "2020-01-01T00:00:00.000Z");
  red.tlp = "TLP:RED";
  auto red_again = make_version(kA, "2021-01-01T00:00:00.000Z");
  red_again.tlp = "TLP:RED";
  auto green = make_version(kB, "2020-01-01T00:00:00.000Z");
  green.tlp = "TLP:GREEN";
  auto unmarked = make_version(kC, "2020-01-01T00:00:00.000Z");
  ASSERT_TRUE(store_->add_objects(kCollection, as_new({red, green, unmarked, red_again})).ok());
  // A duplicate is not counted twice.
  ASSERT_TRUE(store_->add_objects(kCollection, as_new({green})).ok());

  ObjectQuery query;
  query.versions.all = true;
  query.tlps = {"TLP:RED"};
  EXPECT_EQ(ids_of(query), (std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z",
                                                     kA + "@2021-01-01T00:00:00.000Z"}));
  query.tlps = {"TLP:GREEN", ""};
  query.newest_first = true;
  EXPECT_EQ(ids_of(query), (std::vector<std::string>{kC + "@2020-01-01T00:00:00.000Z",
                                                     kB + "@2020-01-01T00:00:00.000Z"}));

  auto tlps = store_->count_tlps(kCollection);
  ASSERT_TRUE(tlps.ok()) << tlps.error().describe();
  ASSERT_EQ(tlps->size(), 3u);
  EXPECT_EQ(tlps->at(0).tlp, "TLP:RED");
  EXPECT_EQ(tlps->at(0).count, 2u);
  EXPECT_EQ(tlps->at(1).tlp, "");
  EXPECT_EQ(tlps->at(1).count, 1u);
  EXPECT_EQ(tlps->at(2).tlp, "TLP:GREEN");
  EXPECT_EQ(store_->count_objects(kCollection).value(), 4u);

  // Deleting versions takes them out of every count.
  ObjectQuery everything;
  everything.versions.all = true;
  ASSERT_EQ(store_->delete_object(kCollection, kA, everything).value(), 2u);
  tlps = store_->count_tlps(kCollection);
  ASSERT_TRUE(tlps.ok());
  ASSERT_EQ(tlps->size(), 2u);
  EXPECT_EQ(tlps->at(0).tlp, "");
  EXPECT_EQ(tlps->at(1).tlp, "TLP:GREEN");
  auto types = store_->count_types(kCollection);
  ASSERT_TRUE(types.ok());
  ASSERT_EQ(types->size(), 2u);
  EXPECT_EQ(types->at(0).type, "indicator");
  EXPECT_EQ(types->at(0).count, 1u);
  EXPECT_EQ(store_->count_objects(kCollection).value(), 2u);
  EXPECT_EQ(store_->count_tlps("no-such").error().kind, Error::Kind::not_found);
}

TEST_P(StoreContract, ListsFilterAndCountByPartnerOfOrigin) {
  auto a = make_version(kA, "2020-01-01T00:00:00.000Z");
  auto a2 = make_version(kA, "2021-01-01T00:00:00.000Z");
  auto b = make_version(kB, "2020-01-01T00:00:00.000Z");
  auto c = make_version(kC, "2020-01-01T00:00:00.000Z");
  ASSERT_TRUE(store_->add_objects(kCollection, as_new({a, a2, b, c})).ok());
  ASSERT_TRUE(store_
                  ->add_provenance(std::vector<Provenance>{
                      {kA, a.micros, "identity--brussels", "x-tansiq-agreement--1", 10},
                      {kA, a2.micros, "identity--brussels", "x-tansiq-agreement--1", 11},
                      {kB, b.micros, "identity--madrid", "x-tansiq-agreement--2", 12},
                      // Received from a partner but held in no collection of this test.
                      {kC, 1, "identity--madrid", "x-tansiq-agreement--2", 13}})
                  .ok());
  ObjectQuery query;
  query.versions.all = true;
  query.received_from = "identity--brussels";
  EXPECT_EQ(ids_of(query), (std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z",
                                                     kA + "@2021-01-01T00:00:00.000Z"}));
  query.received_from = "identity--madrid";
  EXPECT_EQ(ids_of(query), (std::vector<std::string>{kB + "@2020-01-01T00:00:00.000Z"}));
  query.received_from = "identity--nobody";
  EXPECT_TRUE(ids_of(query).empty());

  auto origins = store_->count_origins(kCollection);
  ASSERT_TRUE(origins.ok()) << origins.error().describe();
  ASSERT_EQ(origins->size(), 2u);
  EXPECT_EQ(origins->at(0).agency, "identity--brussels");
  EXPECT_EQ(origins->at(0).count, 2u);
  EXPECT_EQ(origins->at(1).agency, "identity--madrid");
  EXPECT_EQ(origins->at(1).count, 1u);
}

TEST_P(StoreContract, AVersionWithoutATlpIsFiledAsUnmarked) {
  auto v = make_version(kA, "2020-01-01T00:00:00.000Z");
  NewObject object{v.id, v.type, "2.1", v.version, v.micros, v.json}; // tlp left out
  ASSERT_TRUE(store_->add_objects(kCollection, std::span(&object, 1)).ok());
  ObjectQuery unmarked;
  unmarked.tlps = {""};
  EXPECT_EQ(ids_of(unmarked), std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z"});
}

TEST_P(StoreContract, BytesComeBackVerbatimWhateverTheyHold) {
  // Arabic, escapes, backslashes, and bytes COPY or SQL would treat specially.
  // Raw tab, CR and LF too (not valid JSON, but the store keeps whatever bytes it is given).
  const std::string json = R"({"type":"indicator","id":")" + kA +
                           R"(","name":"\u0645 محمد \\ \t \n","x":"'; --","pattern":"a\\b)" +
                           "\t\r\n" + R"(\."})";
  Version version{kA, "indicator", "2020-01-01T00:00:00.000Z", json,
                  *stix::parse_timestamp("2020-01-01T00:00:00.000Z")};
  ASSERT_TRUE(store_->add_objects(kCollection, as_new({version})).ok());
  auto page = store_->query_objects(kCollection, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->objects.size(), 1u);
  EXPECT_EQ(page->objects[0].json, json);
  EXPECT_EQ(store_->find_latest(kA)->value().json, json);
}

TEST_P(StoreContract, VersionsOfOneObjectInOneBatchAndLaterKeepFirstAndLastRight) {
  ASSERT_TRUE(store_
                  ->add_objects(kCollection, as_new({make_version(kA, "2020-02-01T00:00:00.000Z"),
                                                     make_version(kA, "2020-03-01T00:00:00.000Z"),
                                                     make_version(kA, "2020-01-15T00:00:00.000Z")}))
                  .ok());
  ASSERT_TRUE(store_
                  ->add_objects(kCollection, as_new({make_version(kA, "2020-04-01T00:00:00.000Z"),
                                                     make_version(kA, "2020-01-01T00:00:00.000Z")}))
                  .ok());
  ObjectQuery first;
  first.versions = {false, true, false, {}};
  EXPECT_EQ(ids_of(first), std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z"});
  EXPECT_EQ(ids_of({}), std::vector<std::string>{kA + "@2020-04-01T00:00:00.000Z"});
  ObjectQuery both;
  both.versions = {false, true, true, {}};
  EXPECT_EQ(ids_of(both).size(), 2u);
}

TEST_P(StoreContract, ConcurrentWritersGetUniqueIncreasingDateAdded) {
  constexpr int kThreads = 4, kBatches = 25, kPerBatch = 4;
  std::vector<std::thread> writers;
  std::vector<std::string> failures(kThreads);
  for (int t = 0; t < kThreads; ++t)
    writers.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<Version> batch;
        for (int i = 0; i < kPerBatch; ++i) {
          char id[64];
          std::snprintf(id, sizeof id, "indicator--00000000-0000-4000-8000-%04d%04d%04d", t, b, i);
          batch.push_back(make_version(id, "2020-01-01T00:00:00.000Z"));
        }
        auto added = store_->add_objects(kCollection, as_new(batch));
        if (!added.ok())
          failures[t] = added.error().describe();
      }
    });
  for (auto& writer : writers)
    writer.join();
  for (const auto& failure : failures)
    EXPECT_EQ(failure, "");
  ObjectQuery query;
  query.limit = 100000;
  auto page = store_->query_objects(kCollection, query);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->objects.size(), static_cast<size_t>(kThreads * kBatches * kPerBatch));
  for (size_t i = 1; i < page->objects.size(); ++i)
    ASSERT_LT(page->objects[i - 1].date_added, page->objects[i].date_added) << "at " << i;
  // Each batch's versions sit together: a batch is one transaction.
  for (size_t i = 0; i < page->objects.size(); i += kPerBatch) {
    std::string batch_prefix = page->objects[i].id.substr(0, page->objects[i].id.size() - 4);
    for (int j = 1; j < kPerBatch; ++j)
      EXPECT_EQ(page->objects[i + j].id.substr(0, batch_prefix.size()), batch_prefix);
  }
}

TEST_P(StoreContract, AuditAppendsFollowTheLogOrConflict) {
  auto record = [](std::int64_t sequence) {
    AuditRecord r;
    r.sequence = sequence;
    r.time = 100 * sequence;
    r.action = "release";
    r.actor = "test";
    r.object_id = sequence == 2 ? kA : kB;
    r.hash = "h" + std::to_string(sequence);
    return r;
  };
  ASSERT_TRUE(store_->append_audit(std::vector<AuditRecord>{record(1), record(2)}).ok());
  // A gap, or a sequence taken already: refused, and nothing of the batch is kept.
  EXPECT_EQ(store_->append_audit(std::vector<AuditRecord>{record(3), record(5)}).error().kind,
            Error::Kind::conflict);
  EXPECT_EQ(store_->append_audit(std::vector<AuditRecord>{record(2)}).error().kind,
            Error::Kind::conflict);
  EXPECT_EQ(store_->last_audit()->value().sequence, 2);
  ASSERT_TRUE(store_->append_audit(std::vector<AuditRecord>{record(3)}).ok());
  auto about_a = store_->read_audit(0, 10, kA);
  ASSERT_TRUE(about_a.ok());
  ASSERT_EQ(about_a->size(), 1u);
  EXPECT_EQ(about_a->front().hash, "h2");
  EXPECT_EQ(store_->read_audit(1, 1, "")->front().sequence, 2);
}

TEST_P(StoreContract, ReleasesKeepTheirInstantAndLaterOnesComeAfter) {
  auto versions = std::vector<Version>{make_version(kA, "2020-01-01T00:00:00.000Z"),
                                       make_version(kB, "2020-01-01T00:00:00.000Z")};
  ASSERT_TRUE(store_->add_objects(kCollection, as_new(versions)).ok());
  auto all = store_->query_objects(kCollection, {});
  ASSERT_EQ(all->objects.size(), 2u);
  const std::string agency = "identity--00000000-0000-4000-8000-000000000002";
  ASSERT_TRUE(
      store_->add_releases(agency, std::vector<Release>{{all->objects[1].date_added, {}}}).ok());
  ObjectQuery view;
  view.released_to = agency;
  auto first = store_->query_objects(kCollection, view);
  ASSERT_EQ(first->objects.size(), 1u);
  // The older version released later comes after the partner's cursor.
  ASSERT_TRUE(store_
                  ->replace_releases(agency, std::vector<Release>{{all->objects[0].date_added, {}},
                                                                  {all->objects[1].date_added, {}}})
                  .ok());
  view.after_cursor = first->next_cursor;
  EXPECT_EQ(ids_of(view), std::vector<std::string>{kA + "@2020-01-01T00:00:00.000Z"});
}

TEST_P(StoreContract, PartnersProvenanceAndDeletionsOfPartners) {
  Partner partner;
  partner.name = "brussels";
  partner.agency = "identity--00000000-0000-4000-8000-000000000002";
  partner.api_root_url = "http://127.0.0.1:7373/tansiq/";
  partner.collection = "c";
  partner.local_collection = kCollection;
  partner.token = "t";
  partner.agreement = "a";
  ASSERT_TRUE(store_->add_partner(partner).ok());
  EXPECT_EQ(store_->add_partner(partner).error().kind, Error::Kind::conflict);
  ASSERT_TRUE(store_->record_sync("brussels", "2020-01-01T00:00:00.000Z", 42, "").ok());
  ASSERT_TRUE(store_->record_sync("brussels", "", 43, "timed out").ok());
  ASSERT_TRUE(store_->record_push("brussels", 77).ok());
  auto partners = store_->list_partners();
  ASSERT_EQ(partners->size(), 1u);
  EXPECT_EQ(partners->front().cursor, "2020-01-01T00:00:00.000Z");
  EXPECT_EQ(partners->front().last_success, 42);
  EXPECT_EQ(partners->front().last_error, "timed out");
  EXPECT_EQ(partners->front().push_cursor, 77);
  std::vector<Provenance> records{{kA, 1, "brussels", "a", 10}, {kA, 2, "brussels", "a", 20}};
  ASSERT_TRUE(store_->add_provenance(records).ok());
  ASSERT_TRUE(store_->add_provenance(records).ok()); // the same again changes nothing
  auto provenance = store_->provenance_of(kA);
  ASSERT_EQ(provenance->size(), 2u);
  EXPECT_EQ(provenance->front().version_micros, 2);
}

TEST(PostgresStore, AnEmptyDatabaseIsNotAStoreUnlessCreating) {
  test_support::ScratchPostgres database;
  auto opened = open_postgres_store(database.uri(), false);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, Error::Kind::not_found);
  ASSERT_TRUE(open_postgres_store(database.uri(), true).ok());
  EXPECT_TRUE(open_postgres_store(database.uri(), false).ok());
}

TEST(PostgresStore, AnUnreachableServerIsUnavailable) {
  test_support::TempDir dir; // no server listens in an empty directory
  auto opened = open_postgres_store(
      "postgresql:///postgres?host=" + dir.path().string() + "&port=5432", true);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, Error::Kind::unavailable);
  EXPECT_NE(opened.error().message.find("cannot connect"), std::string::npos);
}

TEST(PostgresStore, ManyThreadsShareABoundedPoolOfConnections) {
  test_support::ScratchPostgres database;
  // The name marks this store's connections among the server's other clients.
  const std::string name = "tansiq-pool-test-" + std::to_string(::getpid());
  auto opened = open_postgres_store(database.uri() + "&application_name=" + name, true);
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  auto& store = **opened;
  ASSERT_TRUE(store.create_collection({"c", "C", ""}).ok());
  auto monitor = postgres::Connection::open(database.uri());
  ASSERT_TRUE(monitor.ok()) << monitor.error().describe();

  std::atomic<bool> done = false;
  std::atomic<size_t> failures = 0;
  std::vector<std::thread> readers;
  for (int t = 0; t < 48; ++t)
    readers.emplace_back([&] {
      for (int i = 0; i < 40; ++i)
        if (!store.count_objects("c").ok())
          ++failures;
    });
  int most = 0;
  std::thread sampler([&] {
    while (!done) {
      postgres::Parameters parameters;
      parameters.text(name);
      auto rows = (*monitor)->run("SELECT count(*) FROM pg_stat_activity WHERE application_name=$1",
                                  parameters);
      if (rows.ok())
        most = std::max(most, std::stoi(std::string(rows->text(0, 0))));
    }
  });
  for (auto& reader : readers)
    reader.join();
  done = true;
  sampler.join();
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(most, 0); // the sampler saw the store's connections at all
  EXPECT_LE(most, 16);
}
