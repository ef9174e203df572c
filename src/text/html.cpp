#include "text/html.h"

#include "text/utf8.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace tansiq::text {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_block(std::string_view tag) {
  static constexpr std::array<std::string_view, 24> blocks = {
      "p",       "div",     "br",    "li",         "ul",         "ol", "h1", "h2",
      "h3",      "h4",      "h5",    "h6",         "tr",         "td", "th", "table",
      "article", "section", "title", "blockquote", "figcaption", "dd", "dt", "hr"};
  return std::find(blocks.begin(), blocks.end(), tag) != blocks.end();
}

bool is_skipped(std::string_view tag) {
  static constexpr std::array<std::string_view, 11> skipped = {
      "script", "style",  "noscript", "template", "svg",   "nav",
      "header", "footer", "aside",    "form",     "iframe"};
  return std::find(skipped.begin(), skipped.end(), tag) != skipped.end();
}

// Decodes the character reference at `s[i]` == '&'; returns the code point and its length.
bool decode_reference(std::string_view s, std::size_t i, char32_t& c, std::size_t& length) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12)
    return false;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  length = semi - i + 1;
  if (!name.empty() && name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty())
      return false;
    char* end = nullptr;
    unsigned long value = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end != '\0' || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
      return false;
    c = static_cast<char32_t>(value);
    return true;
  }
  struct Named {
    std::string_view name;
    char32_t c;
  };
  static constexpr std::array<Named, 16> named = {{{"amp", U'&'},
                                                   {"lt", U'<'},
                                                   {"gt", U'>'},
                                                   {"quot", U'"'},
                                                   {"apos", U'\''},
                                                   {"nbsp", 0xA0},
                                                   {"laquo", 0xAB},
                                                   {"raquo", 0xBB},
                                                   {"hellip", 0x2026},
                                                   {"ndash", 0x2013},
                                                   {"mdash", 0x2014},
                                                   {"lsquo", 0x2018},
                                                   {"rsquo", 0x2019},
                                                   {"ldquo", 0x201C},
                                                   {"rdquo", 0x201D},
                                                   {"eacute", 0xE9}}};
  for (const auto& n : named)
    if (n.name == name) {
      c = n.c;
      return true;
    }
  return false;
}

} // namespace

bool looks_like_html(std::string_view input) {
  std::string head = lower_ascii(input.substr(0, 2048));
  for (std::string_view marker : {"<!doctype", "<html", "<body", "<p>", "<p ", "<div", "<br",
                                  "<article", "<head", "<span", "<h1", "<h2"})
    if (head.find(marker) != std::string::npos)
      return true;
  return false;
}

HtmlText html_to_text(std::string_view html) {
  HtmlText out;
  out.text.reserve(html.size() / 2);
  std::size_t i = 0;
  bool run_open = false;
  auto newline = [&] {
    if (!out.text.empty() && out.text.back() != '\n')
      out.text += '\n';
    run_open = false;
  };
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        std::size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      std::size_t close = html.find('>', i + 1);
      if (close == std::string_view::npos) {
        i = html.size();
        break;
      }
      std::string_view inside = html.substr(i + 1, close - i - 1);
      bool closing = !inside.empty() && inside[0] == '/';
      std::size_t name_begin = closing ? 1 : 0;
      std::size_t name_end = name_begin;
      while (name_end < inside.size() &&
             (std::isalnum(static_cast<unsigned char>(inside[name_end]))))
        ++name_end;
      std::string tag = lower_ascii(inside.substr(name_begin, name_end - name_begin));
      i = close + 1;
      if (!closing && is_skipped(tag) && (inside.empty() || inside.back() != '/')) {
        std::string lower_rest;
        std::string end_tag = "</" + tag;
        // Find the matching end tag (case-insensitive search over a lowered window).
        std::size_t at = i;
        std::size_t found = std::string_view::npos;
        while (at < html.size()) {
          std::size_t lt = html.find("</", at);
          if (lt == std::string_view::npos)
            break;
          if (lower_ascii(html.substr(lt, end_tag.size())) == end_tag) {
            found = lt;
            break;
          }
          at = lt + 2;
        }
        if (found == std::string_view::npos) {
          i = html.size();
        } else {
          std::size_t gt = html.find('>', found);
          i = gt == std::string_view::npos ? html.size() : gt + 1;
        }
        newline();
        continue;
      }
      if (is_block(tag))
        newline();
      else if (!out.text.empty() && out.text.back() != ' ' && out.text.back() != '\n')
        run_open = false;
      continue;
    }
    if (c == '&') {
      char32_t decoded;
      std::size_t length;
      if (decode_reference(html, i, decoded, length)) {
        out.to_html.add(out.text.size(), i);
        append_utf8(out.text, decoded);
        i += length;
        run_open = false;
        continue;
      }
    }
    if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
      if (!out.text.empty() && out.text.back() != ' ' && out.text.back() != '\n') {
        out.to_html.add(out.text.size(), i);
        out.text += ' ';
      }
      run_open = false;
      ++i;
      continue;
    }
    if (!run_open) {
      out.to_html.add(out.text.size(), i);
      run_open = true;
    }
    out.text += c;
    ++i;
  }
  return out;
}

} // namespace tansiq::text
