#include "node/screening_csv.h"

#include "node/csv_reader.h"
#include "node/list_date.h"

#include <algorithm>
#include <array>

namespace tansiq::node {
namespace {

enum class Column { name, birth_date, nationality };

constexpr std::array<std::pair<std::string_view, Column>, 4> kColumns = {{
    {"name", Column::name},
    {"dob", Column::birth_date},
    {"birth_date", Column::birth_date},
    {"nationality", Column::nationality},
}};

Error row_error(std::size_t line, std::string why) {
  return make_error(Error::Kind::invalid_input,
                    "line " + std::to_string(line) + ": " + why + "; nothing screened");
}

Error field_error(std::size_t line, std::size_t column, std::string_view header, std::string why) {
  return row_error(line,
                   "column " + std::to_string(column) + " (" + std::string(header) + "): " + why);
}

bool is_comment(const CsvRecord& record) {
  return !record.fields.empty() && trim_field(record.fields[0]).starts_with('#');
}

// A header is a first row one of whose fields is "name".
bool is_header(const CsvRecord& record) {
  return std::any_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& field) { return csv_key(field) == "name"; });
}

Result<std::vector<Column>> read_header(const CsvRecord& header) {
  std::vector<Column> columns;
  for (std::size_t k = 0; k < header.fields.size(); ++k) {
    std::string name = csv_key(header.fields[k]);
    auto known = std::find_if(kColumns.begin(), kColumns.end(),
                              [&](const auto& column) { return column.first == name; });
    if (known == kColumns.end())
      return field_error(header.line, k + 1, name,
                         "unknown column; the columns are name, dob (or birth_date), nationality");
    if (std::find(columns.begin(), columns.end(), known->second) != columns.end())
      return field_error(header.line, k + 1, name, "this column appears twice");
    columns.push_back(known->second);
  }
  return columns;
}

Result<ScreeningRow> read_row(const CsvRecord& record, const std::vector<Column>& columns,
                              const std::vector<std::string>& headers) {
  if (record.fields.size() != columns.size())
    return row_error(record.line, std::to_string(record.fields.size()) +
                                      " field(s), the header has " +
                                      std::to_string(columns.size()));
  ScreeningRow row;
  row.line = record.line;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    std::string value = trim_field(record.fields[k]);
    switch (columns[k]) {
    case Column::name:
      if (value.empty())
        return field_error(record.line, k + 1, headers[k], "the name is empty");
      row.name = std::move(value);
      break;
    case Column::birth_date:
      if (value.empty())
        break;
      if (!is_list_date(value))
        return field_error(record.line, k + 1, headers[k],
                           "\"" + value + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      row.birth_date = std::move(value);
      break;
    case Column::nationality:
      if (value.empty())
        break;
      if (value.size() != 2 || !std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
          }))
        return field_error(record.line, k + 1, headers[k],
                           "\"" + value + "\" is not an ISO 3166-1 alpha-2 country code (e.g. MA)");
      for (char& c : value)
        if (c >= 'a' && c <= 'z')
          c = static_cast<char>(c - 'a' + 'A');
      row.nationality = std::move(value);
      break;
    }
  }
  return row;
}

} // namespace

Result<std::vector<ScreeningRow>> read_screening_csv(std::string_view text) {
  auto records = read_csv(text);
  if (!records)
    return make_error(Error::Kind::invalid_input, records.error().message + "; nothing screened");
  std::vector<ScreeningRow> rows;
  std::size_t first = 0;
  while (first < records->size() && is_comment((*records)[first]))
    ++first;
  if (first == records->size())
    return rows;
  std::vector<Column> columns = {Column::name};
  std::vector<std::string> headers = {"name"};
  const bool has_header = is_header((*records)[first]);
  if (has_header) {
    auto read = read_header((*records)[first]);
    if (!read)
      return read.error();
    columns = std::move(*read);
    headers.clear();
    for (const auto& field : (*records)[first].fields)
      headers.push_back(csv_key(field));
    ++first;
  }
  for (std::size_t r = first; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    if (is_comment(record))
      continue;
    if (!has_header && record.fields.size() > 1)
      return row_error(record.line,
                       std::to_string(record.fields.size()) +
                           " fields; without a header row each row is one name (quote a name "
                           "holding a comma, \"MAHDI, Adil\", or start the file with a header "
                           "row such as name,dob,nationality)");
    auto row = read_row(record, columns, headers);
    if (!row)
      return row.error();
    rows.push_back(std::move(*row));
  }
  return rows;
}

} // namespace tansiq::node
