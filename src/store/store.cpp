#include "store/store.h"

namespace tansiq::store {

Result<size_t> Store::count_objects(std::string_view collection_id) {
  auto counts = count_types(collection_id);
  if (!counts)
    return counts.error();
  size_t total = 0;
  for (const auto& count : *counts)
    total += count.count;
  return total;
}

} // namespace tansiq::store
