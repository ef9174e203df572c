// Search results as JSON (for `tansiq search --json` and a search endpoint):
//   {"total_estimate": N, "offset": O, "notes": ["..."],
//    "hits": [{"rank": 1, "id": "...", "type": "...", "collection": "...", "title": "...",
//              "date": "...", "lang": "...", "score": 12.3456,
//              "snippet": [{"text": "...", "highlighted": false}, ...]}, ...]}
// Snippet text is plain text: the consumer escapes it and marks highlighted segments.
#pragma once

#include "search/search_index.h"

#include <cstddef>
#include <string>

namespace tansiq::search {

std::string results_json(const SearchResults& results, std::size_t offset = 0);

} // namespace tansiq::search
