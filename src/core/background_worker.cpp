#include "core/background_worker.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tansiq::core {

void BackgroundWorker::start(Schedule schedule, Pass pass) {
  pass_ = std::move(pass);
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    woken_ = false;
  }
  thread_ = std::thread([this, schedule] { run(schedule); });
}

void BackgroundWorker::wake() {
  std::lock_guard lock(mutex_);
  woken_ = true;
  changed_.notify_one();
}

void BackgroundWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_one();
  }
  if (thread_.joinable())
    thread_.join();
}

void BackgroundWorker::run(Schedule schedule) {
  // On Linux a thread has its own nice value: background work then yields
  // the cores to the threads answering requests.
  if (schedule.nice != 0)
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), schedule.nice);
  std::unique_lock lock(mutex_);
  bool due = schedule.first_pass_at_start;
  while (true) {
    if (!due)
      changed_.wait_for(lock, schedule.period, [this] { return woken_ || stopping_; });
    if (stopping_)
      break;
    bool woken = woken_;
    woken_ = false;
    due = false;
    lock.unlock();
    pass_(woken);
    lock.lock();
    if (schedule.pause_after_pass.count() > 0)
      changed_.wait_for(lock, schedule.pause_after_pass, [this] { return stopping_; });
  }
}

} // namespace tansiq::core
