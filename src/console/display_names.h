// The display names of objects named by id (agencies, agreements), looked up
// in the store once per request: the console shows names, not ids.
#pragma once

#include "store/store.h"

#include <simdjson.h>
#include <string>
#include <unordered_map>

namespace tansiq::console {

class DisplayNames {
public:
  explicit DisplayNames(store::Store& store) : store_(store) {}
  // The object's display name (object_summary.h), empty when the store does not hold it.
  const std::string& operator()(const std::string& id);

private:
  store::Store& store_;
  simdjson::dom::parser parser_;
  std::unordered_map<std::string, std::string> names_;
};

} // namespace tansiq::console
