// `tansiq watchlist import`: a CSV list becomes persons that `tansiq screen` finds; a bad
// file is refused with line and column and changes nothing; importing again adds nothing.
#include "support/node_init.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace tansiq;
using test_support::ProcessResult;
using test_support::run_tansiq;

namespace {

std::string describe(const ProcessResult& result) {
  return "exit " + std::to_string(result.exit_code) + "\n--- stdout:\n" +
         result.out.substr(0, 3000) + "\n--- stderr:\n" + result.err.substr(0, 3000);
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

class WatchlistCommand : public ::testing::Test {
protected:
  void SetUp() override { node_ = test_support::init_node(dir_.file("node")); }
  ProcessResult tansiq(std::vector<std::string> args) {
    args.insert(args.begin(), {"--dir", node_.directory});
    return run_tansiq(args);
  }
  // The stored objects as `tansiq export` prints them (the bundle's own id is new each time).
  std::string exported() {
    auto result = tansiq({"export"});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    auto objects = result.out.find("\"objects\":");
    EXPECT_NE(objects, std::string::npos) << describe(result);
    return objects == std::string::npos ? result.out : result.out.substr(objects);
  }
  test_support::TempDir dir_;
  test_support::InitializedNode node_;
};

const char* kList = "\xEF\xBB\xBF"
                    "reference,name,aliases,birth_date,nationality\r\n"
                    "QDi.001,عبد اللطيف الحموشي,\"Abdellatif Hammouchi;HAMMOUCHI, "
                    "Abdellatif\",1966,MA\r\n"
                    "QDi.002,Youssef Kacem,يوسف قاسم,1980,DZ\r\n";

} // namespace

TEST_F(WatchlistCommand, ImportedListIsScreenedAndImportingAgainAddsNothing) {
  std::string file = dir_.file("list.csv");
  write_file(file, kList);
  auto imported = tansiq({"watchlist", "import", file, "--list", "un-1267"});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_NE(imported.out.find("2 row(s) (2 person(s), 0 threat actor(s), 5 name(s)); 2 new, 0 "
                              "new version(s), 0 unchanged"),
            std::string::npos)
      << describe(imported);

  auto screened = tansiq({"screen", "Abdelatif Hamouchi", "--dob", "1966"});
  ASSERT_EQ(screened.exit_code, 0) << describe(screened);
  EXPECT_NE(screened.out.find("identity--"), std::string::npos) << describe(screened);
  EXPECT_NE(screened.out.find("birth date agrees"), std::string::npos) << describe(screened);

  // A CSV file of names, screened on several threads, printed in file order.
  std::string names = dir_.file("names.csv");
  write_file(names, "name,dob,nationality\nYoussef Kacem,,\nعبد اللطيف الحموشي,1966,MA\n"
                    "Nobody Known Here,,\n");
  auto batch = tansiq({"screen", "--file", names, "--threads", "3"});
  ASSERT_EQ(batch.exit_code, 0) << describe(batch);
  auto youssef = batch.out.find("Youssef Kacem\n");
  auto hammouchi = batch.out.find("عبد اللطيف الحموشي\n");
  auto nobody = batch.out.find("Nobody Known Here\n  no candidate");
  ASSERT_NE(youssef, std::string::npos) << describe(batch);
  ASSERT_NE(hammouchi, std::string::npos) << describe(batch);
  ASSERT_NE(nobody, std::string::npos) << describe(batch);
  EXPECT_LT(youssef, hammouchi);
  EXPECT_LT(hammouchi, nobody);

  std::string before = exported();
  auto again = tansiq({"watchlist", "import", file, "--list", "un-1267"});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_NE(again.out.find("0 new, 0 new version(s), 2 unchanged"), std::string::npos)
      << describe(again);
  EXPECT_EQ(exported(), before);
}

TEST_F(WatchlistCommand, BadFileIsRefusedWithLineAndColumnAndStoresNothing) {
  std::string before = exported();
  std::string file = dir_.file("bad.csv");
  write_file(file, "reference,name,birth_date\nA1,Omar Haddad,1970\nA2,Ali Zidane,1970-13\n");
  auto refused = tansiq({"watchlist", "import", file, "--list", "eu"});
  EXPECT_EQ(refused.exit_code, 3) << describe(refused);
  EXPECT_NE(refused.err.find("line 3, column 3 (birth_date): \"1970-13\" is not a date"),
            std::string::npos)
      << describe(refused);
  EXPECT_EQ(exported(), before);

  auto missing = tansiq({"watchlist", "import", dir_.file("none.csv"), "--list", "eu"});
  EXPECT_EQ(missing.exit_code, 4) << describe(missing);
  auto no_collection = tansiq(
      {"watchlist", "import", file, "--list", "eu", "-c", "00000000-0000-4000-8000-000000000000"});
  EXPECT_NE(no_collection.exit_code, 0) << describe(no_collection);
  EXPECT_EQ(exported(), before);
}

// `tansiq screen --file` reads RFC 4180 CSV: quoted names holding commas, columns in any
// order, CRLF; or one name per row without a header. A bad row is refused with its line
// and nothing is screened.
TEST_F(WatchlistCommand, ScreenFileIsCsvWithOrWithoutHeaderAndBadRowsNameTheirLine) {
  std::string list = dir_.file("list.csv");
  write_file(list, kList);
  ASSERT_EQ(tansiq({"watchlist", "import", list, "--list", "un-1267"}).exit_code, 0);

  std::string with_header = dir_.file("header.csv");
  write_file(with_header, "Nationality,NAME,dob\r\n"
                          "ma,\"HAMMOUCHI, Abdellatif\",1966\r\n"
                          "DZ,\"Kacem, Youssef\",\r\n");
  auto screened = tansiq({"screen", "--file", with_header});
  ASSERT_EQ(screened.exit_code, 0) << describe(screened);
  auto hammouchi = screened.out.find("HAMMOUCHI, Abdellatif\n");
  ASSERT_NE(hammouchi, std::string::npos) << describe(screened);
  auto agrees = screened.out.find("birth date agrees; nationality agrees", hammouchi);
  auto youssef = screened.out.find("Kacem, Youssef\n");
  ASSERT_NE(agrees, std::string::npos) << describe(screened);
  ASSERT_NE(youssef, std::string::npos) << describe(screened);
  EXPECT_LT(agrees, youssef) << describe(screened);
  EXPECT_NE(screened.out.find("identity--", youssef), std::string::npos) << describe(screened);
  EXPECT_NE(screened.out.find("nationality agrees", youssef), std::string::npos)
      << describe(screened);

  std::string plain = dir_.file("plain.csv");
  write_file(plain, "# names from the morning report\n\"MAHDI, Adil\"\nيوسف قاسم\n");
  auto one_per_row = tansiq({"screen", "--file", plain});
  ASSERT_EQ(one_per_row.exit_code, 0) << describe(one_per_row);
  EXPECT_NE(one_per_row.out.find("MAHDI, Adil\n  no candidate"), std::string::npos)
      << describe(one_per_row);
  auto arabic = one_per_row.out.find("يوسف قاسم\n  ");
  ASSERT_NE(arabic, std::string::npos) << describe(one_per_row);
  EXPECT_EQ(one_per_row.out.find("يوسف قاسم\n  no candidate"), std::string::npos)
      << describe(one_per_row);
  EXPECT_NE(one_per_row.out.find("identity--", arabic), std::string::npos) << describe(one_per_row);

  struct Bad {
    const char* text;
    const char* error;
  };
  for (const Bad& bad : {
           Bad{"name,dob\nOmar Haddad,1970\nAli Zidane,1970-13\n",
               "line 3: column 2 (dob): \"1970-13\" is not a date"},
           Bad{"name,nationality\nOmar Haddad,Morocco\n",
               "line 2: column 2 (nationality): \"Morocco\" is not an ISO 3166-1"},
           Bad{"name,dob\nOmar Haddad\n", "line 2: 1 field(s), the header has 2"},
           Bad{"name,age\nOmar Haddad,40\n", "line 1: column 2 (age): unknown column"},
           Bad{"Omar Haddad\nHAMMOUCHI, Abdellatif\n", "line 2: 2 fields; without a header row"},
           Bad{"name\nOmar Haddad\n\"Ali\n", "line 3, column 1: the quoted field is never closed"},
           Bad{"name\nOmar Haddad\n   \n", "line 3: column 1 (name): the name is empty"},
       }) {
    std::string file = dir_.file("bad.csv");
    write_file(file, bad.text);
    auto refused = tansiq({"screen", "--file", file});
    EXPECT_EQ(refused.exit_code, 3) << bad.text << describe(refused);
    EXPECT_NE(refused.err.find(bad.error), std::string::npos) << bad.text << describe(refused);
    EXPECT_EQ(refused.out, "") << describe(refused);
  }
}
