#include "search/snippet.h"

#include <algorithm>
#include <unordered_map>

namespace tansiq::search::detail {
namespace {

// Text beyond this is not looked at for snippets (long reports: the hit is shown without one
// when it is only further on).
constexpr std::size_t kMaxSnippetSource = 64 * 1024;

void append(std::vector<SnippetSegment>& segments, std::string_view text, bool highlighted) {
  if (text.empty())
    return;
  std::string cleaned;
  cleaned.reserve(text.size());
  for (char c : text) {
    bool space = c == '\n' || c == '\r' || c == '\t';
    if (space && !cleaned.empty() && cleaned.back() == ' ')
      continue;
    cleaned.push_back(space ? ' ' : c);
  }
  if (!segments.empty() && segments.back().highlighted == highlighted)
    segments.back().text += cleaned;
  else
    segments.push_back({std::move(cleaned), highlighted});
}

} // namespace

std::vector<SnippetSegment> make_snippet(std::string_view text, Language language,
                                         const std::vector<std::string>& terms,
                                         const Analyser& analyser, std::size_t words) {
  std::vector<SnippetSegment> segments;
  if (text.size() > kMaxSnippetSource) {
    std::size_t cut = kMaxSnippetSource;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut; // not inside a UTF-8 sequence
    text = text.substr(0, cut);
  }
  auto tokens = tokens_of(text);
  std::vector<std::size_t> word_tokens; // indices of the non-punctuation tokens
  std::vector<int> term_of;             // per word: index in `terms`, or -1
  std::unordered_map<std::string, int> seen;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == text::TokenKind::punct)
      continue;
    word_tokens.push_back(i);
    int index = -1;
    if (!terms.empty()) {
      // Words repeat: each distinct form is analysed once.
      auto [cached, fresh] = seen.try_emplace(tokens[i].norm, -1);
      if (fresh)
        for (const auto& term : analyser.terms(tokens[i], language)) {
          auto found = std::find(terms.begin(), terms.end(), term);
          if (found != terms.end()) {
            cached->second = static_cast<int>(found - terms.begin());
            break;
          }
        }
      index = cached->second;
    }
    term_of.push_back(index);
  }
  if (word_tokens.empty())
    return segments;

  // The best window: most distinct terms, then most hits, then earliest.
  std::size_t best_start = 0, best_distinct = 0, best_hits = 0, tried = 0;
  for (std::size_t w = 0; w < word_tokens.size() && tried < 200; ++w) {
    if (term_of[w] < 0)
      continue;
    ++tried;
    std::size_t start = w > 4 ? w - 4 : 0;
    std::size_t end = std::min(word_tokens.size(), start + words);
    std::vector<bool> seen(terms.size());
    std::size_t distinct = 0, hits = 0;
    for (std::size_t k = start; k < end; ++k)
      if (term_of[k] >= 0) {
        ++hits;
        if (!seen[term_of[k]]) {
          seen[term_of[k]] = true;
          ++distinct;
        }
      }
    if (distinct > best_distinct || (distinct == best_distinct && hits > best_hits)) {
      best_start = start;
      best_distinct = distinct;
      best_hits = hits;
    }
  }
  std::size_t best_end = std::min(word_tokens.size(), best_start + words);

  std::size_t from = tokens[word_tokens[best_start]].begin;
  std::size_t to = tokens[word_tokens[best_end - 1]].end;
  // Keep punctuation right after the last word («.», «،»).
  for (std::size_t t = word_tokens[best_end - 1] + 1;
       t < tokens.size() && tokens[t].kind == text::TokenKind::punct && !tokens[t].space_before;
       ++t)
    to = tokens[t].end;
  if (from > 0)
    segments.push_back({"… ", false});
  std::size_t at = from;
  for (std::size_t k = best_start; k < best_end; ++k) {
    if (term_of[k] < 0)
      continue;
    const auto& token = tokens[word_tokens[k]];
    append(segments, text.substr(at, token.begin - at), false);
    append(segments, text.substr(token.begin, token.end - token.begin), true);
    at = token.end;
  }
  append(segments, text.substr(at, to - at), false);
  if (to < text.size() && text.find_first_not_of(" \t\r\n", to) != std::string_view::npos)
    append(segments, " …", false);
  return segments;
}

} // namespace tansiq::search::detail
