// CSV watchlist import: rows become STIX persons/threat actors that screening finds; bad
// files store nothing and say where; importing again is idempotent, a changed row versioned.
#include "node/watchlist_csv.h"
#include "node/watchlist_source.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <simdjson.h>

using namespace tansiq;

namespace {

constexpr const char* kCollection = "2d3c4b5a-6978-4a1b-8c2d-3e4f5a6b7c8d";

// A quoted alias list with a comma, an Arabic name, a threat actor, a byte-order mark.
const std::string kList = "\xEF\xBB\xBF"
                          "reference,name,aliases,birth_date,nationality,kind\r\n"
                          "QDi.001,عبد اللطيف الحموشي,\"Abdellatif Hammouchi; HAMMOUCHI, "
                          "Abdellatif\",1966-01-01,ma,\r\n"
                          "QDi.002,Youssef Kacem,يوسف قاسم,1980,DZ,individual\r\n"
                          "QDe.003,أبو بكر البغدادي,Abu Bakr al-Baghdadi,,,threat-actor\r\n"
                          ",,,,,\r\n";

class WatchlistCsv : public ::testing::Test {
protected:
  void SetUp() override {
    store_ = std::move(store::open_sqlite_store(dir_.file("s.sqlite"), true).value());
    ASSERT_TRUE(store_->create_collection({kCollection, "Watchlist", ""}).ok());
  }
  Result<node::WatchlistCsvSummary> import(std::string_view csv,
                                           std::string now = "2026-01-01T00:00:00.000Z") {
    node::WatchlistCsvOptions options;
    options.list_id = "un-1267";
    options.now = std::move(now);
    return node::import_watchlist_csv(*store_, kCollection, csv, options);
  }
  std::size_t stored() { return store_->count_objects(kCollection).value(); }
  std::string rejection(std::string_view csv) {
    std::size_t before = stored();
    auto result = import(csv);
    EXPECT_FALSE(result.ok()) << "accepted:\n" << csv;
    EXPECT_EQ(stored(), before) << "a rejected file stored something:\n" << csv;
    return result ? "" : result.error().message;
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

} // namespace

TEST_F(WatchlistCsv, ImportedPersonsAreFoundByScreening) {
  auto imported = import(kList);
  ASSERT_TRUE(imported.ok()) << imported.error().describe();
  EXPECT_EQ(imported->rows, 3u) << "the row of empty cells is not an entry";
  EXPECT_EQ(imported->individuals, 2u);
  EXPECT_EQ(imported->threat_actors, 1u);
  EXPECT_EQ(imported->added, 3u);
  EXPECT_EQ(imported->names, 7u);
  EXPECT_EQ(stored(), 3u);
  // Filed under their marking (TLP:AMBER by default), as lists count them.
  auto tlps = store_->count_tlps(kCollection);
  ASSERT_TRUE(tlps.ok());
  ASSERT_EQ(tlps->size(), 1u);
  EXPECT_EQ(tlps->front().tlp, "TLP:AMBER");
  EXPECT_EQ(tlps->front().count, 3u);

  auto loaded = node::load_watchlist(*store_);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->entries, 3u);
  names::ScreenOptions options;
  options.birth_date = "1966";
  options.nationality = "MA";
  auto found = loaded->watchlist.screen("Abdelatif Hamouchi", options);
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  auto person = store_->find_latest(found->front().id).value();
  ASSERT_TRUE(person.has_value());
  simdjson::dom::parser parser;
  simdjson::dom::element element = parser.parse(person->json);
  EXPECT_EQ(element["type"].get_string().value(), "identity");
  EXPECT_EQ(element["identity_class"].get_string().value(), "individual");
  EXPECT_EQ(element["x_tansiq_birth_date"].get_string().value(), "1966-01-01");
  EXPECT_EQ(element["x_tansiq_nationality"].get_string().value(), "MA");
  EXPECT_EQ(element["external_references"].at(0)["external_id"].get_string().value(), "QDi.001");
  EXPECT_NE(found->front().explanation.summary().find("birth date agrees"), std::string::npos);

