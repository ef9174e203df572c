#include "node/watchlist_source.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace tansiq;

TEST(WatchlistSource, PersonsAndThreatActorsWithAllTheirNamesAreScreened) {
  test_support::TempDir dir;
  auto store = std::move(store::open_sqlite_store(dir.file("s.sqlite"), true).value());
  const char* collection = "2d3c4b5a-6978-4a1b-8c2d-3e4f5a6b7c8d";
  ASSERT_TRUE(store->create_collection({collection, "Watchlist", ""}).ok());
  const char* time = "2025-01-01T00:00:00.000Z";
  std::vector<std::string> json = {
      R"({"type":"identity","spec_version":"2.1","id":"identity--00000000-0000-4000-8000-0000000000f1","created":"2025-01-01T00:00:00.000Z","modified":"2025-01-01T00:00:00.000Z","name":"عبد اللطيف الحموشي","identity_class":"individual","x_tansiq_names":["Abdellatif Hammouchi"]})",
      R"({"type":"identity","spec_version":"2.1","id":"identity--00000000-0000-4000-8000-0000000000f2","created":"2025-01-01T00:00:00.000Z","modified":"2025-01-01T00:00:00.000Z","name":"DGSN","identity_class":"organization"})",
      R"({"type":"threat-actor","spec_version":"2.1","id":"threat-actor--00000000-0000-4000-8000-0000000000f3","created":"2025-01-01T00:00:00.000Z","modified":"2025-01-01T00:00:00.000Z","name":"أبو بكر البغدادي","aliases":["Abu Bakr al-Baghdadi"]})"};
  std::vector<store::NewObject> objects;
  for (const auto& text : json) {
    auto id_at = text.find("\"id\":\"") + 6;
    std::string_view id(text.data() + id_at, text.find('"', id_at) - id_at);
    objects.push_back({id, id.substr(0, id.find("--")), "2.1", time, 1, text});
  }
  ASSERT_TRUE(store->add_objects(collection, objects).ok());

  auto loaded = node::load_watchlist(*store);
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  EXPECT_EQ(loaded->entries, 2u) << "the organisation is not a person";
  auto found = loaded->watchlist.screen("Abdelatif Hamouchi");
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  EXPECT_EQ(found->front().id, "identity--00000000-0000-4000-8000-0000000000f1");
  auto by_alias = loaded->watchlist.screen("البغدادي أبو بكر");
  ASSERT_TRUE(by_alias.ok());
  ASSERT_FALSE(by_alias->empty());
  EXPECT_EQ(by_alias->front().id, "threat-actor--00000000-0000-4000-8000-0000000000f3");
}
