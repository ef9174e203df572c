#include "text/tokenise.h"

#include "text/utf8.h"

#include <unicode/uchar.h>

namespace tansiq::text {
namespace {

enum class Class { space, newline, arabic, latin, digit, other };

Class classify(char32_t c) {
  if (c == '\n')
    return Class::newline;
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
    return Class::space;
  if (c >= '0' && c <= '9')
    return Class::digit;
  if (c < 0x80)
    return ((c | 32) >= 'a' && (c | 32) <= 'z') ? Class::latin : Class::other;
  if ((c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 0x06FA && c <= 0x06FF))
    return Class::arabic;
  if (u_isspace(static_cast<UChar32>(c)))
    return Class::space;
  if (u_isalpha(static_cast<UChar32>(c)))
    return Class::latin;
  return Class::other;
}

constexpr std::string_view kWaw = "و", kFa = "ف", kBa = "ب", kLam = "ل", kKaf = "ك", kAl = "ال";

bool starts(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++n;
  return n;
}

// The one scanner behind tokenise() and token_spans(), so that both always cut the same
// tokens. Calls visitor.space(), visitor.newline() and visitor.token(start, end, class, first
// code point) in text order.
template <typename Visitor> void scan(std::string_view s, Visitor& visitor) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    bool ok;
    char32_t c;
    if (static_cast<unsigned char>(s[i]) < 0x80)
      c = static_cast<unsigned char>(s[i++]); // ASCII: no decoding
    else
      c = next_code_point(s, i, ok);
    Class cls = classify(c);
    if (cls == Class::space) {
      visitor.space();
      continue;
    }
    if (cls == Class::newline) {
      visitor.newline();
      continue;
    }
    std::size_t end = i;
    if (cls == Class::arabic || cls == Class::latin) {
      while (end < s.size()) {
        std::size_t next = end;
        char32_t d;
        if (static_cast<unsigned char>(s[next]) < 0x80)
          d = static_cast<unsigned char>(s[next++]);
        else
          d = next_code_point(s, next, ok);
        if (classify(d) != cls)
          break;
        end = next;
      }
    } else if (cls == Class::digit) {
      while (end < s.size()) {
        if (s[end] >= '0' && s[end] <= '9') {
          ++end;
        } else if ((s[end] == '.' || s[end] == ',') && end + 1 < s.size() && s[end + 1] >= '0' &&
                   s[end + 1] <= '9') {
          end += 2;
        } else {
          break;
        }
      }
    }
    i = end;
    visitor.token(start, end, cls, c);
  }
}

TokenKind kind_of(Class cls) {
  return cls == Class::digit   ? TokenKind::number
         : cls == Class::other ? TokenKind::punct
                               : TokenKind::word;
}

} // namespace

std::vector<Token> tokenise(const NormalisedText& text) {
  struct Builder {
    const NormalisedText& text;
    std::vector<Token> tokens;
    uint32_t sentence = 0;
    bool space_before = false, line_start = true;

    void space() { space_before = true; }
    void newline() {
      space_before = true;
      line_start = true;
      if (!tokens.empty() && tokens.back().sentence == sentence)
        ++sentence;
    }
    void token(std::size_t start, std::size_t end, Class cls, char32_t c) {
      Token t;
      t.nbegin = static_cast<uint32_t>(start);
      t.nend = static_cast<uint32_t>(end);
      t.begin = static_cast<uint32_t>(text.to_source(start));
      t.end = static_cast<uint32_t>(text.to_source(end));
      t.norm.assign(std::string_view(text.text).substr(start, end - start));
      t.kind = kind_of(cls);
      t.arabic = cls == Class::arabic;
      t.space_before = space_before;
      t.line_start = line_start;
      t.sentence = sentence;
      tokens.push_back(std::move(t));
      space_before = false;
      line_start = false;
      if (cls == Class::other && (c == '.' || c == '!' || c == '?' || c == ';'))
        ++sentence;
    }
  } builder{text, {}};
  builder.tokens.reserve(text.text.size() / 6);
  scan(text.text, builder);
  return std::move(builder.tokens);
}

std::vector<TokenSpan> token_spans(std::string_view normalised) {
  struct Collector {
    std::vector<TokenSpan> spans;
    void space() {}
    void newline() {}
    void token(std::size_t start, std::size_t end, Class cls, char32_t) {
      spans.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), kind_of(cls),
                       cls == Class::arabic});
    }
  } collector;
  collector.spans.reserve(normalised.size() / 6);
  scan(normalised, collector);
  return std::move(collector.spans);
}

std::vector<CliticReading> clitic_readings(std::string_view w) {
  std::vector<CliticReading> out;
  out.push_back({std::string(w), 0});
  auto add = [&](std::string form, std::size_t prefix) {
    if (letters(form) < 2)
      return;
    for (const auto& r : out)
      if (r.form == form)
        return;
    out.push_back({std::move(form), static_cast<uint32_t>(prefix)});
  };
  std::size_t conj = 0;
  if (starts(w, kWaw) || starts(w, kFa))
    conj = kWaw.size();
  for (std::size_t c : {std::size_t{0}, conj}) {
    if (c == 0 && conj == 0 && false)
      continue;
    std::string_view rest = w.substr(c);
    if (c > 0)
      add(std::string(rest), c);
    if (starts(rest, "لل") && letters(rest) > 3)
      add(std::string(kAl) + std::string(rest.substr(2 * kLam.size())), c + kLam.size());
    if (starts(rest, kBa) || starts(rest, kLam) || starts(rest, kKaf))
      add(std::string(rest.substr(kBa.size())), c + kBa.size());
    if (conj == 0)
      break;
  }
  return out;
}

std::string strip_clitics_and_article(std::string_view w) {
  std::string best(w);
  for (const auto& r : clitic_readings(w)) {
    std::string_view f = r.form;
    if (starts(f, kAl) && letters(f) > 3)
      f.remove_prefix(kAl.size());
    if (f.size() < best.size() && letters(f) >= 2)
      best.assign(f);
  }
  return best;
}

} // namespace tansiq::text
