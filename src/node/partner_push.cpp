#include "node/partner_push.h"

#include "node/partner_intake.h"

#include <algorithm>

namespace tansiq::node {

bool PushAllowance::take(const std::string& agency, std::size_t objects) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  auto& [window, used] = used_[agency];
  if (now - window >= std::chrono::minutes(1)) {
    window = now;
    used = 0;
  }
  if (used + objects > per_minute_)
    return false;
  used += objects;
  return true;
}

Result<taxii::AddReceipt>
receive_partner_push(store::Store& store, audit::AuditLog& audit, PushAllowance& allowance,
                     const std::string& home_agency, const store::User& account,
                     const store::Collection& collection, const stix::ParsedBundle& objects) {
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
  size_t count = objects.accepted.size() + objects.rejected.size();
  if (!allowance.take(account.agency, count)) {
    std::string why = "flood: " + std::to_string(count) + " object(s) past the allowance of " +
                      std::to_string(allowance.per_minute()) + " a minute";
    (void)audit.append({"reject", account.name, account.agency, "", partner->agreement,
                        "push refused, nothing stored: " + why});
    return make_error(Error::Kind::unavailable, why + "; nothing was stored, try again later");
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
