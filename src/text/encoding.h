// Character encodings of press articles (issue 5): UTF-8, and Windows-1256, which older Arabic
// news sites and archives still serve. Everything after this step works on UTF-8 text, so every
// offset the pipeline reports (mentions, dates, figures) is an offset into the decoded text.
#pragma once

#include "core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace tansiq::text {

enum class Encoding {
  detect,      // valid UTF-8, else the HTML <meta> charset, else Windows-1256 if it reads as Arabic
  utf8,        // UTF-8 only; anything else is an error with its byte offset
  windows1256, // Windows-1256 (cp1256), whatever the bytes look like
};

// "utf-8"/"utf8", "windows-1256"/"cp1256" (case-insensitive); nothing otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);

struct DecodedText {
  std::string utf8;
  std::string charset = "utf-8"; // what the bytes were taken as ("utf-8", "windows-1256", ...)
  std::string how;               // why, in words, when it was not UTF-8 (else empty)
};

// The charset an HTML document declares in a <meta charset> or <meta http-equiv
// content="...; charset=..."> within its first 8 KB, lower-cased; empty when none.
std::string declared_html_charset(std::string_view bytes);

// Decodes `bytes` to UTF-8. Errors (invalid_input) say what and where: an ill-formed UTF-8 byte
// offset, a declared charset ICU does not know, bytes with no meaning in the charset.
Result<DecodedText> decode_article(std::string_view bytes, Encoding encoding = Encoding::detect);

} // namespace tansiq::text
