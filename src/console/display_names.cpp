#include "console/display_names.h"

#include "console/object_summary.h"

namespace tansiq::console {

const std::string& DisplayNames::operator()(const std::string& id) {
  auto [entry, inserted] = names_.try_emplace(id);
  if (inserted)
    if (auto found = store_.find_latest(id); found && found->has_value())
      if (auto summary = summarise_object(parser_, (*found)->json))
        entry->second = summary->display_name;
  return entry->second;
}

} // namespace tansiq::console
