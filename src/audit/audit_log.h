// The append-only audit log of releases, denials, pulls, pushes and
// rejections. Each record carries the BLAKE2b-256 hash of its content and of
// the previous record's hash, so an edit or a deletion anywhere breaks the
// chain; a copy of the head hash kept outside the store (DIR/audit.head)
// catches a cut at the end.
#pragma once

#include "core/result.h"
#include "store/store.h"

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tansiq::audit {

struct AuditEvent {
  std::string action;
  std::string actor;
  std::string partner;
  std::string object_id;
  std::string agreement_id;
  std::string detail;
};

struct VerifyReport {
  std::int64_t records = 0;
  bool intact = true;
  std::string problem; // what broke and at which sequence, when not intact
};

// The hash of a record: BLAKE2b-256 over its fields, each length-prefixed, and
// its previous_hash. Pure.
std::string record_hash(const store::AuditRecord& record);

class AuditLog {
public:
  // `head_file`: where the newest hash is mirrored (empty: not mirrored).
  AuditLog(store::Store& store, std::string head_file);

  // Appends the events in one durable batch, chained after the newest record.
  Result<void> append(const std::vector<AuditEvent>& events);
  Result<void> append(const AuditEvent& event) { return append(std::vector<AuditEvent>{event}); }

  // Walks the whole log; any break is reported with its sequence.
  Result<VerifyReport> verify();

  Result<std::vector<store::AuditRecord>> about_object(const std::string& object_id);

private:
  store::Store& store_;
  std::string head_file_;
  std::mutex mutex_;
};

} // namespace tansiq::audit
