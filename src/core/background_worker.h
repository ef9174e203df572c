// One background thread that runs a pass of work when woken and at least
// every `period`, until stopped. Each loop of a serving node (publishing to
// partners, syncing with them, indexing for search) is one of these with its
// own pass; the thread, the wake-up and the clean stop live here once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace tansiq::core {

class BackgroundWorker {
public:
  struct Schedule {
    std::chrono::milliseconds period; // a pass at least this often
    bool first_pass_at_start = false; // a pass as soon as the thread starts
    // A wait after each pass, so that a burst of wake-ups costs one pass.
    std::chrono::milliseconds pause_after_pass{0};
    // The thread's nice value on Linux (0: the serving threads' priority).
    int nice = 0;
  };
  // `woken`: the pass runs because wake() was called, not because the
  // period passed.
  using Pass = std::function<void(bool woken)>;

  BackgroundWorker() = default;
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;
  ~BackgroundWorker() { stop(); }

  void start(Schedule schedule, Pass pass);
  // Asks for a pass soon; wake-ups during a pass give one more pass after it.
  void wake();
  // Waits for the pass under way, if any; a pause or wait is cut short.
  void stop();

private:
  void run(Schedule schedule);

  Pass pass_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false, stopping_ = false;
  std::thread thread_;
};

} // namespace tansiq::core
