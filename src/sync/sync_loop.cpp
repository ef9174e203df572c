#include "sync/sync_loop.h"

#include <algorithm>

namespace tansiq::sync {

Result<std::size_t> sync_all_partners(store::Store& store, audit::AuditLog& audit,
                                      const std::string& home_agency,
                                      std::chrono::milliseconds timeout,
                                      const std::function<bool(const store::Partner&)>& due) {
  auto partners = store.list_partners();
  if (!partners)
    return partners.error();
  std::size_t added = 0;
  for (const auto& partner : *partners) {
    if (due && !due(partner))
      continue;
    auto client = TaxiiClient::connect_to(partner.api_root_url, partner.token, timeout);
    if (!client) {
      (void)store.record_sync(partner.name, {}, stix::now_micros(), client.error().describe());
      continue;
    }
    auto pulled = pull_partner(store, audit, partner, home_agency, *client);
    if (pulled)
      added += pulled->added;
    if (!partner.push_collection.empty())
      if (auto pushed = push_partner(store, audit, partner, *client); !pushed)
        (void)store.record_sync(partner.name, {}, stix::now_micros(),
                                "push: " + pushed.error().describe());
  }
  return added;
}

SyncLoop::SyncLoop(store::Store& store, audit::AuditLog& audit, std::string home_agency,
                   std::chrono::milliseconds interval, std::function<void()> objects_added)
    : store_(store), audit_(audit), home_agency_(std::move(home_agency)), interval_(interval),
      objects_added_(std::move(objects_added)) {}

SyncLoop::~SyncLoop() {
  stop();
}

void SyncLoop::start() {
  worker_.start({.period = interval_, .first_pass_at_start = true}, [this](bool) { sync_once(); });
}

void SyncLoop::stop() {
  worker_.stop();
}

void SyncLoop::sync_once() {
  auto now = std::chrono::steady_clock::now();
  auto due = [&](const store::Partner& partner) {
    auto found = backoff_.find(partner.name);
    return found == backoff_.end() || now >= found->second.first;
  };
  auto added = sync_all_partners(store_, audit_, home_agency_, std::chrono::seconds(30), due);
  // Back off from partners whose last pull failed; forget those that recovered.
  if (auto partners = store_.list_partners()) {
    for (const auto& partner : *partners) {
      if (partner.last_error.empty()) {
        backoff_.erase(partner.name);
      } else if (due(partner)) {
        int failures = ++backoff_[partner.name].second;
        auto delay = std::min<std::chrono::milliseconds>(interval_ * (1 << std::min(failures, 10)),
                                                         max_backoff_);
        backoff_[partner.name].first = now + delay;
      }
    }
  }
  if (added && *added > 0 && objects_added_)
    objects_added_();
}

} // namespace tansiq::sync
