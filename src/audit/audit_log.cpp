#include "audit/audit_log.h"

#include "stix/timestamp.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sodium.h>

namespace tansiq::audit {
namespace {

void absorb(crypto_generichash_state& state, std::string_view field) {
  unsigned char length[8];
  std::uint64_t size = field.size();
  for (int i = 0; i < 8; ++i)
    length[i] = static_cast<unsigned char>(size >> (8 * i));
  crypto_generichash_update(&state, length, sizeof length);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field.data()),
                            field.size());
}

std::optional<std::string> read_head(const std::string& file) {
  std::ifstream in(file);
  std::string sequence, hash;
  if (!(in >> sequence >> hash))
    return std::nullopt;
  return sequence + " " + hash;
}

} // namespace

std::string record_hash(const store::AuditRecord& record) {
  if (sodium_init() < 0)
    std::abort();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  absorb(state, std::to_string(record.sequence));
  absorb(state, std::to_string(record.time));
  for (const std::string* field : {&record.action, &record.actor, &record.partner,
                                   &record.object_id, &record.agreement_id, &record.detail,
                                   &record.previous_hash})
    absorb(state, *field);
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

AuditLog::AuditLog(store::Store& store, std::string head_file)
    : store_(store), head_file_(std::move(head_file)) {}

Result<void> AuditLog::append(const std::vector<AuditEvent>& events) {
  if (events.empty())
    return {};
  std::lock_guard lock(mutex_);
  auto last = store_.last_audit();
  if (!last)
    return last.error();
  std::int64_t sequence = last->has_value() ? (*last)->sequence : 0;
  std::string previous = last->has_value() ? (*last)->hash : "";
  std::vector<store::AuditRecord> records;
  records.reserve(events.size());
  auto now = stix::now_micros();
  for (const auto& event : events) {
    store::AuditRecord record;
    record.sequence = ++sequence;
    record.time = now;
    record.action = event.action;
    record.actor = event.actor;
    record.partner = event.partner;
    record.object_id = event.object_id;
    record.agreement_id = event.agreement_id;
    record.detail = event.detail;
    record.previous_hash = previous;
    record.hash = record_hash(record);
    previous = record.hash;
    records.push_back(std::move(record));
  }
  if (auto appended = store_.append_audit(records); !appended)
    return appended;
  if (!head_file_.empty()) {
    // Written beside, then renamed over: the mirror is never half-written.
    std::string temporary = head_file_ + ".tmp";
    {
      std::ofstream out(temporary, std::ios::trunc);
      out << records.back().sequence << ' ' << records.back().hash << '\n';
      out.flush();
      if (!out)
        return make_error(Error::Kind::unavailable, "cannot write the audit head", temporary);
    }
    std::error_code error;
    std::filesystem::rename(temporary, head_file_, error);
    if (error)
      return make_error(Error::Kind::unavailable, "cannot update the audit head: " + error.message(),
                        head_file_);
  }
  return {};
}

Result<VerifyReport> AuditLog::verify() {
  VerifyReport report;
  std::string previous;
  std::int64_t after = 0;
  for (;;) {
    auto batch = store_.read_audit(after, 10000, {});
    if (!batch)
      return batch.error();
    for (const auto& record : *batch) {
      auto broken = [&](std::string what) {
        report.intact = false;
        report.problem = "record " + std::to_string(record.sequence) + ": " + what;
        return report;
      };
      if (record.sequence != after + 1)
        return broken("records " + std::to_string(after + 1) + " to " +
                      std::to_string(record.sequence - 1) + " are missing");
      if (record.previous_hash != previous)
        return broken("does not chain to the record before it (deleted or altered)");
      if (record_hash(record) != record.hash)
        return broken("its content does not match its hash (altered)");
      previous = record.hash;
      after = record.sequence;
      ++report.records;
    }
    if (batch->size() < 10000)
      break;
  }
  if (!head_file_.empty() && std::filesystem::exists(head_file_)) {
    auto head = read_head(head_file_);
    std::string expected = std::to_string(after) + " " + previous;
    if (!head || *head != expected) {
      report.intact = false;
      report.problem = "the log ends at record " + std::to_string(after) + " but " + head_file_ +
                       " says " + (head ? *head : std::string("nothing readable")) +
                       " (records cut from the end, or the head file altered)";
    }
  }
  return report;
}

Result<std::vector<store::AuditRecord>> AuditLog::about_object(const std::string& object_id) {
  return store_.read_audit(0, 100000, object_id);
}

} // namespace tansiq::audit
