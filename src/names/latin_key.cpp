#include "names/latin_key.h"

#include <algorithm>
#include <array>

namespace tansiq::names {
namespace {

template <std::size_t N>
bool among(std::string_view word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Letters that the article assimilates to (ash-Shami, ad-Din, Essaadi, Ezzedine).
bool is_sun_letter(char c) {
  return c == 't' || c == 'd' || c == 'r' || c == 'z' || c == 's' || c == 'n' || c == 'l' ||
         c == 'c';
}

char coarse(char c) {
  switch (c) {
  case 'b':
  case 'p':
    return 'b';
  case 't':
  case '8':
    return 't';
  case 'd':
  case '9':
  case 'z':
    return 'd';
  case 's':
  case 'c':
    return 's';
  case 'j':
  case 'g':
    return 'j';
  case 'h':
  case 'x':
    return 'h';
  case 'k':
  case 'q':
    return 'k';
  case 'f':
  case 'v':
    return 'f';
  case 'l':
  case 'm':
  case 'n':
  case 'r':
    return c;
  default:
    return 0;
  }
}

void push_collapsed(std::string& out, char c) {
  if (c != 0 && (out.empty() || out.back() != c))
    out += c;
}

} // namespace

bool is_latin_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 30> list = {
      "al",  "el",   "ul",    "il",   "ad", "ar",   "as",    "ash",  "at",  "az",
      "adh", "an",   "ed",    "er",   "es", "et",   "ez",    "en",   "ibn", "bin",
      "ben", "bint", "binti", "ould", "ag", "wuld", "walad", "ibnu", "aal", "ath"};
  return among(w, list);
}

bool is_latin_title(std::string_view w) {
  static constexpr std::array<std::string_view, 27> list = {
      "haji",    "hajji",  "hadji",   "hajj",    "hadj",   "alhaj",   "alhajj", "mullah", "mulla",
      "molla",   "mullah", "mawlawi", "maulavi", "maulvi", "mawlavi", "molvi",  "moulvi", "maulana",
      "mawlana", "sheikh", "shaykh",  "cheikh",  "sheik",  "shaikh",  "qari",   "dr",     "doctor"};
  return among(w, list);
}

bool is_latin_abd_prefix(std::string_view w) {
  static constexpr std::array<std::string_view, 10> list = {
      "abd", "abdul", "abdel", "abdal", "abdil", "abdol", "abdoul", "abdelh", "abdl", "abdoel"};
  return among(w, list);
}

bool is_latin_abu_prefix(std::string_view w) {
  static constexpr std::array<std::string_view, 4> list = {"abu", "abou", "abo", "aboo"};
  return among(w, list);
}

bool is_latin_compound_suffix(std::string_view w) {
  static constexpr std::array<std::string_view, 25> list = {
      "din",    "deen",  "dine",  "ddin",  "ddine", "eddine", "eddin", "uddin", "udin",
      "uddeen", "allah", "ullah", "illah", "alla",  "ulla",   "lah",   "ollah", "allaah",
      "dean",   "ddeen", "eldin", "aldin", "uldin", "eldine", "aldeen"};
  return among(w, list);
}

std::vector<std::string> latin_forms(std::string_view word) {
  std::string w;
  for (char c : word)
    if (c != '\'')
      w += c;
  std::vector<std::string> forms;
  auto add = [&](std::string f) {
    if (!f.empty() && std::find(forms.begin(), forms.end(), f) == forms.end())
      forms.push_back(std::move(f));
  };
  // Salahaldin, Nooraldeen: the article before "din" is not a letter of the name.
  for (std::string_view tail : {"ldin", "ldeen", "ldine"}) {
    if (w.size() > tail.size() + 3 && w.ends_with(tail) && is_vowel(w[w.size() - tail.size() - 1]))
      w.erase(w.size() - tail.size(), 1);
  }
  // Binalshibh, Benalhassan: "bin al-" glued to the family name.
  for (std::string_view glued : {"binal", "benal", "ibnal", "binel", "benel"})
    if (w.size() >= glued.size() + 3 && starts_with(w, glued)) {
      add(w.substr(glued.size()));
      add(w);
      return forms;
    }
  if (starts_with(w, "abd") && w.size() > 3) {
    // Abdellatif, Abdul Latif, Abderrahmane, Abdelaziz: abd + (vowel) + (article) + name.
    std::string rest = w.substr(3);
    if (starts_with(rest, "ou"))
      rest.erase(0, 2);
    else if (!rest.empty() && is_vowel(rest[0]))
      rest.erase(0, 1);
    if (rest.size() >= 2 && rest[0] == rest[1] && is_sun_letter(rest[0])) {
      add("abd" + rest.substr(1)); // Abderrahmane: the article assimilated (ar-Rahman)
    } else if (!rest.empty() && rest[0] == 'l') {
      add("abd" + rest.substr(1)); // Abdellatif -> abd + latif / Abdelaziz -> abd + aziz
      add("abd" + rest);           // Abdelatif -> abd + latif
    }
    add("abd" + rest);
    add(w);
    return forms;
  }
  add(w);
  // A glued article: Alhamouchi, Elhamouchi, Essaadi, Ettaher.
  if (w.size() >= 6 && (starts_with(w, "al") || starts_with(w, "el")))
    add(w.substr(2));
  else if (w.size() >= 6 && (w[0] == 'a' || w[0] == 'e') && w[1] == w[2] && is_sun_letter(w[1]))
    add(w.substr(2));
  return forms;
}

std::string latin_skeleton(std::string_view f) {
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) {
    char c = f[i], next = i + 1 < f.size() ? f[i + 1] : 0;
    if (next == 'h' && (c == 'k' || c == 'g' || c == 's' || c == 'c' || c == 't' || c == 'd' ||
                        c == 'p' || c == 'z')) {
      static constexpr std::string_view digraph_from = "kgsctdpz";
      static constexpr std::string_view digraph_to = "hjsstdfj";
      push_collapsed(out, coarse(digraph_to[digraph_from.find(c)]));
      ++i;
      continue;
    }
    if (c == 'd' && next == 'j') {
      push_collapsed(out, 'j');
      ++i;
      continue;
    }
    if (c == 'c' && (next == 'k'))
      continue;
    if (c == 'c')
      c = (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    if (c == 'x')
      c = 'h';
    if (c == 'h' && i + 1 == f.size())
      continue; // Abdallah / Abdalla, Fatimah / Fatima
    push_collapsed(out, coarse(c));
    if (is_vowel(c) || c == 'w' || c == 'y') {
      // vowels do not separate equal consonants in the key: none, so nothing to do
    }
  }
  return out;
}

std::string arabic_skeleton(std::string_view symbols) {
  std::string out;
  for (char s : symbols)
    push_collapsed(out, coarse(s));
  return out;
}

} // namespace tansiq::names
