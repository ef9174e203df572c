// Pulls a partner's TAXII collection into this node: from the saved cursor,
// page by page, each page validated; objects the partner may not pass on to us
// (another agency's objects whose markings do not release them to us) are
// rejected with their reason; accepted ones are stored with their provenance
// (received from, when, under which agreement). Every pulled or rejected
// object goes into the audit log. The cursor is saved after each stored page,
// so a pull interrupted anywhere resumes without loss or duplicates.
#pragma once

#include "audit/audit_log.h"
#include "core/result.h"
#include "store/store.h"
#include "sync/taxii_client.h"

#include <string>

namespace tansiq::sync {

struct PullSummary {
  std::size_t pages = 0;
  std::size_t added = 0;
  std::size_t duplicates = 0;
  std::size_t rejected = 0;
};

Result<PullSummary> pull_partner(store::Store& store, audit::AuditLog& audit,
                                 const store::Partner& partner, const std::string& home_agency,
                                 TaxiiClient& client, std::size_t max_pages = 1000);

} // namespace tansiq::sync
