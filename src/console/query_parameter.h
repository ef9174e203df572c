// Reading the console API's query parameters: numbers, with errors that name
// the parameter and the value.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace tansiq::console {

// A whole number (no sign, no spaces); invalid_input naming the parameter otherwise.
Result<std::size_t> parse_whole_number(std::string_view name, const std::string& value);

} // namespace tansiq::console
