// Keeping the index current with a real SQLite store: catch-up is idempotent, resumes from the
// cursor kept in the index (also after reopening), follows new versions and deletes.
#include "search/catch_up.h"
#include "search/search_index.h"
#include "search/search_objects.h"
#include "stix/timestamp.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace tansiq;
using search::SearchIndex;
using test_support::report_json;
using test_support::ReportSpec;
using test_support::uuid_id;

namespace {

const std::string kC1 = "11111111-1111-4111-8111-111111111111";
const std::string kC2 = "22222222-2222-4222-8222-222222222222";

class SearchCatchUp : public ::testing::Test {
protected:
  void SetUp() override {
    auto opened = store::open_sqlite_store(dir_.file("store.sqlite"), true);
    ASSERT_TRUE(opened) << opened.error().describe();
    store_ = std::move(opened.value());
    for (const auto& id : {kC1, kC2})
      ASSERT_TRUE(store_->create_collection({id, "c", ""}));
  }

  void put(const std::string& collection, const ReportSpec& spec) {
    std::string json = report_json(spec);
    store::NewObject object;
    object.id = spec.id;
    object.type = "report";
    object.spec_version = "2.1";
    object.version = spec.modified;
    object.version_micros = *stix::parse_timestamp(spec.modified);
    object.json = json;
    auto added = store_->add_objects(collection, std::span(&object, 1));
    ASSERT_TRUE(added) << added.error().describe();
  }

  ReportSpec spec(int n, const std::string& description) {
    ReportSpec s;
    s.id = uuid_id("report", n);
    s.name = "خبر " + std::to_string(n);
    s.description = description;
    return s;
  }

  std::size_t catch_up() {
    auto done = search::catch_up(*store_, index_dir());
    EXPECT_TRUE(done) << done.error().describe();
    return done ? *done : 0;
  }

  std::vector<std::string> find(const std::string& text,
                                std::vector<std::string> collections = {kC1, kC2}) {
    auto index = SearchIndex::open(index_dir(), SearchIndex::Mode::read);
    EXPECT_TRUE(index) << index.error().describe();
    if (!index)
      return {};
    search::SearchQuery query;
    query.text = text;
    query.collections = collections;
    query.limit = 100;
    auto found = index->search(query);
    EXPECT_TRUE(found) << found.error().describe();
    std::vector<std::string> ids;
    for (const auto& hit : found->hits)
      ids.push_back(hit.id + "@" + hit.collection);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::string index_dir() const { return search::index_directory(dir_.path().string()); }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::int64_t before_ = 0;
};

TEST_F(SearchCatchUp, IndexesEveryCollectionOnceAndResumesFromItsCursor) {
  put(kC1, spec(1, "تفكيك خلية في طنجة"));
  put(kC2, spec(2, "تفكيك خلية في وجدة"));
  EXPECT_EQ(catch_up(), 2u);
  EXPECT_EQ(catch_up(), 0u) << "nothing new: nothing read";
  EXPECT_EQ(find("خلية"), (std::vector<std::string>{uuid_id("report", 1) + "@" + kC1,
                                                    uuid_id("report", 2) + "@" + kC2}));

  put(kC1, spec(3, "اجتماع في الرباط"));
  EXPECT_EQ(catch_up(), 1u) << "only what was added since";
  EXPECT_EQ(find("الرباط"), std::vector<std::string>{uuid_id("report", 3) + "@" + kC1});
  EXPECT_EQ(catch_up(), 0u);

  // The cursors are in the index: they are the date_added of the last version read.
  auto index = SearchIndex::open(index_dir(), SearchIndex::Mode::read);
  ASSERT_TRUE(index);
  EXPECT_EQ(index->document_count(), 3u);
  store::ObjectQuery all;
  auto page = store_->query_objects(kC1, all);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->objects.size(), 2u);
  EXPECT_EQ(*index->cursor(kC1), page->objects.back().date_added);
  EXPECT_GT(*index->cursor(kC2), 0);
}

TEST_F(SearchCatchUp, ManyPagesAreCommittedWithTheirCursor) {
  for (int n = 1; n <= 2500; ++n)
    put(kC1, spec(n, n % 2 ? "خلية في طنجة" : "اجتماع في الرباط"));
  EXPECT_EQ(catch_up(), 2500u);
  EXPECT_EQ(catch_up(), 0u);
  auto index = SearchIndex::open(index_dir(), SearchIndex::Mode::read);
  ASSERT_TRUE(index);
  EXPECT_EQ(index->document_count(), 2500u);
  search::SearchQuery query;
  query.text = "طنجة";
  query.collections = {kC1};
  EXPECT_EQ(index->search(query)->total_estimate, 1250u);
}

TEST_F(SearchCatchUp, AnInterruptedRunLosesAndDuplicatesNothing) {
  put(kC1, spec(1, "تفكيك خلية في طنجة"));
  EXPECT_EQ(catch_up(), 1u);
  put(kC1, spec(2, "تفكيك خلية في وجدة"));
  {
    // A run that indexed a document but stopped before committing: neither the document nor
    // a cursor past it is kept.
    auto index = SearchIndex::open(index_dir(), SearchIndex::Mode::write);
    ASSERT_TRUE(index);
    auto before = *index->cursor(kC1);
    store::ObjectQuery query;
    query.added_after = before;
    auto page = store_->query_objects(kC1, query);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->objects.size(), 1u);
    ASSERT_TRUE(index->add(kC1, page->objects[0].json));
    ASSERT_TRUE(index->set_cursor(kC1, page->objects[0].date_added));
    before_ = before;
  }
  {
    auto reader = SearchIndex::open(index_dir(), SearchIndex::Mode::read);
    ASSERT_TRUE(reader);
    EXPECT_EQ(*reader->cursor(kC1), before_);
    EXPECT_EQ(reader->document_count(), 1u);
  }
  EXPECT_TRUE(find("وجدة").empty());
  // The next run reads it and it is there once.
  EXPECT_EQ(catch_up(), 1u);
  EXPECT_EQ(find("خلية").size(), 2u);
  EXPECT_EQ(catch_up(), 0u);
}

