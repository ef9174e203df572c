// Imports the objects of one STIX bundle into a collection: validated objects
// are stored (in batches, each durable), invalid ones reported with reasons.
#pragma once

#include "core/result.h"
#include "stix/bundle_reader.h"
#include "store/store.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace tansiq::node {

struct ImportSummary {
  std::size_t added = 0;
  std::size_t duplicates = 0;
  std::vector<stix::RejectedObject> rejected;
  std::size_t warnings = 0;
};

// Called after each stored batch with (objects done, objects total).
using ImportProgress = std::function<void(std::size_t, std::size_t)>;

// Fails as a whole only when the bytes are not a bundle or the store fails.
Result<ImportSummary> import_bundle(store::Store& store, const std::string& collection_id,
                                    std::string_view bytes, const ImportProgress& progress = {});

// LSH keys (store::NewObject::similarity_keys) to store with one object of a bundle.
struct ObjectSimilarityKeys {
  std::string_view object_id;
  std::span<const std::uint64_t> keys;
};

// The same for a bundle already read (stix::read_bundle): for callers that look at the
// validation before storing (article intake), so that the bundle is not read twice. `keys`
// are written in the transaction that stores their object.
Result<ImportSummary> import_parsed_bundle(store::Store& store, const std::string& collection_id,
                                           stix::ParsedBundle parsed,
                                           const ImportProgress& progress = {},
                                           ObjectSimilarityKeys keys = {});

} // namespace tansiq::node
