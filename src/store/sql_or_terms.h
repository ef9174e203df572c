// The one piece of SQL text both back ends build the same way: a version
// filter's alternatives ("first", "last", exact versions) joined into one
// condition.
#pragma once

#include <string>
#include <vector>

namespace tansiq::store {

// Appends " AND (t1 OR t2 ...)" to `sql`; nothing when `terms` is empty.
void append_or_terms(std::string& sql, const std::vector<std::string>& terms);

} // namespace tansiq::store
