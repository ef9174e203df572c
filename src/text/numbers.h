// Numbers written in digits or in Arabic words, over a token stream: «1120», «8.5 ملايين»,
// «10 آلاف», «سبع», «ثلاثة عشر», «خمسة وعشرون», «مئة», «04 مليون و254 ألف و367».
#pragma once

#include "text/tokenise.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace tansiq::text {

struct ParsedNumber {
  double value = 0;
  std::size_t first = 0, last = 0; // token range [first, last)
  bool in_words = false;
};

// The number starting at token `i` (digits or Arabic number words, with multipliers and
// «و» compounds), or nothing.
std::optional<ParsedNumber> parse_number(const std::vector<Token>& tokens, std::size_t i);

// Value of a single Arabic cardinal word (normalised, without «و»), or -1.
double cardinal_word_value(std::string_view word);

// Value of an Arabic ordinal day word (الأول .. العاشر, الحادي عشر ...), or 0; `words` is how
// many tokens it took.
int ordinal_value(const std::vector<Token>& tokens, std::size_t i, std::size_t& words);

} // namespace tansiq::text
