#include "sync/pusher.h"

#include <simdjson.h>

#include <algorithm>

namespace tansiq::sync {
namespace {

constexpr std::size_t kBatch = 1000;

// The next objects released to the agency after `cursor`, across collections,
// in date_added order (the cursor is global: date_added is unique store-wide).
Result<std::vector<store::StoredObject>> next_batch(store::Store& store, const std::string& agency,
                                                    stix::MicrosSinceEpoch cursor) {
  auto collections = store.list_collections();
  if (!collections)
    return collections.error();
  std::vector<store::StoredObject> batch;
  for (const auto& collection : *collections) {
    store::ObjectQuery query;
    query.released_to = agency;
    query.now = stix::now_micros();
    query.after_cursor = cursor;
    query.limit = kBatch;
    query.versions = store::VersionMatch{true, false, false, {}};
    auto page = store.query_objects(collection.id, query);
    if (!page)
      return page.error();
    std::move(page->objects.begin(), page->objects.end(), std::back_inserter(batch));
  }
  std::sort(batch.begin(), batch.end(),
            [](const auto& a, const auto& b) { return a.date_added < b.date_added; });
  if (batch.size() > kBatch)
    batch.resize(kBatch);
  return batch;
}

} // namespace

Result<PushSummary> push_partner(store::Store& store, audit::AuditLog& audit,
                                 const store::Partner& partner, TaxiiClient& client,
                                 std::size_t max_requests) {
  PushSummary summary;
  if (partner.push_collection.empty())
    return summary;
  auto failed = [&](Error error) -> Error {
    (void)audit.append({"reject", "sync", partner.agency, "", partner.agreement,
                        "push to " + partner.name + " failed: " + error.describe()});
    return error;
  };
  stix::MicrosSinceEpoch cursor = partner.push_cursor;
  simdjson::dom::parser parser;
  for (; summary.requests < max_requests; ++summary.requests) {
    auto batch = next_batch(store, partner.agency, cursor);
    if (!batch)
      return failed(batch.error());
    if (batch->empty())
      break;
    std::string envelope = "{\"objects\":[";
    for (size_t i = 0; i < batch->size(); ++i)
      envelope += (i ? "," : "") + (*batch)[i].json; // stored bytes, verbatim
    envelope += "]}";
    auto reply = client.post("collections/" + partner.push_collection + "/objects/", envelope);
    if (!reply)
      return failed(reply.error());
    if (reply->status != 202)
      return failed(make_error(Error::Kind::unavailable,
                               "the partner answered HTTP " + std::to_string(reply->status) + ": " +
                                   reply->body.substr(0, 300),
                               partner.api_root_url));
    // What the partner refused, by id, with its reason.
    std::vector<std::pair<std::string, std::string>> refusals;
    simdjson::dom::element status;
    simdjson::dom::array failures;
    if (parser.parse(reply->body).get(status) == simdjson::SUCCESS &&
        status["failures"].get_array().get(failures) == simdjson::SUCCESS)
      for (auto failure : failures) {
        std::string_view id, message;
        if (failure["id"].get_string().get(id) == simdjson::SUCCESS) {
          if (failure["message"].get_string().get(message) != simdjson::SUCCESS)
            message = "refused";
          refusals.emplace_back(std::string(id), std::string(message));
        }
      }
    std::vector<audit::AuditEvent> events;
    for (const auto& object : *batch) {
      auto refused = std::find_if(refusals.begin(), refusals.end(),
                                  [&](const auto& r) { return r.first == object.id; });
      if (refused != refusals.end()) {
        ++summary.refused;
        events.push_back({"reject", "sync", partner.agency, object.id, partner.agreement,
                          partner.name + " refused the push: " + refused->second});
      } else {
        ++summary.pushed;
        events.push_back({"push", "sync", partner.agency, object.id, partner.agreement,
                          "pushed to " + partner.name});
      }
    }
    if (auto logged = audit.append(events); !logged)
      return logged.error();
    cursor = batch->back().date_added;
    if (auto saved = store.record_push(partner.name, cursor); !saved)
      return saved.error();
    if (batch->size() < kBatch)
      break;
  }
  return summary;
}

} // namespace tansiq::sync
