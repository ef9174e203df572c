// GET /api/v1/overview: what the node holds (per collection the caller may
// read, per type, per TLP level, per partner agency of origin), what arrived
// today, and how each partner's sync stands. Every count comes from the
// store's kept counts or indexes: a million objects cost what a hundred do.
#include "console/console_api.h"
#include "console/console_response.h"
#include "console/display_names.h"
#include "stix/timestamp.h"
#include "json/json_writer.h"

#include <algorithm>
#include <map>

namespace tansiq::console {
namespace {

// "name": [{"key": value, "count": n}, ...], most numerous first.
void write_counts(json::Writer& writer, std::string_view name, std::string_view key,
                  const std::map<std::string, size_t>& counts) {
  std::vector<std::pair<std::string, size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  writer.key(name).begin_array();
  for (const auto& [value, count] : sorted)
    writer.begin_object()
        .field(key, value)
        .field("count", static_cast<std::int64_t>(count))
        .end_object();
  writer.end_array();
}

} // namespace

taxii::Response ConsoleApi::overview(Call& call) {
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());
  constexpr stix::MicrosSinceEpoch kMicrosPerDay = 86'400'000'000;
  stix::MicrosSinceEpoch midnight = stix::now_micros() / kMicrosPerDay * kMicrosPerDay;

  std::string body;
  json::Writer writer(body);
  writer.begin_object().field("node", settings_.node_name).field("agency", settings_.home_agency);
  std::map<std::string, size_t> per_type, per_tlp;
  struct Origin {
    std::string agency;
    const store::Collection* collection;
    size_t count;
  };
  std::vector<Origin> origins; // per agency and collection: a list link needs both
  size_t total = 0, today = 0;
  writer.key("collections").begin_array();
  for (const auto& collection : *collections) {
    auto types = store_.count_types(collection.id);
    if (!types)
      return console_error(types.error());
    auto recent = store_.count_added_after(collection.id, midnight);
    if (!recent)
      return console_error(recent.error());
    auto tlps = store_.count_tlps(collection.id);
    if (!tlps)
      return console_error(tlps.error());
    for (const auto& entry : *tlps)
      per_tlp[entry.tlp] += entry.count;
    auto received = store_.count_origins(collection.id);
    if (!received)
      return console_error(received.error());
    for (const auto& entry : *received)
      origins.push_back({entry.agency, &collection, entry.count});
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

  write_counts(writer, "types", "type", per_type);
  write_counts(writer, "tlps", "tlp", per_tlp);
  DisplayNames agency_name(store_);
  std::stable_sort(origins.begin(), origins.end(),
                   [](const Origin& a, const Origin& b) { return a.count > b.count; });
  writer.key("origins").begin_array();
  for (const auto& origin : origins)
    writer.begin_object()
        .field("agency", origin.agency)
        .field("agency_name", agency_name(origin.agency))
        .field("collection", origin.collection->id)
        .field("collection_title", origin.collection->title)
        .field("count", static_cast<std::int64_t>(origin.count))
        .end_object();
  writer.end_array();

  auto partners = store_.list_partners();
  if (!partners)
    return console_error(partners.error());
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
