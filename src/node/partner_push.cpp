#include "node/partner_push.h"

#include "node/partner_intake.h"

#include <algorithm>

namespace tansiq::node {

Result<taxii::AddReceipt> receive_partner_push(store::Store& store, audit::AuditLog& audit,
                                               const std::string& home_agency,
                                               const store::User& account,
                                               const store::Collection& collection,
                                               const stix::ParsedBundle& objects) {
  auto partners = store.list_partners();
  if (!partners)
    return partners.error();
  auto partner = std::find_if(partners->begin(), partners->end(),
                              [&](const store::Partner& p) { return p.agency == account.agency; });
  if (partner == partners->end()) {
    (void)audit.append({"reject", account.name, account.agency, "", "",
                        "push refused: the agency is not a configured partner"});
    return make_error(Error::Kind::forbidden,
                      "agency " + account.agency +
                          " is not a configured partner of this node (tansiq partner add)");
  }
  PartnerSource source{partner->name, partner->agency, partner->agreement,
                       collection.id, "receive",       account.name};
  auto receipt = receive_from_partner(store, audit, source, home_agency, objects);
  if (!receipt)
    return receipt.error();
  taxii::AddReceipt answer;
  for (size_t i = 0; i < receipt->stored.size(); ++i)
    answer.stored.push_back({std::string(receipt->stored[i].id),
                             std::string(receipt->stored[i].version),
                             receipt->outcomes[i] == store::AddOutcome::duplicate});
  for (auto& rejected : receipt->rejected)
    answer.rejected.push_back({std::move(rejected.id), std::move(rejected.reason)});
  return answer;
}

} // namespace tansiq::node
