// Sentence and word boundaries over normalised text, and the clitic readings of a word.
// Words are runs of letters of one script (Arabic or Latin); numbers are digit runs (with
// an inner '.' or ',' followed by digits); every other non-space character is a one-character
// punctuation token. A sentence ends at . ! ? ; or a line break.
#pragma once

#include "text/normalise.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::text {

enum class TokenKind : unsigned char { word, number, punct };

struct Token {
  uint32_t begin = 0, end = 0;   // byte offsets in the text that was normalised (display text)
  uint32_t nbegin = 0, nend = 0; // byte offsets in the normalised text
  std::string norm;              // normalised form
  TokenKind kind = TokenKind::word;
  bool arabic = false;
  bool space_before = false; // whitespace between this token and the previous one
  bool line_start = false;   // first token of a line
  uint32_t sentence = 0;
};

std::vector<Token> tokenise(const NormalisedText& text);

// A token of a normalised text without what tokenise() adds for the pipeline (display offsets,
// its own copy of the form, lines, sentences): for the near-duplicate fingerprint and the
// search index, which only need the words. The same scanner cuts both, so tokenise(n)[k] and
// token_spans(n.text)[k] are always the same token.
struct TokenSpan {
  uint32_t nbegin = 0, nend = 0; // byte offsets in the normalised text
  TokenKind kind = TokenKind::word;
  bool arabic = false;
};

std::vector<TokenSpan> token_spans(std::string_view normalised);

// A reading of a word with its clitic prefix split off: `form` is what to look up,
// `prefix_bytes` how many bytes of the normalised word the prefix takes (the mention starts
// after them). «للمغرب» reads as ل + «المغرب» (prefix 2 bytes, form «المغرب»).
struct CliticReading {
  std::string form;
  uint32_t prefix_bytes = 0;
};

// Readings in order of preference: the word itself first, then shorter stems. Prefixes:
// و ف, then ب ل ك, then ال (only through لل = ل + ال). A stem keeps at least 2 letters.
std::vector<CliticReading> clitic_readings(std::string_view normalised_word);

// The word without a leading article and clitics (for comparisons): «وبالمغرب» -> «مغرب».
std::string strip_clitics_and_article(std::string_view normalised_word);

} // namespace tansiq::text
