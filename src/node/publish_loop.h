// Keeps partners' publications current while a node serves: republishes at
// start and every `period` (agreements and markings lapse with time), and
// publishes what arrived whenever told so (at most once per `pause`).
#pragma once

#include "audit/audit_log.h"
#include "core/background_worker.h"
#include "node/publisher.h"
#include "store/store.h"

#include <chrono>
#include <functional>
#include <string>

namespace tansiq::node {

class PublishLoop {
public:
  using Report = std::function<void(const Result<PublishSummary>&)>;

  PublishLoop(store::Store& store, audit::AuditLog& audit, std::string home_agency,
              std::chrono::milliseconds pause, std::chrono::milliseconds period, Report report);
  ~PublishLoop();

  // Republishes now, on the calling thread, then starts the background loop.
  Result<PublishSummary> start();
  void objects_added();
  void stop();

private:
  Result<PublishSummary> publish_once();
  Result<PublishSummary> publish_arrivals();

  store::Store& store_;
  audit::AuditLog& audit_;
  std::string home_agency_;
  std::chrono::milliseconds pause_, period_;
  Report report_;
  store::MicrosSinceEpoch denials_logged_until_ = 0;
  store::MicrosSinceEpoch decided_until_ = 0; // newest version decided so far
  core::BackgroundWorker worker_;             // last: stopped before the members its passes use
};

} // namespace tansiq::node
