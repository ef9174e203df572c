#include "search/results_json.h"

#include "json/json_writer.h"

#include <cstdio>

namespace tansiq::search {

std::string results_json(const SearchResults& results, std::size_t offset) {
  std::string out;
  json::Writer w(out);
  w.begin_object();
  w.field("total_estimate", static_cast<std::int64_t>(results.total_estimate));
  w.field("offset", static_cast<std::int64_t>(offset));
  w.key("notes").begin_array();
  for (const auto& note : results.notes)
    w.string(note);
  w.end_array();
  w.key("hits").begin_array();
  std::size_t rank = offset;
  for (const auto& hit : results.hits) {
    w.begin_object();
    w.field("rank", static_cast<std::int64_t>(++rank));
    w.field("id", hit.id);
    w.field("type", hit.type);
    w.field("collection", hit.collection);
    w.field("title", hit.title);
    w.field("date", hit.date);
    w.field("lang", hit.lang);
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", hit.score);
    w.key("score").raw(score);
    w.key("snippet").begin_array();
    for (const auto& segment : hit.snippet) {
      w.begin_object();
      w.field("text", segment.text);
      w.field("highlighted", segment.highlighted);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

} // namespace tansiq::search
