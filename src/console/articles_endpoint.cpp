// POST /api/v1/articles: a press article (plain text or HTML, UTF-8 or windows-1256, as the
// request body) becomes a STIX report in a collection the caller may write,
// as `tansiq ingest` does it; the answer says what was found.
#include "console/console_api.h"
#include "console/console_response.h"
#include "node/article_intake.h"
#include "stix/tlp.h"
#include "taxii/query_string.h"
#include "json/json_writer.h"

#include <cstdio>

namespace tansiq::console {

taxii::Response ConsoleApi::post_article(Call& call) {
  auto parameters = taxii::parse_query(call.query);
  if (!parameters)
    return console_error(400, "Bad request", "malformed percent-escape in the query string");
  node::IntakeOptions options;
  std::string collection_id = settings_.default_collection;
  for (const auto& [key, value] : *parameters) {
    if (key == "collection") {
      collection_id = value;
    } else if (key == "source_url") {
      options.source_url = value;
    } else if (key == "lang") {
      if (value != "ar" && value != "fr" && value != "en")
        return console_error(400, "Bad request",
                             "query parameter lang: \"" + value + "\" is not ar, fr or en");
      options.lang = value;
    } else if (key == "tlp") {
      auto tlp = stix::parse_tlp_name(value);
      if (!tlp)
        return console_error(400, "Bad request",
                             "query parameter tlp: \"" + value +
                                 "\" is not clear, green, amber, amber+strict or red");
      options.tlp = *tlp;
    } else if (key == "encoding") {
      auto encoding = text::parse_encoding(value);
      if (!encoding)
        return console_error(400, "Bad request",
                             "query parameter encoding: \"" + value +
                                 "\" is not utf-8 or windows-1256");
      options.encoding = *encoding;
    } else {
      return console_error(400, "Bad request",
                           "query parameter " + key +
                               ": not known here (collection, source_url, lang, tlp, encoding)");
    }
  }
  if (collection_id.empty())
    return console_error(400, "Bad request", "query parameter collection: say where to store it");
  if (call.user.role != store::Role::admin) {
    auto access = store_.access(call.user.name, collection_id);
    if (!access)
      return console_error(access.error());
    if (!access->write)
      return console_error(403, "Forbidden",
                           "this account may not add objects to collection " + collection_id);
  }
  auto collection = store_.find_collection(collection_id);
  if (!collection)
    return console_error(collection.error());
  if (!collection->has_value())
    return console_error(404, "Not found", "no collection \"" + collection_id + "\"");

  auto result = node::ingest_article(store_, collection_id, call.request.body,
                                     node::shipped_knowledge_base(), options);
  if (!result)
    return console_error(result.error());
  if (settings_.on_objects_added && result->import.added > 0)
    settings_.on_objects_added();
  const auto& article = result->article;
  std::string body;
  json::Writer writer(body);
  writer.begin_object()
      .field("report_id", article.report_id)
      .field("headline", article.headline)
      .field("published", article.published)
      .field("published_estimated", article.published_estimated)
      .field("already_stored", result->already_stored)
      .field("added", static_cast<std::int64_t>(result->import.added))
      .field("duplicates", static_cast<std::int64_t>(result->import.duplicates))
      .field("charset", article.charset);
  if (!result->near_duplicate_of.empty()) {
    char similarity[16];
    std::snprintf(similarity, sizeof similarity, "%.3f", result->similarity);
    writer.key("near_duplicate_of")
        .begin_object()
        .field("report_id", result->near_duplicate_of)
        .key("similarity")
        .raw(similarity)
        .field("source_added", result->source_added)
        .end_object();
  }
  writer.key("found")
      .begin_object()
      .field("persons", static_cast<std::int64_t>(article.counts.persons))
      .field("organisations", static_cast<std::int64_t>(article.counts.organisations))
      .field("groups", static_cast<std::int64_t>(article.counts.groups))
      .field("places", static_cast<std::int64_t>(article.counts.places))
      .field("dates", static_cast<std::int64_t>(article.counts.dates))
      .field("figures", static_cast<std::int64_t>(article.counts.figures))
      .end_object();
  writer.key("warnings").begin_array();
  for (const auto& warning : article.warnings)
    writer.string(warning);
  writer.end_array().end_object();
  // 201 only when a new report was stored; a link to an existing one is 200.
  const bool created = !result->already_stored && result->near_duplicate_of.empty();
  return json_response(created ? 201 : 200, std::move(body));
}

} // namespace tansiq::console
