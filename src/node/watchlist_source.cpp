#include "node/watchlist_source.h"

#include <simdjson.h>

namespace tansiq::node {
namespace {

void add_strings(simdjson::dom::element object, std::string_view key,
                 std::vector<std::string>& out) {
  simdjson::dom::array array;
  if (object[key].get_array().get(array))
    return;
  for (auto item : array) {
    std::string_view text;
    if (!item.get_string().get(text))
      out.emplace_back(text);
  }
}

} // namespace

Result<NodeWatchlist> load_watchlist(store::Store& store) {
  NodeWatchlist result;
  simdjson::dom::parser parser;
  for (const char* type : {"identity", "threat-actor"}) {
    auto objects = store.latest_of_type(type);
    if (!objects)
      return objects.error();
    for (const auto& object : *objects) {
      simdjson::dom::element element;
      if (parser.parse(object.json).get(element))
        continue;
      std::string_view identity_class;
      if (std::string_view(type) == "identity" &&
          (element["identity_class"].get_string().get(identity_class) ||
           identity_class != "individual"))
        continue;
      names::WatchlistEntry entry;
      entry.id = object.id;
      std::string_view name;
      if (!element["name"].get_string().get(name))
        entry.names.emplace_back(name);
      add_strings(element, "aliases", entry.names);
      add_strings(element, "x_tansiq_names", entry.names);
      std::string_view text;
      if (!element["x_tansiq_birth_date"].get_string().get(text))
        entry.birth_date = std::string(text);
      if (!element["x_tansiq_nationality"].get_string().get(text))
        entry.nationality = std::string(text);
      if (result.watchlist.add(entry))
        ++result.entries; // an entry without one usable name is left out
    }
  }
  result.watchlist.build();
  return result;
}

} // namespace tansiq::node
