// The counted nouns that give a figure its unit («شخصا» -> persons, «خلايا» -> cells,
// «قطعة سلاح» -> weapons), over normalised words.
#pragma once

#include <string_view>

namespace tansiq::text {

// The unit of a one- or two-word counted noun (second may be empty), or "" when unknown.
std::string_view unit_of(std::string_view word, std::string_view next = {});
// True when the unit came from two words (the noun phrase is two tokens long).
bool unit_takes_two_words(std::string_view word, std::string_view next);

// A time noun counting durations (أشهر، سنوات، أيام، أسابيع): "months", "years", "days",
// "weeks", or "".
std::string_view duration_unit(std::string_view word);

} // namespace tansiq::text
