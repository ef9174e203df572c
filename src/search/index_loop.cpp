#include "search/index_loop.h"

#include "search/catch_up.h"

namespace tansiq::search {

IndexLoop::IndexLoop(store::Store& store, std::string index_directory,
                     std::chrono::milliseconds interval, std::function<void(const Error&)> on_error)
    : store_(store), index_directory_(std::move(index_directory)), interval_(interval),
      on_error_(std::move(on_error)) {}

IndexLoop::~IndexLoop() {
  stop();
}

void IndexLoop::start() {
  // Indexing is catch-up work at a lower priority: a first catch-up of a
  // million objects otherwise halved TAXII's scan rate. Once at start, then
  // when objects arrive and every interval.
  worker_.start({.period = interval_, .first_pass_at_start = true, .nice = kIndexingNice},
                [this](bool) {
                  auto caught_up = catch_up(store_, index_directory_);
                  // Another process (tansiq ingest, import) holding the writer is not a failure.
                  if (!caught_up && caught_up.error().kind != Error::Kind::unavailable && on_error_)
                    on_error_(caught_up.error());
                });
}

void IndexLoop::objects_added() {
  worker_.wake();
}

void IndexLoop::stop() {
  worker_.stop();
}

} // namespace tansiq::search
