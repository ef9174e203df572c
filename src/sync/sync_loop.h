// Pulls from every partner (and pushes to those configured for it) in the
// background while a node serves: every `interval`, with a doubling back-off
// (up to `max_backoff`) for a partner that is down or sends garbage; the
// others go on regardless.
#pragma once

#include "audit/audit_log.h"
#include "core/background_worker.h"
#include "store/store.h"
#include "sync/puller.h"
#include "sync/pusher.h"

#include <chrono>
#include <functional>
#include <map>
#include <string>

namespace tansiq::sync {

// One pass over all partners: pull, then push where a push collection is
// set; returns how many objects were added here.
Result<std::size_t> sync_all_partners(store::Store& store, audit::AuditLog& audit,
                                      const std::string& home_agency,
                                      std::chrono::milliseconds timeout,
                                      const std::function<bool(const store::Partner&)>& due = {});

class SyncLoop {
public:
  SyncLoop(store::Store& store, audit::AuditLog& audit, std::string home_agency,
           std::chrono::milliseconds interval, std::function<void()> objects_added);
  ~SyncLoop();
  void start();
  void stop();

private:
  void sync_once();

  store::Store& store_;
  audit::AuditLog& audit_;
  std::string home_agency_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds max_backoff_{std::chrono::minutes(10)};
  std::function<void()> objects_added_;
  std::map<std::string, std::pair<std::chrono::steady_clock::time_point, int>> backoff_;
  core::BackgroundWorker worker_; // last: stopped before the members its passes use
};

} // namespace tansiq::sync
