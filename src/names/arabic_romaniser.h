// Arabic script -> the symbols the cross-script aligner works on.
//
// One symbol per Arabic letter. Consonants take the class letter of their usual
// romanisation (ب b, ت ط t, ث 8 (th), ج j, ح ه h, خ x (kh), د ض d, ذ ظ 9 (dh/z), ر r, ز z,
// س ص s, ش c (sh/ch), غ g (gh), ف f, ق q, ك k, ل l, م m, ن n; Persian پ چ ژ گ ک ی likewise).
// Letters whose romanisation is a vowel or nothing keep what is known about them:
//   E  an initial alef (any vowel: a/e/i/o/u, or rarely nothing: Brahim)
//   A  a long a (ا, آ inside a word)
//   W  و (w/u/ou/o/oo/v)      Y  ي (y/i/ee/ie/ei/e)      M  ى (a or i: Mousa, Ali written على)
//   H  a final ة or ه (a/ah/at/et, or nothing)      '  ع and hamza (' or nothing)
// The article «ال» is not in the symbols: strip_arabic_article() takes it off.
#pragma once

#include <string>
#include <string_view>

namespace tansiq::names {

// Symbols of one Arabic word (without its article).
std::string arabic_symbols(std::u32string_view word);

// Removes a leading «ال» when what follows is a name (اللطيف -> لطيف, not الياس); returns
// whether it did.
bool strip_arabic_article(std::u32string& word);

} // namespace tansiq::names
