// Latin words -> the letter forms the aligner compares, and the consonant skeletons
// shared by both scripts (used for the candidate index).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tansiq::names {

// Particles that are not name parts: the article (al, el, ad-, ash-...), son/daughter of
// (ibn, bin, ben, bint, ould, ag).
bool is_latin_particle(std::string_view word);
// Honorifics and titles that are not name parts (haji, mullah, mawlawi, sheikh, dr...).
bool is_latin_title(std::string_view word);
// "abd", "abdul", "abdel", "abdal"...: the first half of a «عبد» compound written apart.
bool is_latin_abd_prefix(std::string_view word);
// "abu", "abou", "abo": the first half of a kunya written apart.
bool is_latin_abu_prefix(std::string_view word);
// "din", "deen", "eddine", "uddin", "allah", "ullah"...: the second half of a compound
// (Salah al-Din, Nasr Allah) written apart.
bool is_latin_compound_suffix(std::string_view word);

// The forms one Latin word may stand for, most likely first, each lower-case ASCII
// letters without apostrophes: Abdellatif -> {abdlatif, abdatif}; Elhamouchi ->
// {elhamouchi, hamouchi}; Salahaldin -> {salahdin}.
std::vector<std::string> latin_forms(std::string_view word);

// Consonant skeleton in the coarse classes both scripts share (b d f h j k l m n r s t):
// vowels, w/y, apostrophes and a final h dropped, doubled letters collapsed.
// hammouchi -> hms, abdlatif -> bdltf.
std::string latin_skeleton(std::string_view form);
std::string arabic_skeleton(std::string_view symbols);

} // namespace tansiq::names
