// GET /api/v1/search?q=...: the node's full-text index (src/search), limited
// to the collections the caller may read, as search::results_json gives it.
#include "console/console_api.h"
#include "console/console_response.h"
#include "console/query_parameter.h"
#include "search/results_json.h"
#include "search/search_index.h"
#include "taxii/query_string.h"

#include <algorithm>

namespace tansiq::console {
namespace {

constexpr std::size_t kMaxResults = 100;

} // namespace

taxii::Response ConsoleApi::search(Call& call) {
  auto parameters = taxii::parse_query(call.query);
  if (!parameters)
    return console_error(400, "Bad request", "malformed percent-escape in the query string");
  search::SearchQuery query;
  std::vector<std::string> wanted_collections;
  for (const auto& [key, value] : *parameters) {
    if (key == "q") {
      query.text = value;
    } else if (key == "type") {
      auto types = taxii::split_list(value);
      query.types.insert(query.types.end(), types.begin(), types.end());
    } else if (key == "collection") {
      wanted_collections.push_back(value);
    } else if (key == "entity") {
      query.entity = value;
    } else if (key == "from") {
      query.from = value;
    } else if (key == "to") {
      query.to = value;
    } else if (key == "offset" || key == "limit") {
      auto number = parse_whole_number(key, value);
      if (!number)
        return console_error(number.error());
      if (key == "offset")
        query.offset = *number;
      else
        query.limit = std::clamp<std::size_t>(*number, 1, kMaxResults);
    } else {
      return console_error(400, "Bad request",
                           "query parameter " + key +
                               ": not known here (q, type, collection, entity, from, to, offset, "
                               "limit)");
    }
  }
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());
  for (const auto& collection : *collections)
    if (wanted_collections.empty() ||
        std::find(wanted_collections.begin(), wanted_collections.end(), collection.id) !=
            wanted_collections.end())
      query.collections.push_back(collection.id);
  if (settings_.search_directory.empty())
    return console_error(404, "Not found", "this node keeps no search index");
  auto index =
      search::SearchIndex::open(settings_.search_directory, search::SearchIndex::Mode::read);
  if (!index) {
    if (index.error().kind == Error::Kind::not_found) // nothing indexed yet
      return json_response(
          200,
          search::results_json(search::SearchResults{{}, 0, {"the search index is being built"}},
                               query.offset));
    return console_error(index.error());
  }
  auto results = index->search(query);
  if (!results)
    return console_error(results.error());
  return json_response(200, search::results_json(*results, query.offset));
}

} // namespace tansiq::console
