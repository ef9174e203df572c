// Keeping the search index current with the store: every collection is read in date_added
// order from the cursor kept in the index, and each page's documents are committed together
// with the cursor that follows them, so that an interrupted catch-up neither loses nor indexes
// twice. Only the newest version of each object is indexed.
#pragma once

#include "core/result.h"
#include "store/store.h"

#include <cstddef>
#include <string>

namespace tansiq::search {

// Indexes what the store added since the last run; returns how many object versions were
// read. unavailable when another process is writing the index (it will catch up itself).
Result<std::size_t> catch_up(store::Store& store, const std::string& index_directory);

// After a delete in the store (TAXII DELETE): re-indexes the object's newest remaining version
// in that collection, or removes its document when none is left. catch_up() cannot see deletes.
Result<void> refresh_object(store::Store& store, const std::string& index_directory,
                            const std::string& collection_id, const std::string& object_id);

} // namespace tansiq::search
