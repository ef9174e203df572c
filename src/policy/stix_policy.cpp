#include "policy/stix_policy.h"

#include "stix/identifier.h"

namespace tansiq::policy {
namespace {

Error invalid(std::string_view property, std::string message) {
  return make_error(Error::Kind::invalid_input, std::move(message), "$." + std::string(property));
}

std::vector<std::string> string_list(simdjson::dom::element object, std::string_view key) {
  std::vector<std::string> items;
  simdjson::dom::array array;
  if (object[key].get_array().get(array))
    return items;
  for (auto item : array) {
    std::string_view text;
    if (!item.get_string().get(text))
      items.emplace_back(text);
  }
  return items;
}

std::string_view string_at(simdjson::dom::element object, std::string_view key) {
  std::string_view text;
  if (object[key].get_string().get(text))
    return {};
  return text;
}

} // namespace

Result<Agreement> read_agreement(simdjson::dom::element object) {
  if (string_at(object, "type") != kAgreementType)
    return invalid("type", "an agreement has type \"" + std::string(kAgreementType) + "\"");
  Agreement agreement;
  agreement.id = string_at(object, "id");
  agreement.name = string_at(object, "name");
  agreement.parties = string_list(object, "parties");
  agreement.categories = string_list(object, "categories");
  if (agreement.parties.size() < 2)
    return invalid("parties", "an agreement needs at least two parties (agency identity ids)");
  for (const auto& party : agreement.parties)
    if (stix::identifier_type(party) != "identity")
      return invalid("parties", "\"" + party + "\" is not an identity id");
  if (agreement.categories.empty())
    return invalid("categories", "an agreement needs a scope: at least one category");
  auto tlp = stix::tlp_from_marking_id(string_at(object, "highest_tlp"));
  if (!tlp)
    return invalid("highest_tlp", "must be the id of a TLP marking-definition");
  agreement.highest_tlp = *tlp;
  auto from = stix::parse_timestamp(string_at(object, "valid_from"));
  if (!from)
    return invalid("valid_from", "required timestamp is missing or malformed");
  agreement.valid_from = *from;
  if (!string_at(object, "valid_until").empty()) {
    auto until = stix::parse_timestamp(string_at(object, "valid_until"));
    if (!until || *until <= *from)
      return invalid("valid_until", "must be a timestamp later than valid_from");
    agreement.valid_until = *until;
  }
  bool flag = false;
  if (!object["onward_sharing"].get_bool().get(flag))
    agreement.onward_sharing = flag;
  if (!object["revoked"].get_bool().get(flag))
    agreement.withdrawn = flag;
  return agreement;
}

Result<std::optional<HandlingMarking>> read_handling_marking(simdjson::dom::element marking) {
  simdjson::dom::element extension;
  if (marking["extensions"][kHandlingExtension].get(extension))
    return std::optional<HandlingMarking>();
  HandlingMarking handling;
  handling.originator = string_at(extension, "originator");
  if (stix::identifier_type(handling.originator) != "identity")
    return invalid("extensions." + std::string(kHandlingExtension) + ".originator",
                   "must be the identity id of the originating agency");
  for (auto& target : string_list(extension, "releasable_to")) {
    std::string_view type = stix::identifier_type(target);
    if (type == "identity")
      handling.releasable_to_agencies.push_back(std::move(target));
    else if (type == kAgreementType)
      handling.releasable_to_agreements.push_back(std::move(target));
    else
      return invalid("extensions." + std::string(kHandlingExtension) + ".releasable_to",
                     "\"" + target + "\" is neither an agency identity nor an agreement");
  }
  bool control = true;
  if (!extension["originator_control"].get_bool().get(control))
    handling.originator_control = control;
  if (!string_at(extension, "expires").empty()) {
    auto expires = stix::parse_timestamp(string_at(extension, "expires"));
    if (!expires)
      return invalid("extensions." + std::string(kHandlingExtension) + ".expires",
                     "must be a timestamp");
    handling.expires = *expires;
  }
  return std::optional<HandlingMarking>(std::move(handling));
}

Handling read_object_handling(simdjson::dom::element object, const HandlingLookup& lookup,
                              const CategoryVocabulary& categories) {
  Handling handling;
  handling.originator = string_at(object, "created_by_ref");
  bool handling_found = false;
  for (const auto& ref : string_list(object, "object_marking_refs")) {
    if (auto level = stix::tlp_from_marking_id(ref)) {
      // Two TLP markings on one object: the stricter one holds.
      handling.tlp = handling.tlp ? std::max(*handling.tlp, *level) : *level;
      continue;
    }
    const HandlingMarking* marking = handling_found ? nullptr : lookup(ref);
    if (!marking)
      continue;
    handling_found = true;
    handling.originator = marking->originator;
    handling.releasable_to_agencies = marking->releasable_to_agencies;
    handling.releasable_to_agreements = marking->releasable_to_agreements;
    handling.originator_control = marking->originator_control;
    handling.expires = marking->expires;
  }
  for (auto& label : string_list(object, "labels"))
    if (categories.count(label))
      handling.categories.push_back(std::move(label));
  return handling;
}

CategoryVocabulary parse_category_vocabulary(std::string_view text) {
  CategoryVocabulary vocabulary;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
      line.remove_prefix(1);
    if (!line.empty())
      vocabulary.emplace(line);
  }
  return vocabulary;
}

} // namespace tansiq::policy
