// GET /api/v1/locations: the location objects this account may read (newest
// versions), with what the map needs: coordinates when given, else the
// country (or region) to shade.
#include "console/console_api.h"
#include "console/console_response.h"
#include "json/json_writer.h"

#include <simdjson.h>

namespace tansiq::console {
namespace {

constexpr size_t kMaxLocations = 5000;

} // namespace

taxii::Response ConsoleApi::locations(Call& call) {
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());
  std::string body;
  json::Writer writer(body);
  writer.begin_object().key("locations").begin_array();
  size_t count = 0;
  bool truncated = false;
  simdjson::dom::parser parser;
  for (const auto& collection : *collections) {
    store::ObjectQuery query;
    query.types = {"location"};
    query.limit = 1000;
    for (;;) {
      auto page = store_.query_objects(collection.id, query);
      if (!page)
        return console_error(page.error());
      for (const auto& object : page->objects) {
        if (count == kMaxLocations) {
          truncated = true;
          break;
        }
        simdjson::dom::element element;
        if (parser.parse(object.json).get(element) != simdjson::SUCCESS)
          continue;
        ++count;
        writer.begin_object().field("id", object.id);
        for (const char* key : {"name", "country", "region", "city", "administrative_area"}) {
          std::string_view value;
          if (element[key].get_string().get(value) == simdjson::SUCCESS)
            writer.field(key, value);
        }
        double latitude = 0, longitude = 0;
        if (element["latitude"].get_double().get(latitude) == simdjson::SUCCESS &&
            element["longitude"].get_double().get(longitude) == simdjson::SUCCESS) {
          // json::Writer takes integers; coordinates go out as their text.
          writer.key("latitude").raw(std::to_string(latitude));
          writer.key("longitude").raw(std::to_string(longitude));
        }
        writer.end_object();
      }
      if (truncated || !page->more)
        break;
      query.after_cursor = page->next_cursor;
    }
    if (truncated)
      break;
  }
  writer.end_array().field("truncated", truncated).end_object();
  return json_response(200, std::move(body));
}

} // namespace tansiq::console
