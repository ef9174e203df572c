#include "audit/audit_log.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace tansiq;

namespace {

class AuditLogTest : public ::testing::Test {
protected:
  void SetUp() override {
    store_ = std::move(store::open_sqlite_store(dir_.file("s.sqlite"), true).value());
    log_ = std::make_unique<audit::AuditLog>(*store_, dir_.file("audit.head"));
    for (int i = 0; i < 5; ++i)
      ASSERT_TRUE(log_->append({"release", "node", "identity--brussels",
                                "report--" + std::to_string(i), "x-tansiq-agreement--rb",
                                "released under agreement rb"})
                      .ok());
  }

  // Tampering goes around the store, as an intruder with the file would.
  void tamper(const std::string& sql) {
    sqlite3* db;
    ASSERT_EQ(sqlite3_open(dir_.file("s.sqlite").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }

  test_support::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<audit::AuditLog> log_;
};

} // namespace

TEST_F(AuditLogTest, AnUntouchedLogVerifies) {
  auto report = log_->verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->records, 5);
}

TEST_F(AuditLogTest, RecordsChainToTheirPredecessor) {
  auto records = store_->read_audit(0, 10, {});
  ASSERT_EQ(records->size(), 5u);
  EXPECT_EQ((*records)[0].previous_hash, "");
  for (size_t i = 1; i < records->size(); ++i)
    EXPECT_EQ((*records)[i].previous_hash, (*records)[i - 1].hash);
  EXPECT_EQ(audit::record_hash((*records)[2]), (*records)[2].hash);
}

TEST_F(AuditLogTest, AnEditedRecordIsFound) {
  tamper("UPDATE audit SET detail = 'nothing to see' WHERE sequence = 3");
  auto report = log_->verify();
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->intact);
  EXPECT_NE(report->problem.find("record 3"), std::string::npos) << report->problem;
}

TEST_F(AuditLogTest, ARecordDeletedInTheMiddleIsFound) {
  tamper("DELETE FROM audit WHERE sequence = 2");
  auto report = log_->verify();
  EXPECT_FALSE(report->intact);
  EXPECT_NE(report->problem.find("missing"), std::string::npos) << report->problem;
}

TEST_F(AuditLogTest, ARecordCutFromTheEndIsFound) {
  tamper("DELETE FROM audit WHERE sequence = 5");
  auto report = log_->verify();
  EXPECT_FALSE(report->intact);
  EXPECT_NE(report->problem.find("ends at record 4"), std::string::npos) << report->problem;
}

TEST_F(AuditLogTest, ARechainedForgeryStillFailsOnTheHead) {
  // Rewriting a record and every hash after it defeats the chain alone; the
  // head kept outside the store still tells.
  tamper("DELETE FROM audit WHERE sequence >= 4");
  auto records = store_->read_audit(0, 10, {});
  store::AuditRecord forged = records->back();
  forged.sequence = 4;
  forged.detail = "forged";
  forged.previous_hash = records->back().hash;
  forged.hash = audit::record_hash(forged);
  ASSERT_TRUE(store_->append_audit(std::vector<store::AuditRecord>{forged}).ok());
  EXPECT_FALSE(log_->verify()->intact);
}

TEST_F(AuditLogTest, TheStoreRefusesGapsAndRecordsAreFoundByObject) {
  store::AuditRecord gap;
  gap.sequence = 9;
  EXPECT_EQ(store_->append_audit(std::vector<store::AuditRecord>{gap}).error().kind,
            Error::Kind::conflict);
  auto about = log_->about_object("report--3");
  ASSERT_TRUE(about.ok());
  ASSERT_EQ(about->size(), 1u);
  EXPECT_EQ(about->front().sequence, 4);
}
