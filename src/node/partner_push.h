// A partner node pushing objects to this one (TAXII POST by a partner
// agency's account): the account's agency must be a configured partner
// (`tansiq partner add`), whose agreement the objects come under; then the
// same intake as a pull (node/partner_intake.h). Plugs into
// taxii::ApiSettings::receive_from_partner.
#pragma once

#include "audit/audit_log.h"
#include "taxii/api.h"

namespace tansiq::node {

Result<taxii::AddReceipt> receive_partner_push(store::Store& store, audit::AuditLog& audit,
                                               const std::string& home_agency,
                                               const store::User& account,
                                               const store::Collection& collection,
                                               const stix::ParsedBundle& objects);

} // namespace tansiq::node
