// A store created before a column was added opens, gains the column, and
// keeps its rows (src/store/sqlite/sqlite_schema.h, kAddedColumns).
#include "store/store.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace tansiq;

TEST(SqliteUpgrade, OlderTablesGainTheirNewColumnsAndKeepTheirRows) {
  test_support::TempDir dir;
  std::string path = dir.file("old.sqlite");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // The partners table as the first stores had it, with one partner.
  const char* old_schema =
      "CREATE TABLE partners (name TEXT PRIMARY KEY, agency TEXT NOT NULL, api_root_url TEXT NOT "
      "NULL, collection TEXT NOT NULL, local_collection TEXT NOT NULL, token TEXT NOT NULL, "
      "agreement TEXT NOT NULL, cursor TEXT NOT NULL DEFAULT '', last_success INTEGER NOT NULL "
      "DEFAULT 0, last_error TEXT NOT NULL DEFAULT '');"
      "INSERT INTO partners(name, agency, api_root_url, collection, local_collection, token, "
      "agreement, cursor) VALUES ('old', 'identity--1', 'http://127.0.0.1:1/t/', 'c', 'l', 't', "
      "'x-tansiq-agreement--1', '2025-01-01T00:00:00Z');"
      // And the releases table before release instants were kept.
      "CREATE TABLE releases (agency TEXT NOT NULL, date_added INTEGER NOT NULL, until INTEGER, "
      "PRIMARY KEY (agency, date_added)) WITHOUT ROWID;"
      "INSERT INTO releases(agency, date_added) VALUES ('identity--1', 7);";
  ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto opened = store::open_sqlite_store(path, false);
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  auto& store = *opened.value();
  store::Partner added{
      "new", "identity--2", "http://127.0.0.1:2/t/", "c", "l", "t", "x-tansiq-agreement--2", "", 0,
      ""};
  added.push_collection = "inbox";
  ASSERT_TRUE(store.add_partner(added).ok());
  ASSERT_TRUE(store.record_push("new", 42).ok());
  auto partners = store.list_partners();
  ASSERT_TRUE(partners.ok()) << partners.error().describe();
  ASSERT_EQ(partners->size(), 2u);
  EXPECT_EQ(partners->at(0).name, "new");
  EXPECT_EQ(partners->at(0).push_collection, "inbox");
  EXPECT_EQ(partners->at(0).push_cursor, 42);
  EXPECT_EQ(partners->at(1).name, "old");
  EXPECT_EQ(partners->at(1).cursor, "2025-01-01T00:00:00Z");
  EXPECT_TRUE(partners->at(1).push_collection.empty());
  auto released = store.released_versions("identity--1");
  ASSERT_TRUE(released.ok()) << released.error().describe();
  EXPECT_EQ(*released, std::vector<store::MicrosSinceEpoch>{7});
  // Reopening an upgraded store changes nothing.
  opened->reset();
  auto again = store::open_sqlite_store(path, false);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ((*again)->list_partners()->size(), 2u);
}

TEST(SqliteUpgrade, OlderObjectsGainTheirTlpAndAreCounted) {
  test_support::TempDir dir;
  std::string path = dir.file("old.sqlite");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // The collections and objects tables before TLP levels and counts were kept.
  const char* old_schema =
      "CREATE TABLE collections (id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description TEXT "
      "NOT NULL DEFAULT '');"
      "INSERT INTO collections(id, title) VALUES ('c', 'C');"
      "CREATE TABLE objects (date_added INTEGER PRIMARY KEY, collection INTEGER NOT NULL, id TEXT "
      "NOT NULL, type TEXT NOT NULL, spec_version TEXT NOT NULL, version TEXT NOT NULL, "
      "version_micros INTEGER NOT NULL, is_first INTEGER NOT NULL, is_last INTEGER NOT NULL, json "
      "TEXT NOT NULL);"
      // TLP 2.0 AMBER+STRICT, TLP 1.0 RED beside TLP 2.0 GREEN (the strictest wins), none.
      "INSERT INTO objects VALUES (1, 1, 'indicator--1', 'indicator', '2.1', 'v', 1, 1, 1, "
      "'{\"object_marking_refs\":[\"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003\"]}');"
      "INSERT INTO objects VALUES (2, 1, 'malware--2', 'malware', '2.1', 'v', 1, 1, 1, "
      "'{\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\","
      "\"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed\"]}');"
      "INSERT INTO objects VALUES (3, 1, 'malware--3', 'malware', '2.1', 'v', 1, 1, 1, '{}');"
      // Naming a TLP id in its text does not mark an object.
      "INSERT INTO objects VALUES (4, 1, 'note--4', 'note', '2.1', 'v', 1, 1, 1, "
      "'{\"content\":\"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1\"}');";
  ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto opened = store::open_sqlite_store(path, false);
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  auto& store = *opened.value();
  auto tlps = store.count_tlps("c");
  ASSERT_TRUE(tlps.ok()) << tlps.error().describe();
  ASSERT_EQ(tlps->size(), 3u);
  EXPECT_EQ(tlps->at(0).tlp, "");
  EXPECT_EQ(tlps->at(0).count, 2u);
  EXPECT_EQ(tlps->at(1).tlp, "TLP:AMBER+STRICT");
  EXPECT_EQ(tlps->at(2).tlp, "TLP:RED");
  auto types = store.count_types("c");
  ASSERT_TRUE(types.ok());
  ASSERT_EQ(types->size(), 3u);
  EXPECT_EQ(types->at(0).type, "malware");
  EXPECT_EQ(types->at(0).count, 2u);
  store::ObjectQuery red;
  red.tlps = {"TLP:RED"};
  auto page = store.query_objects("c", red);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->objects.size(), 1u);
  EXPECT_EQ(page->objects[0].id, "malware--2");
  // Reopening counts nothing twice.
  opened->reset();
  auto again = store::open_sqlite_store(path, false);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ((*again)->count_objects("c").value(), 4u);
}

TEST(SqliteUpgrade, OlderObjectsAreIndexedByWhatTheyName) {
  test_support::TempDir dir;
  std::string path = dir.file("old.sqlite");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // A store from before object_references: a relationship naming two objects.
  const char* old_schema =
      "CREATE TABLE collections (id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description TEXT "
      "NOT NULL DEFAULT '');"
      "INSERT INTO collections(id, title) VALUES ('c', 'C');"
      "CREATE TABLE objects (date_added INTEGER PRIMARY KEY, collection INTEGER NOT NULL, id TEXT "
      "NOT NULL, type TEXT NOT NULL, spec_version TEXT NOT NULL, version TEXT NOT NULL, "
      "version_micros INTEGER NOT NULL, is_first INTEGER NOT NULL, is_last INTEGER NOT NULL, json "
      "TEXT NOT NULL);"
      "INSERT INTO objects VALUES (1, 1, 'relationship--1', 'relationship', '2.1', 'v', 1, 1, 1, "
      "'{\"source_ref\":\"malware--2\",\"target_ref\":\"identity--3\","
      "\"object_marking_refs\":[\"marking-definition--4\"]}');";
  ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto opened = store::open_sqlite_store(path, false);
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  const std::vector<std::string> types = {"relationship"};
  for (const char* named : {"malware--2", "identity--3"}) {
    auto found = (*opened)->find_referrers("c", named, types, 10);
    ASSERT_TRUE(found.ok()) << found.error().describe();
    ASSERT_EQ(found->size(), 1u) << named;
    EXPECT_EQ(found->front().id, "relationship--1");
  }
  // Markings are not references here.
  EXPECT_TRUE((*opened)->find_referrers("c", "marking-definition--4", types, 10)->empty());
}
