#include "node/watchlist_csv.h"
#include "node/article_intake.h"
#include "stix/tlp.h"

#include "names/matcher.h"
#include "node/csv_reader.h"
#include "node/list_date.h"
#include "stix/bundle_reader.h"
#include "stix/timestamp.h"
#include "store/new_object_from_parsed.h"
#include "json/json_writer.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace tansiq::node {
namespace {

enum class Column { reference, name, aliases, alias, birth_date, nationality, kind, list };

constexpr std::array<std::pair<std::string_view, Column>, 8> kColumns = {{
    {"reference", Column::reference},
    {"name", Column::name},
    {"aliases", Column::aliases},
    {"alias", Column::alias},
    {"birth_date", Column::birth_date},
    {"nationality", Column::nationality},
    {"kind", Column::kind},
    {"list", Column::list},
}};

struct Row {
  std::size_t line = 0;
  std::string list, reference, name;
  std::vector<std::string> aliases;
  std::string birth_date, nationality;
  bool threat_actor = false;
  std::string id; // the STIX id
};

Error row_error(std::size_t line, std::size_t column, std::string_view header, std::string why) {
  return make_error(Error::Kind::invalid_input,
                    "line " + std::to_string(line) + ", column " + std::to_string(column) + " (" +
                        std::string(header) + "): " + why + "; nothing imported");
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// The header: which column is which; an unknown, repeated or missing column is an error.
Result<std::vector<Column>> read_header(const CsvRecord& header) {
  std::vector<Column> columns;
  for (std::size_t k = 0; k < header.fields.size(); ++k) {
    std::string name = csv_key(header.fields[k]);
    auto known = std::find_if(kColumns.begin(), kColumns.end(),
                              [&](const auto& column) { return column.first == name; });
    if (known == kColumns.end())
      return row_error(header.line, k + 1, name,
                       "unknown column; the columns are reference, name, aliases (or alias, "
                       "repeated), birth_date, nationality, kind, list");
    if (known->second != Column::alias &&
        std::find(columns.begin(), columns.end(), known->second) != columns.end())
      return row_error(header.line, k + 1, name, "this column appears twice");
    columns.push_back(known->second);
  }
  for (Column required : {Column::reference, Column::name})
    if (std::find(columns.begin(), columns.end(), required) == columns.end())
      return make_error(Error::Kind::invalid_input,
                        std::string("line ") + std::to_string(header.line) + ": no \"" +
                            (required == Column::name ? "name" : "reference") +
                            "\" column in the header; nothing imported");
  return columns;
}

Result<Row> read_row(const CsvRecord& record, const std::vector<Column>& columns,
                     const std::vector<std::string>& headers, const WatchlistCsvOptions& options) {
  if (record.fields.size() != columns.size())
    return make_error(Error::Kind::invalid_input,
                      "line " + std::to_string(record.line) + ": " +
                          std::to_string(record.fields.size()) + " field(s), the header has " +
                          std::to_string(columns.size()) + "; nothing imported");
  Row row;
  row.line = record.line;
  row.list = options.list_id;
  auto add_name = [&](std::string name, std::size_t k) -> Result<void> {
    if (name.empty())
      return {};
    if (auto usable = names::check_name(name); !usable)
      return row_error(record.line, k + 1, headers[k],
                       "\"" + name + "\" is not a usable name: " + usable.error().message);
    if (name != row.name &&
        std::find(row.aliases.begin(), row.aliases.end(), name) == row.aliases.end())
      row.aliases.push_back(std::move(name));
    return {};
  };
  // The name first, so that an alias repeating it is left out.
  for (std::size_t k = 0; k < columns.size(); ++k)
    if (columns[k] == Column::name) {
      row.name = trim_field(record.fields[k]);
      if (row.name.empty())
        return row_error(record.line, k + 1, headers[k], "the name is empty");
      if (auto usable = names::check_name(row.name); !usable)
        return row_error(record.line, k + 1, headers[k],
                         "\"" + row.name + "\" is not a usable name: " + usable.error().message);
    }
  for (std::size_t k = 0; k < columns.size(); ++k) {
    std::string value = trim_field(record.fields[k]);
    switch (columns[k]) {
    case Column::name:
      break;
    case Column::reference:
      if (value.empty())
        return row_error(record.line, k + 1, headers[k], "the reference is empty");
      if (value.size() > 256)
        return row_error(record.line, k + 1, headers[k], "the reference is over 256 bytes");
      if (has_control(value)) // the id is made of list + '\n' + reference
        return row_error(record.line, k + 1, headers[k],
                         "the reference holds a line break or another control character");
      row.reference = value;
      break;
    case Column::aliases:
    case Column::alias: {
      // "aliases" holds several names separated by ';'; "alias" one name.
      std::size_t start = 0;
      do {
        std::size_t end = columns[k] == Column::aliases ? value.find(';', start) : value.npos;
        if (auto added =
                add_name(trim_field(std::string_view(value).substr(start, end - start)), k);
            !added)
          return added.error();
        start = end == value.npos ? value.npos : end + 1;
      } while (start != value.npos);
      break;
    }
    case Column::birth_date:
      if (!value.empty() && !is_list_date(value))
        return row_error(record.line, k + 1, headers[k],
                         "\"" + value + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      row.birth_date = value;
      break;
    case Column::nationality:
      if (!value.empty() &&
          (value.size() != 2 || !std::all_of(value.begin(), value.end(), [](char c) {
             return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
           })))
        return row_error(record.line, k + 1, headers[k],
                         "\"" + value + "\" is not an ISO 3166-1 alpha-2 country code (e.g. MA)");
      for (char& c : value)
        if (c >= 'a' && c <= 'z')
          c = static_cast<char>(c - 'a' + 'A');
      row.nationality = value;
      break;
    case Column::kind: {
      std::string kind = csv_key(value);
      if (kind == "threat-actor")
        row.threat_actor = true;
      else if (!kind.empty() && kind != "individual")
        return row_error(record.line, k + 1, headers[k],
                         "\"" + value + "\" is not a kind (individual or threat-actor)");
      break;
    }
    case Column::list:
      if (has_control(value))
        return row_error(record.line, k + 1, headers[k],
                         "the list id holds a line break or another control character");
      if (!value.empty())
        row.list = value;
      break;
    }
  }
  if (row.list.empty()) {
    auto column = std::find(columns.begin(), columns.end(), Column::list);
    if (column == columns.end())
      return make_error(Error::Kind::invalid_input,
                        "line " + std::to_string(record.line) +
                            ": no list id (give one for the whole file, or a \"list\" column); "
                            "nothing imported");
    auto k = static_cast<std::size_t>(column - columns.begin());
    return row_error(record.line, k + 1, headers[k],
                     "empty, and no list id was given for the whole file");
  }
  row.id = std::string(row.threat_actor ? "threat-actor--" : "identity--") +
           deterministic_uuid("watchlist\n" + row.list + "\n" + row.reference);
  return row;
}

// The object for `row`, created and modified at the given instants. The same row gives the
// same bytes, so an unchanged entry can be recognised.
std::string build_object(const Row& row, std::string_view created, std::string_view modified,
                         std::string_view marking) {
  std::string json;
  json::Writer w(json);
  w.begin_object();
  w.field("type", row.threat_actor ? "threat-actor" : "identity").field("spec_version", "2.1");
  w.field("id", row.id).field("created", created).field("modified", modified);
  w.field("name", row.name);
  if (!row.threat_actor)
    w.field("identity_class", "individual");
  if (!row.aliases.empty()) {
    // STIX gives threat actors aliases; identities have none, so Tansiq's own property.
    w.key(row.threat_actor ? "aliases" : "x_tansiq_names").begin_array();
    for (const auto& alias : row.aliases)
      w.string(alias);
    w.end_array();
  }
  if (!row.birth_date.empty())
    w.field("x_tansiq_birth_date", row.birth_date);
  if (!row.nationality.empty())
    w.field("x_tansiq_nationality", row.nationality);
  w.key("external_references").begin_array().begin_object();
  w.field("source_name", row.list).field("external_id", row.reference);
  w.end_object().end_array();
  w.key("object_marking_refs").begin_array().string(marking).end_array();
  w.end_object();
  return json;
}

} // namespace

Result<WatchlistCsvSummary> import_watchlist_csv(store::Store& store,
                                                 const std::string& collection_id,
                                                 std::string_view csv,
                                                 const WatchlistCsvOptions& options) {
  if (has_control(options.list_id))
    return make_error(Error::Kind::invalid_input,
                      "the list id holds a line break or another control character");
  auto records = read_csv(csv);
  if (!records)
    return make_error(Error::Kind::invalid_input, records.error().message + "; nothing imported");
  if (records->empty())
    return make_error(Error::Kind::invalid_input, "empty file: no header; nothing imported");
  auto columns = read_header(records->front());
  if (!columns)
    return columns.error();
  std::vector<std::string> headers;
  for (const auto& field : records->front().fields)
    headers.push_back(csv_key(field));

  std::vector<Row> rows;
  std::map<std::pair<std::string, std::string>, std::size_t> seen; // (list, reference) -> line
  WatchlistCsvSummary summary;
  for (std::size_t r = 1; r < records->size(); ++r) {
    // Spreadsheets save rows of empty cells (",,,,") below the list: not entries.
    const auto& fields = (*records)[r].fields;
    if (std::all_of(fields.begin(), fields.end(),
                    [](const std::string& field) { return trim_field(field).empty(); }))
      continue;
    auto row = read_row((*records)[r], *columns, headers, options);
    if (!row)
      return row.error();
    auto [it, inserted] = seen.try_emplace({row->list, row->reference}, row->line);
    if (!inserted) {
      auto k = static_cast<std::size_t>(
          std::find(columns->begin(), columns->end(), Column::reference) - columns->begin());
      return row_error(row->line, k + 1, headers[k],
                       "reference \"" + row->reference + "\" of list \"" + row->list +
                           "\" is already on line " + std::to_string(it->second));
    }
    ++(row->threat_actor ? summary.threat_actors : summary.individuals);
    summary.names += 1 + row->aliases.size();
    rows.push_back(std::move(*row));
  }
  summary.rows = rows.size();
  if (rows.empty())
    return make_error(Error::Kind::invalid_input, "no rows after the header; nothing imported");

  auto collection = store.find_collection(collection_id);
  if (!collection)
    return collection.error();
  if (!*collection)
    return make_error(Error::Kind::not_found, "no such collection; nothing imported",
                      collection_id);

  // Each row's object: unchanged rows are left out, changed ones become a new version of
  // the stored object (same created, later modified).
  const std::string now =
      options.now.empty() ? stix::format_timestamp_millis(stix::now_micros()) : options.now;
  const std::string_view marking = stix::tlp_marking_id(options.tlp);
  std::string bundle;
  std::map<std::string, std::size_t> line_of; // STIX id -> CSV line
  {
    json::Writer b(bundle);
    b.begin_object().field("type", "bundle");
    b.field("id", "bundle--" + deterministic_uuid("watchlist-import\n" + now));
    b.key("objects").begin_array();
    simdjson::dom::parser parser;
    for (const auto& row : rows) {
      auto stored = store.find_latest(row.id);
      if (!stored)
        return stored.error();
      std::string created = now;
      if (*stored) {
        simdjson::dom::element element;
        std::string_view stored_created, stored_modified;
        if (parser.parse((*stored)->json).get(element) ||
            element["created"].get_string().get(stored_created) ||
            element["modified"].get_string().get(stored_modified))
          return make_error(Error::Kind::conflict,
                            "line " + std::to_string(row.line) + ": the stored object " + row.id +
                                " has no created/modified; nothing imported");
        if (build_object(row, stored_created, stored_modified, marking) == (*stored)->json) {
          ++summary.unchanged;
          continue;
        }
        if (stix::parse_timestamp(now) && stix::parse_timestamp(stored_modified) &&
            *stix::parse_timestamp(now) <= *stix::parse_timestamp(stored_modified))
          return make_error(Error::Kind::conflict,
                            "line " + std::to_string(row.line) + ": the stored version of " +
                                row.id + " (" + std::string(stored_modified) +
                                ") is not older than this import (" + now + "); nothing imported");
        created = std::string(stored_created);
        ++summary.updated;
      } else {
        ++summary.added;
      }
      b.raw(build_object(row, created, now, marking));
      line_of[row.id] = row.line;
    }
    b.end_array().end_object();
  }
  if (summary.added + summary.updated == 0)
    return summary;

  // The project's validator decides, as for any bundle; an object it rejects stops all.
  auto parsed = stix::read_bundle(bundle, stix::Container::bundle);
  if (!parsed)
    return parsed.error();
  for (const auto& rejected : parsed->rejected) {
    std::string reasons;
    for (const auto& violation : rejected.violations)
      if (violation.severity == stix::Severity::error)
        reasons += (reasons.empty() ? "" : "; ") + violation.path + ": " + violation.message;
    return make_error(Error::Kind::invalid_input,
                      "line " + std::to_string(line_of[rejected.id]) + ": the object made of " +
                          "this row is not valid STIX: " + reasons + "; nothing imported");
  }
  std::vector<store::NewObject> objects;
  objects.reserve(parsed->accepted.size());
  for (const auto& object : parsed->accepted)
    objects.push_back(store::new_object_from_parsed(object));
  // One call, one transaction: all rows or none.
  auto outcomes = store.add_objects(collection_id, objects);
  if (!outcomes)
    return outcomes.error();
  return summary;
}

} // namespace tansiq::node
