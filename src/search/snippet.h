// Internal to tansiq_search: the snippet of a hit, built with the same analyser as the index so
// that «بالمغرب» is highlighted for the query «المغرب».
#pragma once

#include "search/search_index.h"
#include "search/terms.h"

#include <string>
#include <string_view>
#include <vector>

namespace tansiq::search::detail {

// The window of about `words` words of `text` with the most distinct query terms (the start of
// the text when none matches), as plain and highlighted segments; "…" marks cut text and line
// breaks become spaces.
std::vector<SnippetSegment> make_snippet(std::string_view text, Language language,
                                         const std::vector<std::string>& terms,
                                         const Analyser& analyser, std::size_t words = 30);

} // namespace tansiq::search::detail
