// UTF-8 helpers shared by the text stages (internal: not part of the public API).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tansiq::text {

// Decodes the code point at `i` and advances `i`; returns -1 for an ill-formed sequence
// (and advances past at least one byte).
char32_t next_code_point(std::string_view s, std::size_t& i, bool& ok);

void append_utf8(std::string& out, char32_t c);

// Offset of the first ill-formed byte, or npos when `s` is valid UTF-8.
std::size_t first_invalid_utf8(std::string_view s);

} // namespace tansiq::text
