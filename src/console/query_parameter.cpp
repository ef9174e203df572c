#include "console/query_parameter.h"

#include <charconv>

namespace tansiq::console {

Result<std::size_t> parse_whole_number(std::string_view name, const std::string& value) {
  std::size_t number = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc() || end != value.data() + value.size())
    return make_error(Error::Kind::invalid_input, "\"" + value + "\" is not a whole number",
                      "query parameter " + std::string(name));
  return number;
}

} // namespace tansiq::console
