// Scores: one name part against another (any scripts), then a whole name against another.
#pragma once

#include "names/matcher.h"
#include "names/name_tokens.h"

#include <string>
#include <unordered_map>

namespace tansiq::names {

// Similarity of two name parts in [0, 1]. Arabic against Latin aligns each Arabic symbol
// with the Latin letters that can romanise it; same-script parts use a weighted edit
// distance in which near-equivalent letters (k/q, t/th, u/ou...) cost little. `how`, when
// given, receives a short description of the comparison.
double part_similarity(const NamePart& a, const NamePart& b, std::string* how = nullptr);

// Cost of reading Arabic symbols as Latin letters (0 = a standard romanisation).
double romanisation_cost(std::string_view arabic_symbols, std::string_view latin_letters);

// Similarity of two names in [0, 1]: parts aligned in order (the entry may be rotated, as
// when a family name is written first), two parts may stand for one (Akhund Zada /
// Akhunzada); a part on one side facing a different part on the other costs much more
// than a part simply missing.
// Part similarities already computed for one query (keyed by query part and entry part
// forms): names in a list share many parts (Muhammad, Abdallah...).
using SimilarityCache = std::unordered_map<std::string, double>;

double score_names(const NameParts& query, const NameParts& entry, Explanation* explanation,
                   SimilarityCache* cache = nullptr);

} // namespace tansiq::names
