#include "sync/puller.h"

#include "node/partner_intake.h"
#include "stix/bundle_reader.h"

#include <simdjson.h>

namespace tansiq::sync {

Result<PullSummary> pull_partner(store::Store& store, audit::AuditLog& audit,
                                 const store::Partner& partner, const std::string& home_agency,
                                 TaxiiClient& client, std::size_t max_pages) {
  PullSummary summary;
  std::string cursor = partner.cursor;
  auto failed = [&](Error error) -> Error {
    (void)store.record_sync(partner.name, {}, stix::now_micros(), error.describe());
    (void)audit.append({"reject", "sync", partner.agency, "", partner.agreement,
                        "pull from " + partner.name + " failed: " + error.describe()});
    return error;
  };
  simdjson::dom::parser parser;
  for (; summary.pages < max_pages; ++summary.pages) {
    std::string path = "collections/" + partner.collection + "/objects/?limit=1000";
    if (!cursor.empty())
      path += "&added_after=" + cursor;
    auto reply = client.get(path);
    if (!reply)
      return failed(reply.error());
    if (reply->status != 200)
      return failed(make_error(Error::Kind::unavailable,
                               "the partner answered HTTP " + std::to_string(reply->status),
                               partner.api_root_url + path));
    auto page = stix::read_bundle(reply->body, stix::Container::envelope);
    if (!page)
      return failed(make_error(Error::Kind::invalid_input,
                               "the partner sent something that is not a TAXII envelope: " +
                                   page.error().describe()));
    bool more = false;
    simdjson::dom::element envelope;
    if (!parser.parse(reply->body).get(envelope))
      if (envelope["more"].get_bool().get(more))
        more = false;

    node::PartnerSource source{
        partner.name, partner.agency, partner.agreement, partner.local_collection, "pull", "sync"};
    auto receipt = node::receive_from_partner(store, audit, source, home_agency, *page);
    if (!receipt)
      return failed(receipt.error());
    summary.rejected += receipt->rejected.size();
    for (auto outcome : receipt->outcomes)
      ++(outcome == store::AddOutcome::added ? summary.added : summary.duplicates);
    if (!reply->date_added_last.empty())
      cursor = reply->date_added_last;
    if (auto saved = store.record_sync(partner.name, cursor, stix::now_micros(), {}); !saved)
      return saved.error();
    if (!more || page->accepted.size() + page->rejected.size() == 0)
      break;
  }
  return summary;
}

} // namespace tansiq::sync
