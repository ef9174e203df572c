#include "names/name_tokens.h"

#include "names/arabic_romaniser.h"
#include "names/latin_key.h"

#include <algorithm>
#include <array>

namespace tansiq::names {
namespace {

constexpr std::size_t max_forms = 4;

std::string ascii(std::u32string_view letters) {
  std::string out;
  for (char32_t c : letters)
    out += static_cast<char>(c);
  return out;
}

bool arabic_is(std::u32string_view word, std::initializer_list<std::u32string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// ابن بن بنت ولد اغ
bool is_arabic_particle(std::u32string_view w) {
  return arabic_is(w, {U"\u0628\u0646", U"\u0627\u0628\u0646", U"\u0625\u0628\u0646",
                       U"\u0628\u0646\u062A", U"\u0648\u0644\u062F", U"\u0627\u063A"});
}

// حاج حاجي الحاج ملا مولوي مولوى الشيخ شيخ قاري مولانا دكتور الدكتور
bool is_arabic_title(std::u32string_view w) {
  return arabic_is(w,
                   {U"\u062D\u0627\u062C", U"\u062D\u0627\u062C\u064A", U"\u062D\u0627\u062C\u06CC",
                    U"\u0627\u0644\u062D\u0627\u062C", U"\u0645\u0644\u0627",
                    U"\u0645\u0648\u0644\u0648\u064A", U"\u0645\u0648\u0644\u0648\u06CC",
                    U"\u0645\u0648\u0644\u0648\u0649", U"\u0627\u0644\u0634\u064A\u062E",
                    U"\u0634\u064A\u062E", U"\u0642\u0627\u0631\u064A", U"\u0642\u0627\u0631\u06CC",
                    U"\u0645\u0648\u0644\u0627\u0646\u0627", U"\u062F\u0643\u062A\u0648\u0631",
                    U"\u0627\u0644\u062F\u0643\u062A\u0648\u0631"});
}

constexpr std::u32string_view abd = U"\u0639\u0628\u062F";    // عبد
constexpr std::u32string_view abu1 = U"\u0627\u0628\u0648";   // ابو
constexpr std::u32string_view abu2 = U"\u0623\u0628\u0648";   // أبو
constexpr std::u32string_view article = U"\u0627\u0644";      // ال
constexpr std::u32string_view din = U"\u062F\u064A\u0646";    // دين (after the article)
constexpr std::u32string_view din2 = U"\u062F\u06CC\u0646";   // دین (Persian ی)
constexpr std::u32string_view rabbih = U"\u0631\u0628\u0647"; // ربه
constexpr std::u32string_view lah = U"\u0644\u0647";          // له (الله without article)

// Cuts glued compounds: عبدالخالق -> عبد + الخالق, محمدعبد -> محمد + عبد, أبواليزيد -> أبو +
// اليزيد.
void split_arabic(std::u32string_view w, std::vector<std::u32string>& out) {
  auto starts = [&](std::u32string_view p) { return w.substr(0, p.size()) == p; };
  if (w.size() > abd.size() + 2 && starts(abd)) {
    std::u32string_view rest = w.substr(abd.size());
    if (rest.substr(0, 2) == article) {
      out.emplace_back(abd);
      out.emplace_back(rest);
      return;
    }
  }
  for (auto abu : {abu1, abu2})
    if (w.size() > abu.size() + 3 && starts(abu) && w.substr(abu.size(), 2) == article) {
      out.emplace_back(abu);
      out.emplace_back(w.substr(abu.size()));
      return;
    }
  // نورالدين, سعيدالله: a glued second half.
  for (std::u32string_view tail : {std::u32string_view(U"\u0627\u0644\u062F\u064A\u0646"),
                                   std::u32string_view(U"\u0627\u0644\u062F\u06CC\u0646"),
                                   std::u32string_view(U"\u0627\u0644\u0644\u0647")})
    if (w.size() >= tail.size() + 2 && w.substr(w.size() - tail.size()) == tail) {
      out.emplace_back(w.substr(0, w.size() - tail.size()));
      out.emplace_back(tail);
      return;
    }
  if (w.size() > abd.size() + 1 && w.substr(w.size() - abd.size()) == abd) {
    out.emplace_back(w.substr(0, w.size() - abd.size()));
    out.emplace_back(abd);
    return;
  }
  out.emplace_back(w);
}

struct Word {
  Script script;
  std::string key; // Latin letters / Arabic word (UTF-8) for the rules
  std::u32string arabic;
  bool article = false;
  NamePart part;
};

std::vector<std::string> product(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b, bool arabic) {
  std::vector<std::string> out;
  for (const auto& x : a)
    for (const auto& y : b) {
      std::string left = x;
      if (arabic && !left.empty() && left.back() == 'H')
        left.back() = 't'; // هبة الله: the ة is pronounced where the compound joins
      std::string joined = left + y;
      if (std::find(out.begin(), out.end(), joined) == out.end() && out.size() < max_forms)
        out.push_back(std::move(joined));
    }
  return out;
}

} // namespace

NamePart join_parts(const NamePart& left, const NamePart& right) {
  NamePart out;
  out.script = left.script;
  out.forms = product(left.forms, right.forms, left.script == Script::arabic);
  out.display = left.display + " " + right.display;
  return out;
}

NameParts name_parts(const NormalisedName& name) {
  NameParts result;
  std::vector<RawWord> words = name.words;
  // Family name first: "MAHDI, Adil Abdallah" or "HAMMOUCHI Abdellatif".
  std::size_t family_first = 0;
  if (name.words_before_comma > 0 && name.words_before_comma < static_cast<int>(words.size())) {
    family_first = static_cast<std::size_t>(name.words_before_comma);
  } else {
    std::size_t caps = 0;
    while (caps < words.size() && words[caps].all_caps)
      ++caps;
    bool rest_has_caps = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(caps), words.end(),
                                     [](const RawWord& w) { return w.all_caps; });
    bool rest_latin_lower =
        std::any_of(words.begin() + static_cast<std::ptrdiff_t>(caps), words.end(),
                    [](const RawWord& w) { return w.script == Script::latin; });
    if (caps > 0 && caps < words.size() && !rest_has_caps && rest_latin_lower)
      family_first = caps;
  }
  if (family_first > 0) {
    std::rotate(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(family_first),
                words.end());
    result.reordered = true;
  }

