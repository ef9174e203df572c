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

NormalisedText normalise(std::string_view utf8) {
  NormalisedText result;
  result.text.reserve(utf8.size());
  result.source.reserve(utf8.size() + 1);
  std::u32string mapped;
  std::size_t i = 0;
  while (i < utf8.size()) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      result.text +=
          (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : static_cast<char>(byte);
      result.source.push_back(static_cast<uint32_t>(i));
      ++i;
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
    for (char32_t m : mapped) {
      std::size_t before = result.text.size();
      append_utf8(result.text, m);
      result.source.resize(result.text.size(), static_cast<uint32_t>(at));
      (void)before;
    }
  }
  result.source.push_back(static_cast<uint32_t>(utf8.size()));
  return result;
}

std::string normalise_key(std::string_view utf8) {
  return normalise(utf8).text;
}

} // namespace tansiq::text
