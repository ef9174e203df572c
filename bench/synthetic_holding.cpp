#include "synthetic_holding.h"
#include "stix/timestamp.h"
#include "synthetic_objects.h"

#include <algorithm>
#include <vector>

namespace tansiq::bench {

Result<void> load_synthetic_holding(store::Store& store, const std::string& collection_id,
                                    std::uint64_t seed, std::uint64_t count, Markings markings) {
  constexpr std::uint64_t kBatch = 10000;
  std::vector<SyntheticObject> batch;
  std::vector<store::NewObject> objects;
  for (std::uint64_t start = 0; start < count; start += kBatch) {
    batch.clear();
    objects.clear();
    for (std::uint64_t n = start; n < std::min(count, start + kBatch); ++n)
      batch.push_back(synthetic_object(seed, n, markings));
    for (const auto& object : batch)
      objects.push_back(store::NewObject{object.id, object.type, "2.1", object.modified,
                                         *stix::parse_timestamp(object.modified), object.json,
                                         object.tlp});
    auto added = store.add_objects(collection_id, objects);
    if (!added)
      return added.error();
  }
  return {};
}

} // namespace tansiq::bench
