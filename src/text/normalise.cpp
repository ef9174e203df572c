#include "text/normalise.h"

#include "text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <array>

namespace tansiq::text {
namespace {

bool is_arabic_mark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640;
}

bool is_format_control(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || c == 0x061C || c == 0xFEFF ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x00AD;
}

// Folded, accent-free form of a non-ASCII Latin/Greek/Cyrillic letter (empty: drop).
std::u32string fold_other(char32_t c) {
  static const icu::Normalizer2* nfkd = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFKDInstance(status);
  }();
  if (c == 0x00DF)
    return U"ss";
  icu::UnicodeString decomposition;
  std::u32string out;
  if (nfkd == nullptr || !nfkd->getDecomposition(static_cast<UChar32>(c), decomposition)) {
    out += static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    return out;
  }
  for (int32_t i = 0; i < decomposition.length();) {
    UChar32 d = decomposition.char32At(i);
    i += U16_LENGTH(d);
    if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK)
      continue;
    out += static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT));
  }
  return out;
}

// The normalised code points for `c` (appended to `out`).
void map_code_point(char32_t c, std::u32string& out, int depth = 0) {
  if (c < 0x80) {
    out += (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return;
  }
  if (is_arabic_mark(c) || is_format_control(c))
    return;
  switch (c) {
  case 0x0622:
  case 0x0623:
  case 0x0625:
  case 0x0671:
  case 0x0672:
  case 0x0673:
    out += 0x0627;
    return;
  case 0x0649:
  case 0x06CC:
  case 0x06D2:
    out += 0x064A;
    return;
  case 0x0629:
    out += 0x0647;
    return;
  case 0x06A9:
    out += 0x0643;
    return;
  case 0x060C:
    out += U',';
    return;
  case 0x061B:
    out += U';';
    return;
  case 0x061F:
    out += U'?';
    return;
  case 0x066A:
    out += U'%';
    return;
  case 0x066B:
    out += U'.';
    return;
  case 0x066C:
    out += U',';
    return;
  case 0x00A0:
  case 0x2007:
  case 0x202F:
  case 0x2002:
  case 0x2003:
  case 0x2009:
    out += U' ';
    return;
  default:
    break;
  }
  if (c >= 0x0660 && c <= 0x0669) {
    out += U'0' + (c - 0x0660);
    return;
  }
  if (c >= 0x06F0 && c <= 0x06F9) {
    out += U'0' + (c - 0x06F0);
    return;
  }
  if (c >= 0x0600 && c <= 0x06FF) {
    out += c;
    return;
  }
  if (depth == 0 && ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE))) {
    for (char32_t d : fold_other(c))
      map_code_point(d, out, depth + 1);
    return;
  }
  if (depth == 0 && (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0xFF01 && c <= 0xFF5E))) {
    for (char32_t d : fold_other(c)) {
      if (d == c)
        out += d;
      else
        map_code_point(d, out, depth + 1);
    }
    return;
  }
  if (u_isUAlphabetic(static_cast<UChar32>(c)) && !u_isULowercase(static_cast<UChar32>(c))) {
    out += static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    return;
  }
  out += c;
}

} // namespace

namespace {

// Where normalise() keeps the offset map and normalise_key() does not.
struct WithSource {
  std::vector<uint32_t>& source;
  void add(std::size_t bytes, std::size_t at) {
    source.insert(source.end(), bytes, static_cast<uint32_t>(at));
  }
};
struct WithoutSource {
  void add(std::size_t, std::size_t) {}
};

// The code point of a two-byte UTF-8 sequence of the Arabic block (lead byte D8-DB) that
// normalises to itself, or 0 when map_code_point has something to do with it (a mark, a
// letter to unify, a digit, Arabic punctuation). Most of an Arabic text takes this way, which
// copies the two bytes instead of decoding, mapping and re-encoding them.
char32_t unchanged_arabic_letter(unsigned char lead, unsigned char trail) {
  if (lead < 0xD8 || lead > 0xDB || (trail & 0xC0) != 0x80)
    return 0;
  char32_t c = (static_cast<char32_t>(lead & 0x1F) << 6) | (trail & 0x3F);
  if (c < 0x0621 || c > 0x063A) // ء..غ; ـ and what follows are checked by map_code_point
    if (c < 0x0641 || c > 0x064A)
      return 0;
  switch (c) {
  case 0x0622:
  case 0x0623:
  case 0x0625:
  case 0x0629:
  case 0x0649:
    return 0;
  default:
    return c;
  }
}

template <typename Source>
void normalise_into(std::string_view utf8, std::string& text, Source source) {
  text.reserve(utf8.size());
  std::u32string mapped;
  std::size_t i = 0;
  const std::size_t n = utf8.size();
  while (i < n) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      text += (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : static_cast<char>(byte);
      source.add(1, i);
      ++i;
      continue;
    }
    if (i + 1 < n && unchanged_arabic_letter(byte, static_cast<unsigned char>(utf8[i + 1]))) {
      text.append(utf8.data() + i, 2);
      source.add(2, i);
      i += 2;
      continue;
    }
    std::size_t at = i;
    bool ok;
    char32_t c = next_code_point(utf8, i, ok);
    mapped.clear();
    if (!ok)
      mapped += U' ';
    else
      map_code_point(c, mapped);
    std::size_t before = text.size();
    for (char32_t m : mapped)
      append_utf8(text, m);
    source.add(text.size() - before, at);
  }
}

} // namespace

NormalisedText normalise(std::string_view utf8) {
  NormalisedText result;
  result.source.reserve(utf8.size() + 1);
  normalise_into(utf8, result.text, WithSource{result.source});
  result.source.push_back(static_cast<uint32_t>(utf8.size()));
  return result;
}

std::string normalise_key(std::string_view utf8) {
  std::string text;
  normalise_into(utf8, text, WithoutSource{});
  return text;
}

} // namespace tansiq::text
