// Normalised words -> name parts: the units the scorer aligns.
//  - particles (al-, ibn/bin/ben, ould, ag) and titles (haji, mullah, الحاج...) are dropped;
//  - «عبد X», «أبو X», Abdul X, Abu X become one part, and so do X al-Din / X Allah;
//  - "FAMILY, Given" and "FAMILY Given" (family name in capitals first) are put back in
//    Given ... Family order.
#pragma once

#include "names/name_normaliser.h"

#include <string>
#include <vector>

namespace tansiq::names {

struct NamePart {
  Script script = Script::latin;
  // Latin: lower-case ASCII letter forms (latin_forms); Arabic: symbols (arabic_symbols).
  // forms[0] is the most likely reading. Never empty.
  std::vector<std::string> forms;
  std::string display; // the words as written (normalised), for explanations
};

struct NameParts {
  std::vector<NamePart> parts;
  bool reordered = false; // a family-name-first form was turned round
};

NameParts name_parts(const NormalisedName& name);

// Concatenation of two parts of the same script (used to match Akhund Zada with Akhunzada).
NamePart join_parts(const NamePart& left, const NamePart& right);

} // namespace tansiq::names