  auto by_arabic = loaded->watchlist.screen("يوسف قاسم");
  ASSERT_TRUE(by_arabic.ok());
  ASSERT_FALSE(by_arabic->empty());
  EXPECT_EQ(by_arabic->front().matched_name, "يوسف قاسم");
  auto actor = loaded->watchlist.screen("Abou Bakr el-Baghdadi");
  ASSERT_TRUE(actor.ok());
  ASSERT_FALSE(actor->empty());
  EXPECT_TRUE(actor->front().id.starts_with("threat-actor--")) << actor->front().id;
}

TEST_F(WatchlistCsv, ImportingAgainIsIdempotentAndAChangedRowIsANewVersion) {
  ASSERT_TRUE(import(kList).ok());
  auto again = import(kList, "2026-02-01T00:00:00.000Z");
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ(again->unchanged, 3u);
  EXPECT_EQ(again->added + again->updated, 0u);
  EXPECT_EQ(stored(), 3u);

  std::string changed = kList;
  changed.replace(changed.find("1980,DZ"), 7, "1981,DZ");
  auto updated = import(changed, "2026-03-01T00:00:00.000Z");
  ASSERT_TRUE(updated.ok()) << updated.error().describe();
  EXPECT_EQ(updated->updated, 1u);
  EXPECT_EQ(updated->unchanged, 2u);
  EXPECT_EQ(updated->added, 0u);

  auto loaded = node::load_watchlist(*store_);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->entries, 3u) << "a new version, not a second person";
  auto found = loaded->watchlist.screen("Youssef Kacem");
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  auto latest = store_->find_latest(found->front().id).value();
  ASSERT_TRUE(latest.has_value());
  simdjson::dom::parser parser;
  simdjson::dom::element element = parser.parse(latest->json);
  EXPECT_EQ(element["x_tansiq_birth_date"].get_string().value(), "1981");
  EXPECT_EQ(element["created"].get_string().value(), "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(element["modified"].get_string().value(), "2026-03-01T00:00:00.000Z");
}

TEST_F(WatchlistCsv, BadFilesAreRejectedWithWhereAndWhyAndStoreNothing) {
  ASSERT_TRUE(import(kList).ok());
  const std::string header = "reference,name,birth_date,nationality,kind\n";
  const std::string good = "A1,Omar Haddad,1970,MA,\n";
  // A good row first each time: all or nothing.
  EXPECT_EQ(rejection(header + good + "A2,Ali Zidane,1970-13-01,MA,\n"),
            "line 3, column 3 (birth_date): \"1970-13-01\" is not a date (YYYY, YYYY-MM or "
            "YYYY-MM-DD); nothing imported");
  EXPECT_EQ(rejection(header + good + "A2,Ali Zidane,1970-02-30,,\n"),
            "line 3, column 3 (birth_date): \"1970-02-30\" is not a date (YYYY, YYYY-MM or "
            "YYYY-MM-DD); nothing imported");
  EXPECT_EQ(rejection(header + good + "A2,Ali Zidane,,Morocco,\n"),
            "line 3, column 4 (nationality): \"Morocco\" is not an ISO 3166-1 alpha-2 country "
            "code (e.g. MA); nothing imported");
  EXPECT_EQ(rejection(header + good + "A2,Ali Zidane,,,group\n"),
            "line 3, column 5 (kind): \"group\" is not a kind (individual or threat-actor); "
            "nothing imported");
  EXPECT_EQ(rejection(header + good + "A2,,,,\n"),
            "line 3, column 2 (name): the name is empty; nothing imported");
  EXPECT_EQ(rejection(header + good + ",Ali Zidane,,,\n"),
            "line 3, column 1 (reference): the reference is empty; nothing imported");
  EXPECT_EQ(rejection(header + good + "\"A\n2\",Ali Zidane,,,\n"),
            "line 3, column 1 (reference): the reference holds a line break or another "
            "control character; nothing imported");
  EXPECT_EQ(rejection(header + good + "A1,Ali Zidane,,,\n"),
            "line 3, column 1 (reference): reference \"A1\" of list \"un-1267\" is already on "
            "line 2; nothing imported");
  EXPECT_EQ(rejection(header + good + "A2,Ali Zidane,,\n"),
            "line 3: 4 field(s), the header has 5; nothing imported");
  EXPECT_EQ(rejection("reference,name,aliases\nA1,Иван Петров,\n"),
            "line 2, column 2 (name): \"Иван Петров\" is not a usable name: " +
                names::check_name("Иван Петров").error().message + "; nothing imported");
  EXPECT_EQ(rejection("reference,name,aliases\nA1,Omar Haddad,Omar;al-\n"),
            "line 2, column 3 (aliases): \"al-\" is not a usable name: " +
                names::check_name("al-").error().message + "; nothing imported");
  EXPECT_EQ(rejection("reference,name,dob\nA1,Omar Haddad,1970\n"),
            "line 1, column 3 (dob): unknown column; the columns are reference, name, aliases "
            "(or alias, repeated), birth_date, nationality, kind, list; nothing imported");
  EXPECT_EQ(rejection("reference,name,name\n"),
            "line 1, column 3 (name): this column appears twice; nothing imported");
  EXPECT_EQ(rejection("name,aliases\nOmar Haddad,\n"),
            "line 1: no \"reference\" column in the header; nothing imported");
  EXPECT_EQ(rejection("reference,name\n"), "no rows after the header; nothing imported");
  EXPECT_EQ(rejection("reference,name\n,\n , \n"), "no rows after the header; nothing imported");
  EXPECT_EQ(rejection(""), "empty file: no header; nothing imported");
  EXPECT_EQ(rejection("reference,name\nA1,\"Omar\n"),
            "line 2, column 2: the quoted field is never closed; nothing imported");
  EXPECT_EQ(rejection("reference,name\nA1,Omar \xFF\n"),
            "line 2, column 2: invalid UTF-8 at byte offset 23; nothing imported");
}

TEST_F(WatchlistCsv, ListIdComesFromTheRowOrTheOptionsAndSeparatesReferences) {
  node::WatchlistCsvOptions options; // no list id for the file
  options.now = "2026-01-01T00:00:00.000Z";
  auto none =
      node::import_watchlist_csv(*store_, kCollection, "reference,name\nA1,Omar Haddad\n", options);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "line 2: no list id (give one for the whole file, or a \"list\" "
                                  "column); nothing imported");
  // The same reference in two lists is two persons; the alias column may repeat.
  auto two = node::import_watchlist_csv(*store_, kCollection,
                                        "list,reference,name,alias,alias\n"
                                        "eu,A1,Omar Haddad,Omar al-Haddad,عمر حداد\n"
                                        "un,A1,Omar Haddad,,\n",
                                        options);
  ASSERT_TRUE(two.ok()) << two.error().describe();
  EXPECT_EQ(two->added, 2u);
  EXPECT_EQ(two->names, 4u);
  EXPECT_EQ(stored(), 2u);
}

TEST_F(WatchlistCsv, AnUnknownCollectionStoresNothing) {
  node::WatchlistCsvOptions options;
  options.list_id = "un-1267";
  auto result =
      node::import_watchlist_csv(*store_, "00000000-0000-4000-8000-000000000000", kList, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, Error::Kind::not_found);
  EXPECT_EQ(stored(), 0u);
}
