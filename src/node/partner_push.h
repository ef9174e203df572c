// A partner node pushing objects to this one (TAXII POST by a partner
// agency's account): the account's agency must be a configured partner
// (`tansiq partner add`), whose agreement the objects come under; then the
// same intake as a pull (node/partner_intake.h). Plugs into
// taxii::ApiSettings::receive_from_partner.
#pragma once

#include "audit/audit_log.h"
#include "taxii/api.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace tansiq::node {

// Flood protection: how many objects each partner agency may push per minute.
// A push past the allowance is refused whole (503, try again later) and audited.
class PushAllowance {
public:
  explicit PushAllowance(std::size_t objects_per_minute) : per_minute_(objects_per_minute) {}
  // Takes `objects` from the agency's allowance for the current minute; false when it would
  // go past it (nothing is taken then).
  bool take(const std::string& agency, std::size_t objects);
  std::size_t per_minute() const { return per_minute_; }

private:
  std::size_t per_minute_;
  std::mutex mutex_;
  std::map<std::string, std::pair<std::chrono::steady_clock::time_point, std::size_t>> used_;
};

Result<taxii::AddReceipt>
receive_partner_push(store::Store& store, audit::AuditLog& audit, PushAllowance& allowance,
                     const std::string& home_agency, const store::User& account,
                     const store::Collection& collection, const stix::ParsedBundle& objects);

} // namespace tansiq::node
