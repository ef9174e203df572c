#include "store/sql_or_terms.h"

namespace tansiq::store {

void append_or_terms(std::string& sql, const std::vector<std::string>& terms) {
  if (terms.empty())
    return;
  sql += " AND (";
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i)
      sql += " OR ";
    sql += terms[i];
  }
  sql += ')';
}

} // namespace tansiq::store
