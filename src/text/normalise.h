// Normalisation for indexing and matching only: the displayed text is never altered.
// Arabic: tatweel and harakat removed; أ إ آ ٱ -> ا; ى ی -> ي; ة -> ه; ک -> ك; presentation
// forms unfolded (NFKC); Arabic-Indic and Persian digits -> ASCII; ، ؛ ؟ -> , ; ?.
// Latin: case folded, accents removed (é -> e, ß -> ss). Format controls (ZWNJ, RLM, BOM) dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::text {

struct NormalisedText {
  std::string text;
  // source[i]: byte offset in the input of the character that produced byte i of `text`;
  // source[text.size()] == input size. Ill-formed UTF-8 bytes become spaces.
  std::vector<uint32_t> source;

  std::size_t to_source(std::size_t normalised_offset) const {
    return source[normalised_offset < source.size() ? normalised_offset : source.size() - 1];
  }
};

NormalisedText normalise(std::string_view utf8);

// The normalised form alone (knowledge-base keys, comparisons).
std::string normalise_key(std::string_view utf8);

} // namespace tansiq::text
