// Fills a collection of a store with a synthetic holding (synthetic_objects.h)
// straight through the store interface, in batches: how the benchmarks and the
// console's large-store test get a million objects in seconds.
#pragma once

#include "core/result.h"
#include "store/store.h"
#include "synthetic_objects.h"

#include <cstdint>
#include <string>

namespace tansiq::bench {

Result<void> load_synthetic_holding(store::Store& store, const std::string& collection_id,
                                    std::uint64_t seed, std::uint64_t count,
                                    Markings markings = Markings::green);

} // namespace tansiq::bench
