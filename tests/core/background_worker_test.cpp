// The background worker's schedule: a first pass when asked, a pass per
// wake-up (a burst during a pass gives one more, not one each), passes every
// period, and a stop that cuts a wait short. Waits are bounded conditions,
// never timing assertions.
#include "core/background_worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <vector>

using namespace std::chrono_literals;
using tansiq::core::BackgroundWorker;

namespace {

// Passes seen by a worker, with a way to wait for the next one.
class Passes {
public:
  void record(bool woken) {
    std::lock_guard lock(mutex_);
    woken_.push_back(woken);
    changed_.notify_all();
  }
  // Waits (at most 10 s) until at least `count` passes have run.
  bool wait_for(size_t count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 10s, [&] { return woken_.size() >= count; });
  }
  std::vector<bool> seen() {
    std::lock_guard lock(mutex_);
    return woken_;
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<bool> woken_;
};

} // namespace

TEST(BackgroundWorker, RunsAFirstPassAtStartOnlyWhenAsked) {
  Passes passes;
  BackgroundWorker eager;
  eager.start({.period = 1h, .first_pass_at_start = true},
              [&](bool woken) { passes.record(woken); });
  ASSERT_TRUE(passes.wait_for(1));
  eager.stop();
  EXPECT_EQ(passes.seen(), std::vector<bool>{false});

  Passes none;
  BackgroundWorker lazy;
  lazy.start({.period = 1h}, [&](bool woken) { none.record(woken); });
  lazy.stop();
  EXPECT_TRUE(none.seen().empty());
}

TEST(BackgroundWorker, AWakeUpGivesAPassThatKnowsItWasWoken) {
  Passes passes;
  BackgroundWorker worker;
  worker.start({.period = 1h}, [&](bool woken) { passes.record(woken); });
  worker.wake();
  ASSERT_TRUE(passes.wait_for(1));
  worker.stop();
  EXPECT_EQ(passes.seen(), std::vector<bool>{true});
}

TEST(BackgroundWorker, WakeUpsDuringAPassGiveOneMorePass) {
  Passes passes;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started = 0;
  BackgroundWorker worker;
  worker.start({.period = 1h}, [&](bool woken) {
    if (started++ == 0)
      released.wait(); // the first pass is held while wake-ups pile up
    passes.record(woken);
  });
  worker.wake();
  while (started == 0)
    std::this_thread::yield();
  for (int i = 0; i < 5; ++i)
    worker.wake();
  release.set_value();
  ASSERT_TRUE(passes.wait_for(2));
  worker.stop();
  EXPECT_EQ(passes.seen(), (std::vector<bool>{true, true}));
}

TEST(BackgroundWorker, RunsEveryPeriodWithoutBeingWoken) {
  Passes passes;
  BackgroundWorker worker;
  worker.start({.period = 5ms}, [&](bool woken) { passes.record(woken); });
  ASSERT_TRUE(passes.wait_for(3));
  worker.stop();
  for (bool woken : passes.seen())
    EXPECT_FALSE(woken);
}

TEST(BackgroundWorker, StopCutsAPauseShortAndIsIdempotent) {
  Passes passes;
  BackgroundWorker worker;
  worker.start({.period = 1h, .first_pass_at_start = true, .pause_after_pass = 1h},
               [&](bool woken) { passes.record(woken); });
  ASSERT_TRUE(passes.wait_for(1));
  auto stopped = std::async(std::launch::async, [&] { worker.stop(); });
  EXPECT_EQ(stopped.wait_for(10s), std::future_status::ready);
  worker.stop();
  EXPECT_EQ(passes.seen().size(), 1u);
}
