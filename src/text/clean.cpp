#include "text/clean.h"

#include "text/html.h"
#include "text/normalise.h"
#include "text/utf8.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace tansiq::text {
namespace {

struct Line {
  std::size_t begin, end; // in the (possibly HTML-derived) text
};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++n;
  return n;
}

// Normalised line with whitespace runs collapsed (rule matching, repeat detection).
std::string key_of(std::string_view line) {
  std::string n = normalise_key(line);
  std::string out;
  out.reserve(n.size());
  for (char c : n) {
    bool space = c == ' ' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ')
        out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

constexpr std::array<std::string_view, 8> weekdays = {"السبت",    "الاحد",    "الاثنين", "الإثنين",
                                                      "الثلاثاء", "الاربعاء", "الخميس",  "الجمعه"};

bool is_date_ticker(std::string_view key) {
  if (!starts_with(key, "اليوم "))
    return false;
  std::string_view rest = key.substr(std::string_view("اليوم ").size());
  static const std::vector<std::string> days = [] {
    std::vector<std::string> out;
    for (auto day : weekdays)
      out.push_back(normalise_key(day));
    return out;
  }();
  for (const auto& day : days)
    if (starts_with(rest, day))
      return rest.find_first_of("0123456789") != std::string_view::npos;
  return false;
}

bool is_ticker_label(std::string_view key) {
  for (std::string_view label : {"عاجل", "الاخبار العاجله", "اخبار عاجله", "اخر الاخبار",
                                 "breaking news", "derniere minute", "a la une", "flash"})
    if (key == label)
      return true;
  return false;
}

// 3+ segments separated by runs of 3+ spaces or tabs: a headline ticker.
bool is_headline_ticker(std::string_view line) {
  int gaps = 0;
  std::size_t run = 0;
  std::string_view s = trim(line);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || nbsp) {
      run += c == '\t' ? 3 : 1;
      i += nbsp ? 1 : 0;
    } else {
      if (run >= 3)
        ++gaps;
      run = 0;
    }
  }
  return gaps >= 2;
}

bool is_bullet(std::string_view trimmed) {
  for (std::string_view b : {"•", "●", "▪", "■", "◄", "►", "»", "- ", "* "})
    if (starts_with(trimmed, b))
      return true;
  return false;
}

bool is_comment_widget(std::string_view key) {
  if (key.size() > 160)
    return false;
  for (std::string_view w : {"اترك تعليق", "اضف تعليق", "اضف تعليقا", "ارسل تعليق", "التعليقات",
                             "تعليقات", "علق على", "laisser un commentaire", "commentaires",
                             "leave a comment", "comments", "add a comment", "يجب ان تسجل الدخول"})
    if (contains(key, w))
      return true;
  return false;
}

bool is_widget(std::string_view key) {
  if (key.size() > 200)
    return false;
  static constexpr auto starts = std::to_array<std::string_view>({"شارك",
                                                                  "مشاركه",
                                                                  "اوسمه",
                                                                  "الوسوم",
                                                                  "كلمات مفتاحيه",
                                                                  "كلمات دلاليه",
                                                                  "رابط مختصر",
                                                                  "طباعه",
                                                                  "اقرا ايضا",
                                                                  "اقرا المزيد",
                                                                  "انقر هنا",
                                                                  "اضغط هنا",
                                                                  "شكرا على الابلاغ",
                                                                  "سيتم حجب هذه الصوره",
                                                                  "تابعونا",
                                                                  "تابعنا على",
                                                                  "share",
                                                                  "partager",
                                                                  "read more",
                                                                  "lire aussi",
                                                                  "lire la suite",
                                                                  "imprimer",
                                                                  "print",
                                                                  "tags",
                                                                  "follow us",
                                                                  "اشترك في",
                                                                  "تابع اخر الاخبار",
                                                                  "تابعوا",
                                                                  "حمل تطبيق",
                                                                  "read also",
                                                                  "related:",
                                                                  "related articles",
                                                                  "see also",
                                                                  "voir aussi",
                                                                  "a lire aussi",
                                                                  "advertisement",
                                                                  "publicite",
                                                                  "support our journalism",
                                                                  "cet article est reserve"});
  static const std::vector<std::string> normalised = [] {
    std::vector<std::string> out;
    for (auto s : starts)
      out.push_back(normalise_key(s));
    return out;
  }();
  for (const auto& s : normalised)
    if (starts_with(key, s))
      return true;
  for (std::string_view w : {"فيسبوك", "تويتر", "واتساب", "facebook", "twitter", "whatsapp"})
    if (contains(key, w) && key.size() < 80)
      return true;
  return false;
}

bool is_comment_policy(std::string_view key) {
  return contains(key, "تعليق") && (contains(key, "لا يعبر") || contains(key, "تحتفظ") ||
                                    contains(key, "الشروط") || contains(key, "بنشر اي"));
}

bool is_site_label(std::string_view key) {
  return key.size() < 120 && !key.empty() && key.back() == ':' &&
         (starts_with(key, "جريده") || starts_with(key, "صحيفه") || starts_with(key, "موقع"));
}

