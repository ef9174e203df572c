// Keeps a serving node's search index current: catch_up() on a background
// thread when told objects arrived (TAXII POST, pulls), and every `interval`
// in any case. A catch-up that finds another process writing the index is
// simply tried again next time. The thread runs at a lower priority than
// the server's.
#pragma once

#include "core/background_worker.h"
#include "store/store.h"

#include <chrono>
#include <functional>
#include <string>

namespace tansiq::search {

class IndexLoop {
public:
  // The indexing thread's nice value (0 is the serving threads').
  static constexpr int kIndexingNice = 10;

  IndexLoop(store::Store& store, std::string index_directory, std::chrono::milliseconds interval,
            std::function<void(const Error&)> on_error);
  ~IndexLoop();
  void start();
  void objects_added();
  void stop();

private:
  store::Store& store_;
  std::string index_directory_;
  std::chrono::milliseconds interval_;
  std::function<void(const Error&)> on_error_;
  core::BackgroundWorker worker_; // last: stopped before the members its passes use
};

} // namespace tansiq::search
