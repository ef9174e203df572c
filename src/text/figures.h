// Figures: numbers in digits or words tied to what they count («1120 مواطن» -> 1120 persons,
// «سبع خلايا» -> 7 cells, «10 آلاف قطعة سلاح» -> 10000 weapons, «الموقوفين الـ 50» -> 50
// persons, «ال29 من العمر» -> age 29). Numbers that are part of a date are not figures.
#pragma once

#include "text/tokenise.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::text {

struct Figure {
  uint32_t begin = 0, end = 0; // byte offsets in the display text (number through noun)
  double value = 0;
  std::string unit;         // persons, cells, weapons, raids, cases, kg, TND, years_age ...
  std::string noun;         // the counted noun as normalised, "" for ages
  bool approximate = false; // نحو، حوالي، أكثر من، قرابة ...
};

// `used[i]` marks tokens already taken (dates); `is_nationality` says whether a normalised
// word is a nationality noun («هندي», «مغربي»), which then counts persons.
std::vector<Figure> find_figures(const std::vector<Token>& tokens, const std::vector<bool>& used,
                                 const std::function<bool(std::string_view)>& is_nationality);

} // namespace tansiq::text
