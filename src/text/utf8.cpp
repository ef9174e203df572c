#include "text/utf8.h"

#include <unicode/utf8.h>

namespace tansiq::text {

char32_t next_code_point(std::string_view s, std::size_t& i, bool& ok) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  auto length = static_cast<int32_t>(s.size());
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(bytes, at, length, c);
  i = static_cast<std::size_t>(at);
  ok = c >= 0;
  return ok ? static_cast<char32_t>(c) : U'\uFFFD';
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t at = i;
    bool ok;
    next_code_point(s, i, ok);
    if (!ok)
      return at;
  }
  return std::string_view::npos;
}

} // namespace tansiq::text
