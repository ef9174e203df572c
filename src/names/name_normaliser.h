// Step 1 of matching: UTF-8 in, checked and normalised words out.
// NFKC (Arabic presentation forms, ligatures), case folding, Latin accents removed,
// Arabic diacritics and tatweel removed; words split at spaces, hyphens and punctuation
// and at a change of script. Only Latin and Arabic script letters are kept.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace tansiq::names {

enum class Script : unsigned char { latin, arabic };

inline constexpr std::size_t max_name_bytes = 1024;
inline constexpr std::size_t max_name_words = 16;

struct RawWord {
  std::u32string letters; // Latin: folded ASCII letters and '\''; Arabic: Arabic letters
  Script script = Script::latin;
  bool all_caps = false; // Latin word written in capitals in the input (HAMMOUCHI)
};

struct NormalisedName {
  std::vector<RawWord> words;
  int words_before_comma = -1; // "MAHDI, Adil": 1; -1 without a comma
};

// Errors (Error::Kind::invalid_input): invalid UTF-8, longer than max_name_bytes,
// control characters, letters of another script, no letters, fewer than two letters,
// more than max_name_words words.
Result<NormalisedName> normalise_name(std::string_view utf8);

std::string to_utf8(std::u32string_view text);

} // namespace tansiq::names
