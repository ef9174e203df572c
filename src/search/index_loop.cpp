#include "search/index_loop.h"

#include "search/catch_up.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tansiq::search {

IndexLoop::IndexLoop(store::Store& store, std::string index_directory,
                     std::chrono::milliseconds interval, std::function<void(const Error&)> on_error)
    : store_(store), index_directory_(std::move(index_directory)), interval_(interval),
      on_error_(std::move(on_error)) {}

IndexLoop::~IndexLoop() {
  stop();
}

void IndexLoop::start() {
  thread_ = std::thread([this] { run(); });
}

void IndexLoop::objects_added() {
  std::lock_guard lock(mutex_);
  pending_ = true;
  wake_.notify_one();
}

void IndexLoop::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable())
    thread_.join();
}

void IndexLoop::run() {
  // Indexing is catch-up work: on Linux a thread has its own nice value, and
  // this one yields the cores to the threads answering requests (a first
  // catch-up of a million objects otherwise halved TAXII's scan rate).
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kIndexingNice);
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    pending_ = false;
    lock.unlock();
    auto caught_up = catch_up(store_, index_directory_);
    // Another process (tansiq ingest, import) holding the writer is not a failure.
    if (!caught_up && caught_up.error().kind != Error::Kind::unavailable && on_error_)
      on_error_(caught_up.error());
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_ || pending_; });
  }
}

} // namespace tansiq::search
