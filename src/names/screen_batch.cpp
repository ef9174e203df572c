// Watchlist::screen_batch: many names on several threads. screen() is const and
// thread-safe (its only shared state, the similarity table, is lock-free; each thread has
// its own scratch), so the threads need nothing but a shared cursor into the requests.
#include "names/matcher.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

namespace tansiq::names {

std::vector<Result<std::vector<Candidate>>>
Watchlist::screen_batch(std::span<const ScreenRequest> requests, unsigned threads) const {
  // Chunks small enough to balance names of very different cost, large enough that the
  // shared cursor is not contended.
  constexpr std::size_t chunk = 16;
  if (threads == 0)
    threads = std::max(1u, std::thread::hardware_concurrency());
  std::size_t chunks = (requests.size() + chunk - 1) / chunk;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, chunks)));

  std::vector<std::optional<Result<std::vector<Candidate>>>> slots(requests.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (;;) {
      std::size_t first = next.fetch_add(chunk, std::memory_order_relaxed);
      if (first >= requests.size())
        return;
      std::size_t last = std::min(first + chunk, requests.size());
      for (std::size_t k = first; k < last; ++k)
        slots[k].emplace(screen(requests[k].name, requests[k].options));
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t)
      pool.emplace_back(work);
    work(); // this thread is one of them
  }         // the jthreads join here

  std::vector<Result<std::vector<Candidate>>> out;
  out.reserve(requests.size());
  for (auto& slot : slots)
    out.push_back(std::move(*slot));
  return out;
}

} // namespace tansiq::names
