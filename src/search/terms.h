// Internal to tansiq_search: how a word becomes an index term. Index and query go through the
// same function, so whatever one side does (normalisation, clitics, stemming) the other does too.
//
//   Arabic  src/text's normalisation (harakat and tatweel removed, alef/yaa/taa-marbuta
//           unified), then every reading of the word with its clitic prefixes (و ف ب ل ك and
//           the article ال, through src/text's clitic_readings) taken off, as long as 3
//           letters remain, each through Xapian's Snowball "arabic" stemmer: «والمغرب»,
//           «بالمغرب», «المغربية» all have the term «مغرب»; «وجدة» has «وجده» and «جده».
//   Latin   normalised (case and accents folded), then the Snowball stemmer of the document's
//           language ("french" for fr, "english" otherwise); a query word in Latin script is
//           looked up under both its English and its French stem.
//   Numbers as written (ASCII digits after normalisation).
// Stop-words (Arabic, French, English) are not indexed.
#pragma once

#include "text/tokenise.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tansiq::search::detail {

enum class Language { arabic, french, english };

// "fr" -> french, "en" -> english, anything else -> arabic (whose Latin words use english).
Language language_of(std::string_view lang);

class Analyser {
public:
  Analyser();

  // The terms of one token (as produced by text::tokenise): none for a stop-word or
  // punctuation, one for a Latin word or a number, and for an Arabic word one per reading
  // (the word itself, and without its clitics and article when 3 letters remain), since a
  // first letter may be a clitic («والمغرب») or not («وجدة»). `language` chooses the stemmer
  // for Latin words.
  std::vector<std::string> terms(const text::Token& token, Language language) const;
  // Every term a query word may have been indexed under: an Arabic word's readings, a Latin
  // word's English and French stems; none for a stop-word.
  std::vector<std::string> query_terms(const text::Token& token) const;

  // The terms of a word token (its normalised form, its script): what terms() gives, kept for
  // the words seen before, so that indexing stems each distinct word once rather than at each
  // occurrence (Snowball and the clitic readings were a third of the indexing time). The
  // reference is valid until the next call.
  const std::vector<std::string>& word_terms(std::string_view normalised, bool arabic,
                                             Language language) const;

  // Whether a normalised word is a stop-word.
  static bool is_stop_word(std::string_view normalised);

private:
  void arabic_terms(std::string_view normalised, std::vector<std::string>& out) const;
  std::string latin_term(std::string_view normalised, Language language) const;

  Xapian::Stem arabic_, french_, english_;
  // Word (prefixed by its script and, for Latin words, the language) -> its terms. Bounded:
  // emptied when it grows past kMaxCachedWords, so memory stays small over a large catch-up.
  static constexpr std::size_t kMaxCachedWords = 200000;
  mutable std::unordered_map<std::string, std::vector<std::string>> cache_;
  mutable std::string cache_key_;
};

// Normalises and tokenises `display` (src/text), returning the tokens.
std::vector<text::Token> tokens_of(std::string_view display);

} // namespace tansiq::search::detail
