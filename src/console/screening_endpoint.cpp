// GET /api/v1/screen?name=...: screens a name in any script against the
// persons and threat actors the node holds (src/names), and answers with the
// candidates this account may read, best first, each with why it matched.
#include "console/console_api.h"
#include "console/console_response.h"
#include "console/object_summary.h"
#include "taxii/query_string.h"
#include "json/json_writer.h"

#include <charconv>
#include <cmath>

namespace tansiq::console {
namespace {

// Scores go out with two decimals: enough for people, stable for tests.
std::string two_decimals(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

} // namespace

taxii::Response ConsoleApi::screen(Call& call) {
  auto parameters = taxii::parse_query(call.query);
  if (!parameters)
    return console_error(400, "Bad request", "malformed percent-escape in the query string");
  std::string name;
  names::ScreenOptions options;
  for (const auto& [key, value] : *parameters) {
    if (key == "name") {
      name = value;
    } else if (key == "dob") {
      options.birth_date = value;
    } else if (key == "nationality") {
      options.nationality = value;
    } else if (key == "threshold") {
      double threshold = -1;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), threshold);
      if (error != std::errc() || end != value.data() + value.size() || threshold < 0 ||
          threshold > 1)
        return console_error(400, "Bad request",
                             "query parameter threshold: \"" + value +
                                 "\" is not a number between 0 and 1");
      options.threshold = threshold;
    } else {
      return console_error(400, "Bad request",
                           "query parameter " + key +
                               ": not known here (name, dob, nationality, threshold)");
    }
  }
  if (name.empty())
    return console_error(400, "Bad request", "query parameter name: give the name to screen");
  auto collections = readable_collections(call.user);
  if (!collections)
    return console_error(collections.error());
  auto watchlist = current_watchlist();
  if (!watchlist)
    return console_error(watchlist.error());
  // Ask for more than are shown: some may be in collections this account may not read.
  options.max_results = 50;
  auto candidates = (*watchlist)->watchlist.screen(name, options);
  if (!candidates)
    return console_error(candidates.error());

  std::string body;
  json::Writer writer(body);
  writer.begin_object()
      .field("name", name)
      .key("threshold")
      .raw(two_decimals(options.threshold))
      .field("entries", static_cast<std::int64_t>((*watchlist)->entries))
      .key("candidates")
      .begin_array();
  simdjson::dom::parser parser;
  size_t shown = 0;
  for (const auto& candidate : *candidates) {
    auto found = find_readable(*collections, candidate.id);
    if (!found)
      return console_error(found.error());
    if (!found->has_value())
      continue;
    auto summary = summarise_object(parser, (*found)->json);
    if (!summary)
      continue;
    writer.begin_object()
        .field("id", candidate.id)
        .field("type", summary->type)
        .field("name", summary->display_name)
        .field("tlp", summary->tlp)
        .key("score")
        .raw(two_decimals(candidate.score))
        .field("matched_name", candidate.matched_name)
        .field("summary", candidate.explanation.summary())
        .key("parts")
        .begin_array();
    for (const auto& part : candidate.explanation.parts)
      writer.begin_object()
          .field("query_part", part.query_part)
          .field("entry_part", part.entry_part)
          .key("similarity")
          .raw(two_decimals(part.similarity))
          .field("how", part.how)
          .end_object();
    writer.end_array().key("notes").begin_array();
    for (const auto& note : candidate.explanation.notes)
      writer.string(note);
    writer.end_array().end_object();
    if (++shown == 10)
      break;
  }
  writer.end_array().end_object();
  return json_response(200, std::move(body));
}

} // namespace tansiq::console
