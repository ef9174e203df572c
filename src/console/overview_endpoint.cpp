// GET /api/v1/overview: what the node holds (per collection the caller may
// read, per type), what arrived today, and how each partner's sync stands.
#include "console/console_api.h"
#include "console/console_response.h"
#include "console/display_names.h"
#include "stix/timestamp.h"
#include "json/json_writer.h"

#include <algorithm>
#include <map>

namespace tansiq::console {

taxii::Response ConsoleApi::overview(Call& call) {
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());
  constexpr stix::MicrosSinceEpoch kMicrosPerDay = 86'400'000'000;
  stix::MicrosSinceEpoch midnight = stix::now_micros() / kMicrosPerDay * kMicrosPerDay;

  std::string body;
  json::Writer writer(body);
  writer.begin_object().field("node", settings_.node_name).field("agency", settings_.home_agency);
  std::map<std::string, size_t> per_type;
  size_t total = 0, today = 0;
  writer.key("collections").begin_array();
  for (const auto& collection : *collections) {
    auto types = store_.count_types(collection.id);
    if (!types)
      return console_error(types.error());
    auto recent = store_.count_added_after(collection.id, midnight);
    if (!recent)
      return console_error(recent.error());
    size_t count = 0;
    for (const auto& entry : *types) {
      count += entry.count;
      per_type[entry.type] += entry.count;
    }
    total += count;
    today += *recent;
    writer.begin_object()
        .field("id", collection.id)
        .field("title", collection.title)
        .field("count", static_cast<std::int64_t>(count))
        .field("today", static_cast<std::int64_t>(*recent))
        .end_object();
  }
  writer.end_array();
  writer.field("total", static_cast<std::int64_t>(total))
      .field("today", static_cast<std::int64_t>(today));

  std::vector<std::pair<std::string, size_t>> types(per_type.begin(), per_type.end());
  std::stable_sort(types.begin(), types.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  writer.key("types").begin_array();
  for (const auto& [type, count] : types)
    writer.begin_object()
        .field("type", type)
        .field("count", static_cast<std::int64_t>(count))
        .end_object();
  writer.end_array();

  auto partners = store_.list_partners();
  if (!partners)
    return console_error(partners.error());
  DisplayNames agency_name(store_);
  writer.key("partners").begin_array();
  for (const auto& partner : *partners) {
    writer.begin_object()
        .field("name", partner.name)
        .field("agency", partner.agency)
        .field("agency_name", agency_name(partner.agency))
        .field("last_success",
               partner.last_success ? stix::format_timestamp(partner.last_success) : std::string())
        .field("last_error", partner.last_error)
        .end_object();
  }
  writer.end_array().end_object();
  return json_response(200, std::move(body));
}

} // namespace tansiq::console