  // Words -> one Word per name word, compounds cut apart.
  std::vector<Word> list;
  for (const RawWord& raw : words) {
    if (raw.script == Script::latin) {
      Word w{Script::latin, ascii(raw.letters), {}, false, {}};
      std::erase(w.key, '\'');
      if (w.key.empty())
        continue;
      w.part.display = ascii(raw.letters);
      list.push_back(std::move(w));
    } else {
      std::vector<std::u32string> pieces;
      split_arabic(raw.letters, pieces);
      for (auto& piece : pieces) {
        Word w{Script::arabic, {}, piece, false, {}};
        w.part.display = to_utf8(piece);
        list.push_back(std::move(w));
      }
    }
  }

  // Drop particles and titles; compute forms.
  std::vector<Word> kept;
  for (auto& w : list) {
    if (w.script == Script::latin) {
      if (is_latin_particle(w.key) || is_latin_title(w.key))
        continue;
      w.part.script = Script::latin;
      w.part.forms = latin_forms(w.key);
    } else {
      if (is_arabic_particle(w.arabic) || is_arabic_title(w.arabic))
        continue;
      std::u32string word = w.arabic;
      w.article = strip_arabic_article(word);
      w.key = to_utf8(word);
      w.part.script = Script::arabic;
      std::string symbols = arabic_symbols(word);
      if (symbols.empty())
        continue;
      w.part.forms = {symbols};
    }
    if (w.part.forms.empty())
      continue;
    kept.push_back(std::move(w));
  }

  // Join compounds: عبد X, أبو X, Abdul X, Abu X; X الدين, X الله, X al-Din, X Allah.
  auto is_prefix = [](const Word& w) {
    if (w.script == Script::latin)
      return is_latin_abd_prefix(w.key) || is_latin_abu_prefix(w.key);
    return w.arabic == abd || w.arabic == abu1 || w.arabic == abu2;
  };
  auto is_suffix = [](const Word& w) {
    if (w.script == Script::latin)
      return is_latin_compound_suffix(w.key);
    return w.article && (w.key == to_utf8(din) || w.key == to_utf8(din2) || w.key == to_utf8(lah));
  };
  std::vector<NamePart> parts;
  std::vector<bool> joinable_prefix;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    NamePart part = kept[i].part;
    // «عبد» alone before a word without the article is the name Abid/Abd (عبد صكر).
    bool arabic_abd_alone = kept[i].script == Script::arabic && kept[i].arabic == abd &&
                            i + 1 < kept.size() && !kept[i + 1].article &&
                            kept[i + 1].arabic != rabbih;
    if (is_prefix(kept[i]) && !arabic_abd_alone && i + 1 < kept.size() &&
        kept[i + 1].script == kept[i].script && !is_prefix(kept[i + 1])) {
      part = join_parts(part, kept[i + 1].part);
      ++i;
    }
    if (i + 1 < kept.size() && is_suffix(kept[i + 1]) && kept[i + 1].script == kept[i].script) {
      part = join_parts(part, kept[i + 1].part);
      ++i;
    }
    parts.push_back(std::move(part));
  }
  result.parts = std::move(parts);
  return result;
}

} // namespace tansiq::names
