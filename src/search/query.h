// Internal to tansiq_search: the query language (SearchQuery::text) to a Xapian query.
#pragma once

#include "core/result.h"
#include "search/terms.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::search::detail {

struct ParsedQuery {
  // Nothing when the text is empty or has only stop-words.
  std::optional<Xapian::Query> query;
  std::vector<std::string> highlight_terms; // terms of the words not excluded
  std::vector<std::string> stop_words;      // the words ignored, as written
};

// Grammar: or := and ("OR" and)* ; and := unary+ ; unary := ("-" | "NOT") primary | primary ;
// primary := word | "quoted words" | "(" or ")". Errors (invalid_input): unbalanced
// parentheses or quotes, OR or NOT without an operand, a group that only excludes.
Result<ParsedQuery> parse_query(std::string_view text, const Analyser& analyser);

} // namespace tansiq::search::detail
