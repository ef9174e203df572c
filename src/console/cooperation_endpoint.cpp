// GET /api/v1/cooperation: the agreements this node knows (parties, scope,
// highest TLP, validity, onward sharing, in force or not) and its partners
// with their sync state and what flowed in and out over the last seven days
// (counts of audit records per action). GET /api/v1/objects/ID/audit: the
// audit trail of one object the caller may read.
#include "console/console_api.h"
#include "console/console_response.h"
#include "console/display_names.h"
#include "node/policy_state.h"
#include "stix/identifier.h"
#include "stix/timestamp.h"
#include "stix/tlp.h"
#include "json/json_writer.h"

namespace tansiq::console {
namespace {

constexpr stix::MicrosSinceEpoch kWeek = 7LL * 86'400'000'000;

std::string timestamp_or_empty(std::optional<stix::MicrosSinceEpoch> micros) {
  return micros ? stix::format_timestamp(*micros) : std::string();
}

} // namespace

taxii::Response ConsoleApi::cooperation(Call&) {
  auto state = node::load_policy_state(store_);
  if (!state)
    return console_error(state.error());
  DisplayNames name_of(store_);
  auto now = stix::now_micros();

  std::string body;
  json::Writer writer(body);
  writer.begin_object().key("agreements").begin_array();
  for (const auto& agreement : state->agreements) {
    bool in_force = !agreement.withdrawn && agreement.valid_from <= now &&
                    (!agreement.valid_until || now < *agreement.valid_until);
    writer.begin_object()
        .field("id", agreement.id)
        .field("name", agreement.name)
        .field("highest_tlp", stix::tlp_name(agreement.highest_tlp))
        .field("valid_from", stix::format_timestamp(agreement.valid_from))
        .field("valid_until", timestamp_or_empty(agreement.valid_until))
        .field("onward_sharing", agreement.onward_sharing)
        .field("withdrawn", agreement.withdrawn)
        .field("in_force", in_force);
    writer.key("parties").begin_array();
    for (const auto& party : agreement.parties)
      writer.begin_object().field("id", party).field("name", name_of(party)).end_object();
    writer.end_array().key("categories").begin_array();
    for (const auto& category : agreement.categories)
      writer.string(category);
    writer.end_array().end_object();
  }
  writer.end_array();
  writer.key("problems").begin_array();
  for (const auto& problem : state->problems)
    writer.string(problem);
  writer.end_array();

  auto partners = store_.list_partners();
  if (!partners)
    return console_error(partners.error());
  auto flows = store_.count_audit_since(now - kWeek);
  if (!flows)
    return console_error(flows.error());
  writer.key("partners").begin_array();
  for (const auto& partner : *partners) {
    writer.begin_object()
        .field("name", partner.name)
        .field("agency", partner.agency)
        .field("agency_name", name_of(partner.agency))
        .field("url", partner.api_root_url)
        .field("agreement", partner.agreement)
        .field("agreement_name", name_of(partner.agreement))
        .field("push", !partner.push_collection.empty())
        .field("last_success",
               partner.last_success ? stix::format_timestamp(partner.last_success) : std::string())
        .field("last_error", partner.last_error);
    writer.key("last_week").begin_object();
    for (const auto& flow : *flows)
      if (flow.partner == partner.agency)
        writer.field(flow.action, static_cast<std::int64_t>(flow.count));
    writer.end_object().end_object();
  }
  writer.end_array().end_object();
  return json_response(200, std::move(body));
}

taxii::Response ConsoleApi::object_audit(Call& call, std::string_view object_id) {
  auto readable = readable_object(call, object_id);
  if (auto* refused = std::get_if<taxii::Response>(&readable))
    return std::move(*refused);
  auto records = store_.read_audit(0, 1000, object_id);
  if (!records)
    return console_error(records.error());
  std::string body;
  json::Writer writer(body);
  writer.begin_object().key("records").begin_array();
  for (const auto& record : *records)
    writer.begin_object()
        .field("sequence", record.sequence)
        .field("time", stix::format_timestamp(record.time))
        .field("action", record.action)
        .field("actor", record.actor)
        .field("partner", record.partner)
        .field("agreement", record.agreement_id)
        .field("detail", record.detail)
        .end_object();
  writer.end_array().field("complete", records->size() < 1000).end_object();
  return json_response(200, std::move(body));
}

} // namespace tansiq::console
