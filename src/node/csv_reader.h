// Reads CSV text as RFC 4180 describes it: fields separated by commas, records by CRLF or
// LF, a field in double quotes may hold commas, line breaks and "" for a quote. A UTF-8
// byte-order mark at the start is skipped; the text must be UTF-8. Errors say on which
// line and in which column (1-based) the text stops being CSV, and why.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::node {

struct CsvRecord {
  std::size_t line = 0; // where the record starts (1-based)
  std::vector<std::string> fields;
};

// Every record, blank lines left out.
Result<std::vector<CsvRecord>> read_csv(std::string_view text);

// A field without the spaces and tabs around it: CSV keeps them, lists do not mean them.
std::string trim_field(std::string_view field);

// A field as header names and keyword values ("individual") are compared: trimmed, ASCII
// lower case.
std::string csv_key(std::string_view field);

} // namespace tansiq::node