bool is_navigation(std::string_view key) {
  if (key.size() > 300)
    return false;
  int separators = 0;
  std::size_t longest = 0, segment_start = 0;
  for (std::size_t i = 0; i < key.size(); ++i)
    if (key[i] == '|' || (key.compare(i, 2, "»") == 0)) {
      ++separators;
      longest = std::max(longest, i - segment_start);
      segment_start = i + 1;
    }
  longest = std::max(longest, key.size() - segment_start);
  // Three short segments («عاجل: ... | ... | ...», «Accueil | Régions | Monde») are a menu
  // or a headline ticker, not a sentence.
  return separators >= 3 || (separators >= 2 && longest <= 100);
}

// Where a stamp or link marker starts inside the raw line (byte offset), or npos.
std::size_t cut_marker(std::string_view raw, std::string& rule) {
  static constexpr std::array<std::string_view, 9> stamps = {
      "آخر تحديث",  "أخر تحديث", "اخر تحديث",    "آخر تحديث",    "Mis à jour",
      "Mis a jour", "Updated:",  "Last updated", "تاريخ التحديث"};
  for (auto s : stamps) {
    std::size_t at = raw.find(s);
    if (at != std::string_view::npos) {
      rule = "update-stamp";
      return at;
    }
  }
  for (std::string_view s : {"رابط الخبر", "رابط المقال"}) {
    std::size_t at = raw.find(s);
    if (at != std::string_view::npos) {
      rule = "source-link";
      return at;
    }
  }
  return std::string_view::npos;
}

Error bad(std::string message) {
  return make_error(Error::Kind::invalid_input, std::move(message));
}

} // namespace

Result<CleanedText> clean(std::string_view input) {
  CleanedText out;
  if (input.size() > max_article_bytes)
    return bad("article too large: " + std::to_string(input.size()) + " bytes (limit " +
               std::to_string(max_article_bytes) + ")");
  std::size_t invalid = first_invalid_utf8(input);
  if (invalid != std::string_view::npos)
    return bad("not valid UTF-8 at byte " + std::to_string(invalid));
  std::size_t controls = 0;
  for (char c : input) {
    auto b = static_cast<unsigned char>(c);
    if (b == 0)
      return bad("binary data: NUL byte");
    if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')
      ++controls;
  }
  if (controls > 8 && controls * 100 > input.size())
    return bad("binary data: " + std::to_string(controls) + " control bytes");

  HtmlText html;
  std::string_view source = input;
  if (looks_like_html(input)) {
    html = html_to_text(input);
    source = html.text;
    out.was_html = true;
  }
  auto to_input = [&](std::size_t at) { return out.was_html ? html.to_html.to_source(at) : at; };
  auto remove = [&](std::size_t b, std::size_t e, const char* rule) {
    if (out.removed.size() < 10000)
      out.removed.push_back({to_input(b), to_input(e), rule});
  };

  std::vector<Line> lines;
  for (std::size_t i = 0; i <= source.size();) {
    std::size_t nl = source.find('\n', i);
    if (nl == std::string_view::npos)
      nl = source.size();
    lines.push_back({i, nl});
    i = nl + 1;
  }

  // Runs of 3+ bullet lines.
  std::vector<bool> bullet_run(lines.size(), false);
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j < lines.size() &&
           is_bullet(trim(source.substr(lines[j].begin, lines[j].end - lines[j].begin))))
      ++j;
    if (j - i >= 3)
      for (std::size_t k = i; k < j; ++k)
        bullet_run[k] = true;
    i = j == i ? i + 1 : j;
  }

  std::unordered_set<std::string> seen;
  OffsetMap local; // out.text -> source
  bool body_seen = false;
  bool footer = false;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    Line line = lines[index];
    std::string_view raw = source.substr(line.begin, line.end - line.begin);
    if (footer) {
      if (!trim(raw).empty())
        remove(line.begin, line.end, "footer");
      continue;
    }
    std::string rule;
    std::size_t cut = cut_marker(raw, rule);
    if (cut != std::string_view::npos) {
      remove(line.begin + cut, line.end, rule.c_str());
      raw = raw.substr(0, cut);
    }
    std::string_view trimmed = trim(raw);
    if (trimmed.empty())
      continue;
    std::size_t begin = line.begin + static_cast<std::size_t>(trimmed.data() - raw.data());
    std::size_t end = begin + trimmed.size();
    std::string key = key_of(trimmed);
    const char* drop = nullptr;
    if (key.empty())
      drop = "blank";
    else if (bullet_run[index] || is_date_ticker(key) || is_ticker_label(key) ||
             is_headline_ticker(trimmed))
      drop = "ticker";
    else if (is_comment_widget(key)) {
      drop = "widget";
      if (body_seen)
        footer = true;
    } else if (is_widget(key))
      drop = "widget";
    else if (is_comment_policy(key) || is_site_label(key))
      drop = "footer";
    else if (is_navigation(key))
      drop = "navigation";
    else if (!seen.insert(key).second)
      drop = "repeated";
    if (drop) {
      remove(begin, end, drop);
      continue;
    }
    if (count_chars(trimmed) >= 120)
      body_seen = true;
    if (!out.text.empty())
      out.text += '\n';
    local.add(out.text.size(), begin);
    out.text.append(trimmed);
    if (out.headline_end == 0)
      out.headline_end = out.text.size();
  }
  out.to_input = out.was_html ? local.then(html.to_html) : local;
  return out;
}

} // namespace tansiq::text
