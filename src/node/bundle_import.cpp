#include "node/bundle_import.h"
#include "store/new_object_from_parsed.h"

#include <algorithm>

namespace tansiq::node {

// Large enough that the per-transaction fsync is amortised, small enough for a
// lively progress bar.
constexpr std::size_t kBatchSize = 5000;

Result<ImportSummary> import_bundle(store::Store& store, const std::string& collection_id,
                                    std::string_view bytes, const ImportProgress& progress) {
  auto parsed = stix::read_bundle(bytes, stix::Container::bundle);
  if (!parsed)
    return parsed.error();
  return import_parsed_bundle(store, collection_id, std::move(*parsed), progress);
}

Result<ImportSummary> import_parsed_bundle(store::Store& store, const std::string& collection_id,
                                           stix::ParsedBundle parsed,
                                           const ImportProgress& progress,
                                           ObjectSimilarityKeys keys) {
  ImportSummary summary;
  summary.rejected = std::move(parsed.rejected);
  summary.warnings = parsed.warnings.size();

  const auto& accepted = parsed.accepted;
  std::vector<store::NewObject> batch;
  batch.reserve(std::min(kBatchSize, accepted.size()));
  for (std::size_t start = 0; start < accepted.size(); start += kBatchSize) {
    batch.clear();
    std::size_t end = std::min(start + kBatchSize, accepted.size());
    for (std::size_t i = start; i < end; ++i) {
      const auto& object = accepted[i];
      auto stored = store::new_object_from_parsed(object);
      if (!keys.object_id.empty() && object.id == keys.object_id)
        stored.similarity_keys = keys.keys;
      batch.push_back(stored);
    }
    auto outcomes = store.add_objects(collection_id, batch);
    if (!outcomes)
      return outcomes.error();
    for (auto outcome : *outcomes)
      ++(outcome == store::AddOutcome::added ? summary.added : summary.duplicates);
    if (progress)
      progress(end, accepted.size());
  }
  return summary;
}

} // namespace tansiq::node
