#include "policy/release_rules.h"

#include <algorithm>

namespace tansiq::policy {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

bool party_to(const Agreement& agreement, const std::string& agency) {
  return contains(agreement.parties, agency);
}

const Agreement* find_agreement(const std::vector<Agreement>& agreements, const std::string& id) {
  for (const auto& agreement : agreements)
    if (agreement.id == id)
      return &agreement;
  return nullptr;
}

Decision deny(Rule rule, std::string reason) {
  return Decision{false, rule, {}, std::move(reason)};
}

// Does the originator's handling name the partner, directly or via an
// agreement (in force) that binds both the originator and the partner?
bool handling_names_partner(const Handling& object, const std::string& partner,
                            const DecisionContext& context) {
  if (contains(object.releasable_to_agencies, partner))
    return true;
  for (const auto& id : object.releasable_to_agreements) {
    const Agreement* agreement = find_agreement(*context.agreements, id);
    if (agreement && in_force(*agreement, context.now) && party_to(*agreement, partner) &&
        party_to(*agreement, object.originator))
      return true;
  }
  return false;
}

} // namespace

bool in_force(const Agreement& agreement, MicrosSinceEpoch now) {
  return !agreement.withdrawn && agreement.valid_from <= now &&
         (!agreement.valid_until || now < *agreement.valid_until);
}

Decision decide(const Handling& object, const std::string& partner,
                const DecisionContext& context) {
  if (!object.tlp)
    return deny(Rule::no_tlp,
                "the object carries no TLP marking; unmarked objects are never released");
  if (*object.tlp == stix::Tlp::red)
    return deny(Rule::tlp_red, "TLP:RED is for its named recipients only");
  if (object.expires && *object.expires <= context.now)
    return deny(Rule::expired, "its handling marking expired");
  if (object.categories.empty())
    return deny(Rule::no_categories,
                "the object has no category, so no agreement's scope can be said to cover it");

  bool from_third_party = !object.originator.empty() && object.originator != context.home_agency;
  if (from_third_party) {
    if (*object.tlp == stix::Tlp::amber_strict)
      return deny(Rule::amber_strict_onward, "TLP:AMBER+STRICT received from " + object.originator +
                                                 " stays with its recipients");
    if (object.originator == partner) {
      // Returning an object to its own originator discloses nothing new.
    } else {
      if (!handling_names_partner(object, partner, context))
        return deny(Rule::third_party_rule, "it came from " + object.originator +
                                                ", whose markings do not release it to " + partner);
      if (!object.received_under_agreement.empty()) {
        const Agreement* received =
            find_agreement(*context.agreements, object.received_under_agreement);
        if (!received || !received->onward_sharing)
          return deny(Rule::onward_sharing_not_allowed, "the agreement it came under (" +
                                                            object.received_under_agreement +
                                                            ") does not allow onward sharing");
      }
    }
  } else if (!object.releasable_to_agencies.empty() || !object.releasable_to_agreements.empty()) {
    if (!contains(object.releasable_to_agencies, partner)) {
      bool via_agreement = false;
      for (const auto& id : object.releasable_to_agreements) {
        const Agreement* agreement = find_agreement(*context.agreements, id);
        via_agreement = via_agreement || (agreement && party_to(*agreement, partner));
      }
      if (!via_agreement)
        return deny(Rule::not_releasable_to_partner, "its handling marking does not name " +
                                                         partner +
                                                         " or an agreement it is party to");
    }
  }

  // An agreement in force between this agency and the partner must cover it.
  std::string closest_miss;
  for (const auto& agreement : *context.agreements) {
    if (!party_to(agreement, context.home_agency) || !party_to(agreement, partner))
      continue;
    if (!in_force(agreement, context.now)) {
      closest_miss = "agreement " + agreement.id + " is not in force";
      continue;
    }
    if (*object.tlp > agreement.highest_tlp) {
      closest_miss = "agreement " + agreement.id + " allows at most " +
                     std::string(stix::tlp_name(agreement.highest_tlp));
      continue;
    }
    auto uncovered =
        std::find_if(object.categories.begin(), object.categories.end(),
                     [&](const std::string& c) { return !contains(agreement.categories, c); });
    if (uncovered != object.categories.end()) {
      closest_miss = "agreement " + agreement.id + " does not cover \"" + *uncovered + "\"";
      continue;
    }
    if (!from_third_party && object.tlp == stix::Tlp::amber_strict &&
        !contains(object.releasable_to_agencies, partner)) {
      closest_miss = "TLP:AMBER+STRICT goes only to agencies its handling names";
      continue;
    }
    if (!object.releasable_to_agreements.empty() &&
        !contains(object.releasable_to_agreements, agreement.id) &&
        !contains(object.releasable_to_agencies, partner)) {
      closest_miss = "its handling names other agreements than " + agreement.id;
      continue;
    }
    return Decision{true, Rule::released, agreement.id,
                    "released under agreement " + agreement.id +
                        (agreement.name.empty() ? "" : " (" + agreement.name + ")")};
  }
  return deny(Rule::no_agreement, closest_miss.empty()
                                      ? "no agreement binds this agency and " + partner
                                      : "no agreement allows it: " + closest_miss);
}

} // namespace tansiq::policy
