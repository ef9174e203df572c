#include "node/policy_state.h"

#include "policy_categories.h" // generated from data/policy/categories.txt

namespace tansiq::node {

policy::Handling PolicyState::handling_of(simdjson::dom::element object) const {
  return policy::read_object_handling(
      object,
      [this](std::string_view id) -> const policy::HandlingMarking* {
        auto marking = handling_markings.find(std::string(id));
        return marking == handling_markings.end() ? nullptr : &marking->second;
      },
      categories);
}

Result<PolicyState> load_policy_state(store::Store& store) {
  PolicyState state;
  state.categories = policy::parse_category_vocabulary(kShippedCategories);
  simdjson::dom::parser parser;

  auto agreements = store.latest_of_type(policy::kAgreementType);
  if (!agreements)
    return agreements.error();
  for (const auto& stored : *agreements) {
    simdjson::dom::element element;
    if (parser.parse(stored.json).get(element)) {
      state.problems.push_back(stored.id + ": stored JSON does not parse");
      continue;
    }
    auto agreement = policy::read_agreement(element);
    if (!agreement) {
      state.problems.push_back(stored.id + ": " + agreement.error().describe());
      continue;
    }
    state.agreements.push_back(std::move(agreement.value()));
  }

  auto markings = store.latest_of_type("marking-definition");
  if (!markings)
    return markings.error();
  for (const auto& stored : *markings) {
    simdjson::dom::element element;
    if (parser.parse(stored.json).get(element))
      continue;
    auto handling = policy::read_handling_marking(element);
    if (!handling) {
      state.problems.push_back(stored.id + ": " + handling.error().describe());
      continue;
    }
    if (handling->has_value())
      state.handling_markings.emplace(stored.id, std::move(**handling));
  }
  return state;
}

Result<policy::Decision> decide_for_object(store::Store& store, const PolicyState& state,
                                           const std::string& home_agency,
                                           const std::string& object_id, const std::string& partner,
                                           stix::MicrosSinceEpoch now) {
  auto found = store.find_latest(object_id);
  if (!found)
    return found.error();
  if (!found->has_value())
    return make_error(Error::Kind::not_found, "no such object in this node", object_id);
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  if (parser.parse((*found)->json).get(element))
    return make_error(Error::Kind::internal, "stored JSON does not parse", object_id);
  auto handling =
      effective_handling(store, state, element, object_id, (*found)->version_micros, home_agency);
  if (!handling)
    return handling.error();
  policy::DecisionContext context{home_agency, &state.agreements, now};
  return policy::decide(*handling, partner, context);
}

Result<policy::Handling> effective_handling(store::Store& store, const PolicyState& state,
                                            simdjson::dom::element object,
                                            const std::string& object_id,
                                            stix::MicrosSinceEpoch version_micros,
                                            const std::string& home_agency) {
  policy::Handling handling = state.handling_of(object);
  auto provenance = store.provenance_of(object_id);
  if (!provenance)
    return provenance.error();
  if (!provenance->empty()) {
    const store::Provenance* chosen = &provenance->front();
    for (const auto& record : *provenance)
      if (record.version_micros == version_micros) {
        chosen = &record;
        break;
      }
    handling.received_under_agreement = chosen->agreement;
    if (handling.originator.empty())
      handling.originator = chosen->received_from;
  }
  if (handling.originator.empty())
    handling.originator = home_agency;
  return handling;
}

} // namespace tansiq::node
