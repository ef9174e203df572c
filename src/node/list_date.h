// Dates as watchlists give them: a year, a year and month, or a full date.
#pragma once

#include <string_view>

namespace tansiq::node {

// YYYY, YYYY-MM or YYYY-MM-DD with a month and a day that exist (29 February only in a
// leap year).
bool is_list_date(std::string_view text);

} // namespace tansiq::node
