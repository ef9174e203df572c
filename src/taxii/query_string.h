// The query part of a request target, percent-decoded, with TAXII's
// comma-separated match[...] lists split.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::taxii {

struct QueryParameter {
  std::string name;
  std::string value;
};

// Splits "a=1&b=x%2Cy" into decoded pairs; returns nothing when an escape is malformed.
std::optional<std::vector<QueryParameter>> parse_query(std::string_view query);

// Decodes %XX escapes (and '+' as a space, as HTML forms send); nothing when malformed.
std::optional<std::string> percent_decode(std::string_view text);

// Splits a comma-separated list, dropping empty items.
std::vector<std::string> split_list(std::string_view text);

} // namespace tansiq::taxii
