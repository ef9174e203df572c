// HTML -> plain text: tags dropped, block elements become line breaks, the contents of
// script, style, noscript, template, svg, nav, header, footer, aside, form and iframe
// removed, character references decoded.
#pragma once

#include "text/offset_map.h"

#include <string>
#include <string_view>

namespace tansiq::text {

struct HtmlText {
  std::string text;
  OffsetMap to_html; // offsets in `text` -> offsets in the HTML input
};

// True when `input` looks like an HTML document or fragment (a tag among its first bytes).
bool looks_like_html(std::string_view input);

HtmlText html_to_text(std::string_view html);

} // namespace tansiq::text
