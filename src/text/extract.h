// The text pipeline in one call: clean -> normalise -> tokenise -> dates -> figures -> entities.
// All offsets are byte offsets into Extraction::text (the cleaned, displayed text);
// Extraction::to_input maps them back to the input.
#pragma once

#include "core/result.h"
#include "text/clean.h"
#include "text/dates.h"
#include "text/entities.h"
#include "text/figures.h"
#include "text/knowledge_base.h"

#include <optional>
#include <string>
#include <vector>

namespace tansiq::text {

struct ExtractOptions {
  // Resolves relative dates when the text states no publication date (e.g. the date the
  // article was fetched).
  std::optional<Ymd> reference_date;
  bool clean = true; // false: the input is already clean text
};

struct Extraction {
  std::string text;   // cleaned text (headline, dateline, body)
  OffsetMap to_input; // offsets in `text` -> offsets in the input
  std::size_t headline_end = 0;
  std::vector<RemovedSpan> removed;
  std::optional<DateMention> publication_date;
  std::vector<DateMention> dates; // event dates (the dateline excluded)
  std::vector<Figure> figures;
  std::vector<Entity> entities;
  std::vector<std::string> warnings; // what could not be done (e.g. no Arabic/Latin text)
};

Result<Extraction> extract(std::string_view article, const KnowledgeBase& kb,
                           const ExtractOptions& options = {});

} // namespace tansiq::text
