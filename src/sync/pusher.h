// Pushes to a partner's collection (TAXII POST) what this node's release
// policy publishes to the partner's agency: the same objects its account
// could pull, in date_added order from the saved push cursor, 1000 a request.
// The cursor moves only past what the partner acknowledged (HTTP 202), so an
// interrupted push resumes without loss; objects the partner refuses (its
// status lists failures) are audited and not retried. Every pushed object is
// audited ("push").
#pragma once

#include "audit/audit_log.h"
#include "store/store.h"
#include "sync/taxii_client.h"

namespace tansiq::sync {

struct PushSummary {
  std::size_t requests = 0;
  std::size_t pushed = 0;
  std::size_t refused = 0;
};

Result<PushSummary> push_partner(store::Store& store, audit::AuditLog& audit,
                                 const store::Partner& partner, TaxiiClient& client,
                                 std::size_t max_requests = 1000);

} // namespace tansiq::sync
