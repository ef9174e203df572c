#include "names/name_normaliser.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace tansiq::names {
namespace {

Error bad(std::string message) {
  return make_error(Error::Kind::invalid_input, std::move(message));
}

bool is_apostrophe(char32_t c) {
  switch (c) {
  case U'\'':
  case U'`':
  case 0x00B4:
  case 0x2018:
  case 0x2019:
  case 0x02BC:
  case 0x02BB:
  case 0x02BF:
  case 0x02BE:
  case 0x2032:
  case 0x02B9:
    return true;
  default:
    return false;
  }
}

bool is_arabic_mark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640 /* tatweel */;
}

// A Latin letter (already case-folded) as ASCII letters, "" if it has no ASCII base.
std::string latin_ascii(char32_t c, const icu::Normalizer2& nfd) {
  if (c < 0x80)
    return std::string(1, static_cast<char>(c));
  switch (c) {
  case 0x00DF:
    return "ss";
  case 0x00E6:
    return "ae";
  case 0x0153:
    return "oe";
  case 0x00F8:
    return "o";
  case 0x0111:
    return "d";
  case 0x0142:
    return "l";
  case 0x0131:
    return "i";
  case 0x00FE:
    return "th";
  case 0x00F0:
    return "dh";
  case 0x0127:
    return "h";
  default:
    break;
  }
  icu::UnicodeString decomposition;
  if (!nfd.getDecomposition(static_cast<UChar32>(c), decomposition))
    return "";
  std::string out;
  for (int32_t i = 0; i < decomposition.length();) {
    UChar32 d = decomposition.char32At(i);
    i += U16_LENGTH(d);
    if (d < 0x80 && u_isalpha(d))
      out += static_cast<char>(u_tolower(d));
  }
  return out;
}

} // namespace

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char32_t c : text) {
    uint8_t bytes[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
    out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
  }
  return out;
}

Result<NormalisedName> normalise_name(std::string_view utf8) {
  if (utf8.size() > max_name_bytes)
    return bad("name is longer than " + std::to_string(max_name_bytes) + " bytes");
  // Check UTF-8 and reject control characters before anything else.
  icu::UnicodeString text;
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, n, c);
    if (c < 0)
      return bad("name is not valid UTF-8 (byte " + std::to_string(i) + ")");
    if (c == '\t' || c == '\n' || c == '\r')
      c = ' ';
    else if (u_charType(c) == U_CONTROL_CHAR)
      return bad("name contains a control character (U+" + std::to_string(c) + ")");
    text.append(c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status))
    return make_error(Error::Kind::internal, "ICU normaliser unavailable");
  icu::UnicodeString normal = nfkc->normalize(text, status);
  if (U_FAILURE(status))
    return bad("name cannot be normalised");

  NormalisedName out;
  RawWord word;
  std::size_t letters = 0;
  auto flush = [&] {
    if (!word.letters.empty()) {
      out.words.push_back(std::move(word));
    }
    word = RawWord{};
  };
  bool caps_seen = false, lower_seen = false;
  auto close_word = [&] {
    if (!word.letters.empty())
      word.all_caps =
          word.script == Script::latin && caps_seen && !lower_seen && word.letters.size() >= 2;
    caps_seen = lower_seen = false;
    flush();
  };

  for (int32_t i = 0; i < normal.length();) {
    UChar32 c = normal.char32At(i);
    i += U16_LENGTH(c);
    if (is_apostrophe(static_cast<char32_t>(c))) {
      if (!word.letters.empty() && word.script == Script::arabic)
        close_word();
      word.script = Script::latin;
      word.letters += U'\'';
      continue;
    }
    if (c == 0x0670) { // superscript alef: a long a
      if (!word.letters.empty() && word.script != Script::arabic)
        close_word();
      word.script = Script::arabic;
      word.letters += U'\u0627';
      continue;
    }
    if (is_arabic_mark(static_cast<char32_t>(c)))
      continue;
    int8_t type = u_charType(c);
    if (type == U_FORMAT_CHAR || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
        type == U_ENCLOSING_MARK)
      continue; // zero-width joiners, direction marks, stray accents
    if (u_isdigit(c))
      continue; // digits are not part of a name
    if (!u_isalpha(c)) {
      if (c == ',' && out.words_before_comma < 0) {
        close_word();
        out.words_before_comma = static_cast<int>(out.words.size());
      } else {
        close_word();
      }
      continue;
    }
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status))
      return bad("name cannot be read");
    if (script == USCRIPT_ARABIC) {
      if (!word.letters.empty() && word.script != Script::arabic)
        close_word();
      word.script = Script::arabic;
      word.letters += static_cast<char32_t>(c);
      ++letters;
    } else if (script == USCRIPT_LATIN) {
      if (!word.letters.empty() && word.script != Script::latin)
        close_word();
      word.script = Script::latin;
      if (u_isupper(c) || u_istitle(c))
        caps_seen = true;
      else if (u_islower(c))
        lower_seen = true;
      std::string ascii =
          latin_ascii(static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)), *nfd);
      for (char a : ascii)
        word.letters += static_cast<char32_t>(a);
      letters += ascii.empty() ? 0 : 1;
    } else {
      const char* name = uscript_getName(script);
      return bad(std::string("name contains letters of a script other than Latin or Arabic (") +
                 (name ? name : "unknown") + ")");
    }
  }
  close_word();
  // Words made only of apostrophes carry nothing.
  std::erase_if(out.words, [](const RawWord& w) {
    return w.letters.find_first_not_of(U'\'') == std::u32string::npos;
  });
  if (out.words.empty())
    return bad(utf8.find_first_not_of(" \t\r\n") == std::string_view::npos ? "name is empty"
                                                                           : "name has no letters");
  if (letters < 2)
    return bad("name is too short to screen (fewer than two letters)");
  if (out.words.size() > max_name_words)
    return bad("name has more than " + std::to_string(max_name_words) + " words");
  if (out.words_before_comma > static_cast<int>(out.words.size()))
    out.words_before_comma = static_cast<int>(out.words.size());
  return out;
}

} // namespace tansiq::names
