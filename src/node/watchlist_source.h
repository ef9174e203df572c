// The node's own watchlist: every person identity (identity_class
// "individual") and threat actor it holds, with all their known names
// ("name", "aliases", "x_tansiq_names"), newest versions, across collections.
#pragma once

#include "core/result.h"
#include "names/matcher.h"
#include "store/store.h"

namespace tansiq::node {

struct NodeWatchlist {
  names::Watchlist watchlist;
  std::size_t entries = 0;
};

Result<NodeWatchlist> load_watchlist(store::Store& store);

} // namespace tansiq::node