TEST_F(SearchCatchUp, NewVersionsReplaceTheirDocument) {
  auto s = spec(1, "خلية في طنجة");
  put(kC1, s);
  EXPECT_EQ(catch_up(), 1u);
  s.description = "خلية في وجدة";
  s.modified = "2024-03-01T00:00:00.000Z";
  put(kC1, s);
  EXPECT_EQ(catch_up(), 1u);
  EXPECT_TRUE(find("طنجة").empty());
  EXPECT_EQ(find("وجدة").size(), 1u);
}

TEST_F(SearchCatchUp, RefreshAfterADeleteRemovesOrRestoresTheDocument) {
  auto s = spec(1, "خلية في طنجة");
  put(kC1, s);
  s.description = "خلية في وجدة";
  s.modified = "2024-03-01T00:00:00.000Z";
  put(kC1, s);
  put(kC1, spec(2, "اجتماع في الرباط"));
  EXPECT_EQ(catch_up(), 2u); // the newest version of each

  // Delete the newest version: the older one is searchable again.
  store::ObjectQuery newest;
  auto deleted = store_->delete_object(kC1, s.id, newest);
  ASSERT_TRUE(deleted);
  ASSERT_EQ(*deleted, 1u);
  ASSERT_TRUE(search::refresh_object(*store_, index_dir(), kC1, s.id));
  EXPECT_EQ(find("طنجة").size(), 1u);
  EXPECT_TRUE(find("وجدة").empty());

  // Delete every version: gone.
  store::ObjectQuery all;
  all.versions = store::VersionMatch{true, false, false, {}};
  ASSERT_TRUE(store_->delete_object(kC1, s.id, all));
  ASSERT_TRUE(search::refresh_object(*store_, index_dir(), kC1, s.id));
  EXPECT_TRUE(find("خلية").empty());
  EXPECT_EQ(find("الرباط").size(), 1u);
}

TEST_F(SearchCatchUp, ASecondWriterIsTurnedAwayAsUnavailable) {
  put(kC1, spec(1, "خلية في طنجة"));
  auto holder = SearchIndex::open(index_dir(), SearchIndex::Mode::write);
  ASSERT_TRUE(holder);
  auto done = search::catch_up(*store_, index_dir());
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().kind, Error::Kind::unavailable);
}

} // namespace
