// The names `tansiq screen --file` screens, read from RFC 4180 CSV (node/csv_reader.h, the
// reader the watchlist import uses).
//
// With a header row (a first row naming a "name" column; any order, any case):
//   name         required  the name to screen, any script the matcher reads
//   dob          optional  birth date, YYYY, YYYY-MM or YYYY-MM-DD ("birth_date" too)
//   nationality  optional  ISO 3166-1 alpha-2 code
// Without one, every row is one name (a name holding a comma, "MAHDI, Adil", is quoted).
// Rows whose first field starts with '#' are comments. All or nothing: a bad row is an
// error naming its line (and column) and why, and no name is returned.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::node {

struct ScreeningRow {
  std::size_t line = 0; // where the row starts (1-based)
  std::string name;
  std::optional<std::string> birth_date;
  std::optional<std::string> nationality; // upper-cased
};

Result<std::vector<ScreeningRow>> read_screening_csv(std::string_view text);

} // namespace tansiq::node
