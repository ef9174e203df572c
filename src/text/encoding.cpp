#include "text/encoding.h"

#include "text/utf8.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace tansiq::text {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_utf8_name(std::string_view lower) {
  return lower == "utf-8" || lower == "utf8";
}

bool is_windows1256_name(std::string_view lower) {
  return lower == "windows-1256" || lower == "cp1256" || lower == "x-cp1256" ||
         lower == "windows1256";
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// `bytes` in the charset ICU knows as `charset`, to UTF-8; an error names the first byte that
// has no meaning in that charset.
Result<std::string> convert(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status) || !converter)
    return make_error(Error::Kind::invalid_input,
                      "character set \"" + charset + "\" is not known (use UTF-8 or windows-1256)");
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // Any charset gives at most two UTF-16 units per byte.
  std::u16string utf16(bytes.size() * 2 + 16, u'\0');
  UChar* target = utf16.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, utf16.data() + utf16.size(), &source,
                 bytes.data() + bytes.size(), nullptr, true, &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), invalid, &length, &ignored);
    auto offset = static_cast<std::size_t>(source - bytes.data()) -
                  static_cast<std::size_t>(U_SUCCESS(ignored) ? length : 0);
    return make_error(Error::Kind::invalid_input,
                      "byte offset " + std::to_string(offset) + " has no meaning in " + charset);
  }
  std::string out;
  out.reserve(bytes.size() * 2);
  const auto units = static_cast<int32_t>(target - utf16.data());
  for (int32_t i = 0; i < units;) {
    UChar32 c;
    U16_NEXT(utf16.data(), i, units, c);
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

// True when Windows-1256 reading of `bytes` is Arabic text: at least 90% of the bytes above
// ASCII (typographic punctuation aside) decode to the Arabic block. UTF-8 Arabic read as
// Windows-1256 gets about half (its lead bytes D8/D9 are «ط»/«ظ», most continuation bytes are
// symbols), Latin-1 French almost none, random bytes about a third.
bool reads_as_arabic(std::string_view utf8_of_1256, std::size_t& arabic, std::size_t& other) {
  arabic = other = 0;
  for (std::size_t i = 0; i < utf8_of_1256.size();) {
    bool ok = true;
    char32_t c = next_code_point(utf8_of_1256, i, ok);
    if (c < 0x80)
      continue;
    if (c >= 0x0600 && c <= 0x06FF)
      ++arabic;
    else if (c == 0x00A0 || c == 0x00AB || c == 0x00BB || (c >= 0x2013 && c <= 0x201D) ||
             c == 0x200E || c == 0x200F)
      continue; // no-break space, « », dashes and quotes: in any language
    else
      ++other;
  }
  return arabic >= 8 && arabic * 10 >= (arabic + other) * 9;
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  auto lower = lower_ascii(name);
  if (is_utf8_name(lower))
    return Encoding::utf8;
  if (is_windows1256_name(lower))
    return Encoding::windows1256;
  return std::nullopt;
}

std::string declared_html_charset(std::string_view bytes) {
  const std::string head = lower_ascii(bytes.substr(0, 8192));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    auto end = head.find('>', meta);
    std::string_view tag = std::string_view(head).substr(
        meta, end == std::string::npos ? std::string::npos : end - meta);
    auto at = tag.find("charset");
    if (at == std::string_view::npos)
      continue;
    at += 7;
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '\t'))
      ++at;
    if (at >= tag.size() || tag[at] != '=')
      continue;
    ++at;
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '"' || tag[at] == '\''))
      ++at;
    std::size_t stop = at;
    while (stop < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[stop])) || tag[stop] == '-' ||
            tag[stop] == '_' || tag[stop] == ':' || tag[stop] == '.'))
      ++stop;
    if (stop > at)
      return std::string(tag.substr(at, stop - at));
  }
  return {};
}

Result<DecodedText> decode_article(std::string_view bytes, Encoding encoding) {
  DecodedText out;
  const std::size_t invalid = first_invalid_utf8(bytes);
  auto utf8_error = [&](std::string_view why) {
    return make_error(Error::Kind::invalid_input,
                      "invalid UTF-8 at byte offset " + std::to_string(invalid) + std::string(why));
  };
  if (encoding == Encoding::windows1256) {
    auto converted = convert(bytes, "windows-1256");
    if (!converted)
      return converted.error();
    out.utf8 = std::move(*converted);
    out.charset = "windows-1256";
    out.how = "decoded as windows-1256 (as asked)";
    return out;
  }
  if (invalid == std::string_view::npos) {
    out.utf8 = std::string(bytes);
    return out;
  }
  if (encoding == Encoding::utf8)
    return utf8_error(" (the article was declared UTF-8)");

  const std::string declared = declared_html_charset(bytes);
  if (!declared.empty() && is_utf8_name(declared))
    return utf8_error(" (the page declares charset " + declared + ")");
  // A declared charset is honoured whatever it is, as long as ICU knows it (windows-1256,
  // iso-8859-6, windows-1252 ...); undeclared bytes may only be windows-1256 Arabic.
  const std::string charset =
      declared.empty() || is_windows1256_name(declared) ? "windows-1256" : declared;
  auto converted = convert(bytes, charset);
  if (!converted)
    return utf8_error("; as " + charset + ": " + converted.error().message);
  out.charset = charset;
  if (!declared.empty()) {
    out.how = "decoded as " + charset + " (declared by the page's <meta> charset " + declared + ")";
  } else {
    std::size_t arabic = 0, other = 0;
    if (!reads_as_arabic(*converted, arabic, other))
      return utf8_error(" (nor is it Arabic in windows-1256: " + std::to_string(arabic) +
                        " Arabic and " + std::to_string(other) +
                        " other non-ASCII characters; say --encoding if you know it)");
    out.how = "decoded as windows-1256: not valid UTF-8 (byte offset " + std::to_string(invalid) +
              "), and read as windows-1256 it is Arabic (" + std::to_string(arabic) + " of " +
              std::to_string(arabic + other) + " non-ASCII characters)";
  }
  out.utf8 = std::move(*converted);
  return out;
}

} // namespace tansiq::text
