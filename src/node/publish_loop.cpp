#include "node/publish_loop.h"

#include <algorithm>

namespace tansiq::node {

PublishLoop::PublishLoop(store::Store& store, audit::AuditLog& audit, std::string home_agency,
                         std::chrono::milliseconds pause, std::chrono::milliseconds period,
                         Report report)
    : store_(store), audit_(audit), home_agency_(std::move(home_agency)), pause_(pause),
      period_(period), report_(std::move(report)) {}

PublishLoop::~PublishLoop() {
  stop();
}

Result<PublishSummary> PublishLoop::publish_once() {
  auto summary = republish(store_, audit_, home_agency_, "publisher", denials_logged_until_);
  if (summary && summary->newest_version > denials_logged_until_)
    denials_logged_until_ = summary->newest_version;
  if (summary && summary->newest_version > decided_until_)
    decided_until_ = summary->newest_version;
  return summary;
}

Result<PublishSummary> PublishLoop::publish_arrivals() {
  auto summary = publish_new(store_, audit_, home_agency_, "publisher", decided_until_);
  if (summary) {
    decided_until_ = std::max(decided_until_, summary->newest_version);
    denials_logged_until_ = std::max(denials_logged_until_, summary->newest_version);
  }
  return summary;
}

Result<PublishSummary> PublishLoop::start() {
  // Versions already held when the node starts had their denials logged when
  // they were first decided; only newer ones are logged from here on.
  auto last = store_.last_audit();
  if (last && last->has_value())
    denials_logged_until_ = (*last)->time;
  auto first = publish_once();
  if (first && decided_until_ == 0)
    decided_until_ = stix::now_micros(); // nothing decided (no partner yet): arrivals start now
  // Arrivals wake the loop; the pause makes a burst of POSTs cost one publication.
  worker_.start({.period = period_, .pause_after_pass = pause_}, [this](bool arrivals) {
    auto summary = arrivals ? publish_arrivals() : publish_once();
    if (report_)
      report_(summary);
  });
  return first;
}

void PublishLoop::objects_added() {
  worker_.wake();
}

void PublishLoop::stop() {
  worker_.stop();
}

} // namespace tansiq::node
