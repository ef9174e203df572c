#include "names/arabic_romaniser.h"

#include <array>

namespace tansiq::names {
namespace {

constexpr char32_t alef = U'\u0627';
constexpr char32_t lam = U'\u0644';

// Symbol of a letter that does not depend on its position; 0 for none.
char consonant_symbol(char32_t c) {
  switch (c) {
  case U'\u0628':
  case U'\u067E':
    return 'b'; // ب پ
  case U'\u062A':
  case U'\u0637':
  case U'\u0679':
    return 't'; // ت ط ٹ
  case U'\u062B':
    return '8'; // ث
  case U'\u062C':
  case U'\u0698':
  case U'\u0686':
    return 'j'; // ج ژ; چ below as c
  case U'\u062D':
  case U'\u06BE':
    return 'h'; // ح ھ
  case U'\u0647':
  case U'\u06C1':
    return 'h'; // ه ہ
  case U'\u062E':
    return 'x'; // خ
  case U'\u062F':
  case U'\u0636':
  case U'\u0688':
    return 'd'; // د ض ڈ
  case U'\u0630':
  case U'\u0638':
    return '9'; // ذ ظ
  case U'\u0631':
  case U'\u0691':
    return 'r'; // ر ڑ
  case U'\u0632':
  case U'\u0681':
  case U'\u0685':
    return 'z'; // ز, Pashto ځ څ (dz, ts)
  case U'\u069A':
    return 'c'; // Pashto ښ (sh/kh)
  case U'\u0696':
    return 'j'; // Pashto ږ (zh/g)
  case U'\u0689':
    return 'd'; // Pashto ډ
  case U'\u067C':
    return 't'; // Pashto ټ
  case U'\u0693':
    return 'r'; // Pashto ړ
  case U'\u06BC':
    return 'n'; // Pashto ڼ
  case U'\u0633':
  case U'\u0635':
    return 's'; // س ص
  case U'\u0634':
    return 'c'; // ش
  case U'\u063A':
  case U'\u06AF':
  case U'\u06A8':
  case U'\u06AD':
    return 'g'; // غ گ ڨ ڭ
  case U'\u0641':
  case U'\u06A4':
    return 'f'; // ف ڤ
  case U'\u0642':
    return 'q'; // ق
  case U'\u0643':
  case U'\u06A9':
  case U'\u06AA':
    return 'k'; // ك ک ڪ
  case U'\u0644':
    return 'l';
  case U'\u0645':
    return 'm';
  case U'\u0646':
  case U'\u06BA':
    return 'n'; // ن ں
  case U'\u0639':
    return '\''; // ع
  case U'\u0621':
  case U'\u0624':
  case U'\u0626':
    return '\''; // ء ؤ ئ
  case U'\u0648':
  case U'\u06C6':
  case U'\u06C7':
  case U'\u06C8':
  case U'\u06CB':
    return 'W';
  case U'\u064A':
  case U'\u06CC':
  case U'\u06D2':
  case U'\u06D3':
  case U'\u06D0':
    return 'Y';
  case U'\u0649':
    return 'M'; // ى
  case U'\u0629':
  case U'\u06C0':
  case U'\u06D5':
    return 'H'; // ة ۀ ە
  default:
    return 0;
  }
}

bool is_alef(char32_t c) {
  return c == alef || c == U'\u0623' || c == U'\u0625' || c == U'\u0622' || c == U'\u0671' ||
         c == U'\u0672' || c == U'\u0673';
}

} // namespace

std::string arabic_symbols(std::u32string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char32_t c = word[i];
    bool first = i == 0, last = i + 1 == word.size();
    if (c == U'\u0686') { // چ
      out += 'c';
      continue;
    }
    if (is_alef(c)) {
      if (first)
        out += 'E';
      else if (c == U'\u0623' || c == U'\u0625')
        out += '\''; // hamza carried by alef inside a word
      else
        out += 'A';
      continue;
    }
    char s = consonant_symbol(c);
    if (s == 'h' && last && !first && c == U'\u0647')
      s = 'H'; // final ه: often silent or "ah"
    if (s == 'H' && !last)
      s = 't'; // ة inside a joined compound is pronounced t
    if (c == U'\u06CC' && last && !first)
      s = 'M'; // Persian ی ends a word as i or a (عیسی Isa, علی Ali)
    if (s == 'M' && !last)
      s = 'A';
    if (s != 0)
      out += s;
  }
  return out;
}

bool strip_arabic_article(std::u32string& word) {
  if (word.size() < 4 || word[0] != alef || word[1] != lam)
    return false;
  static constexpr std::array<std::u32string_view, 4> names_not_articles = {
      U"\u0627\u0644\u064A\u0627\u0633", // الياس Ilyas
      U"\u0627\u0644\u0647\u0627\u0645", // الهام Ilham
      U"\u0627\u0644\u0637\u0627\u0641", // الطاف Altaf
      U"\u0627\u0644\u0641\u062A",       // الفت Ulfat
  };
  for (auto name : names_not_articles)
    if (word == name)
      return false;
  word.erase(0, 2);
  return true;
}

} // namespace tansiq::names
