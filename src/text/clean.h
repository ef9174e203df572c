// Boilerplate removal for scraped press pages (plain text or HTML). Keeps the headline, the
// dateline and the body, one kept line per output line. Rules (docs/intake.md):
//   blank        empty or whitespace-only lines
//   ticker       "اليوم <weekday> ..." date tickers, "عاجل" labels, headline tickers
//                (3+ headlines separated by runs of spaces), runs of 3+ bullet lines
//   update-stamp "آخر تحديث ..." / "Mis à jour" / "Updated": cut to the end of the line
//   source-link  "رابط الخبر ..." / "المصدر :" link lines: cut to the end of the line
//   widget       share, comment, tag, print, report-image and "read more" widgets
//   navigation   short lines made of menu items separated by | or »
//   repeated     a line equal (after normalisation) to one kept before
//   footer       everything after a comment widget that follows the body; comment-policy text
#pragma once

#include "core/result.h"
#include "text/offset_map.h"

#include <string>
#include <string_view>
#include <vector>

namespace tansiq::text {

inline constexpr std::size_t max_article_bytes = 8 * 1024 * 1024;

struct RemovedSpan {
  std::size_t begin = 0, end = 0; // byte offsets in the input
  std::string rule;
};

struct CleanedText {
  std::string text;             // kept lines joined by '\n'
  OffsetMap to_input;           // byte offsets in `text` -> byte offsets in the input
  std::size_t headline_end = 0; // end of the first kept line in `text`
  bool was_html = false;
  std::vector<RemovedSpan> removed;
};

// Errors (invalid_input): larger than max_article_bytes, ill-formed UTF-8, binary data
// (NUL or many control bytes). Empty input gives an empty result.
Result<CleanedText> clean(std::string_view input);

} // namespace tansiq::text
