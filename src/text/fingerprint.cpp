#include "text/fingerprint.h"

#include "core/hash64.h"

#include "text/normalise.h"
#include "text/tokenise.h"

#include <algorithm>
#include <limits>

namespace tansiq::text {
namespace {

using core::mix64;

// FNV-1a, then mixed: the hash of a word does not depend on the process (the keys are stored).
std::uint64_t hash_word(std::string_view word) {
  return mix64(core::fnv1a64(word));
}

} // namespace

std::vector<std::uint64_t> shingles_of(std::string_view cleaned_text) {
  std::vector<std::uint64_t> shingles;
  // Only the words are needed: no offset map, no token copies (the pipeline's tokenise()
  // cuts the same words: both use one scanner).
  const std::string normalised = normalise_key(cleaned_text);
  const auto spans = token_spans(normalised);
  std::vector<std::uint64_t> words;
  words.reserve(spans.size());
  for (const auto& span : spans)
    if (span.kind != TokenKind::punct)
      words.push_back(
          hash_word(std::string_view(normalised).substr(span.nbegin, span.nend - span.nbegin)));
  if (words.empty())
    return shingles;
  const std::size_t k = std::min(kShingleWords, words.size());
  shingles.reserve(words.size() - k + 1);
  for (std::size_t i = 0; i + k <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < k; ++j)
      h = mix64(h * 31 + words[i + j] + j);
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

TextFingerprint fingerprint(std::string_view cleaned_text) {
  TextFingerprint out;
  out.shingles = shingles_of(cleaned_text);
  if (out.shingles.empty())
    return out;

  // MinHash: hash function i is mix64(shingle ^ seed_i); its minimum over the set.
  constexpr std::size_t kHashes = kBands * kRowsPerBand;
  std::uint64_t minima[kHashes];
  std::fill(std::begin(minima), std::end(minima), std::numeric_limits<std::uint64_t>::max());
  for (std::uint64_t shingle : out.shingles)
    for (std::size_t i = 0; i < kHashes; ++i)
      minima[i] = std::min(minima[i], mix64(shingle ^ (0x9e3779b97f4a7c15ULL * (i + 1))));
  out.bands.reserve(kBands);
  for (std::size_t band = 0; band < kBands; ++band) {
    std::uint64_t key = mix64(band + 1);
    for (std::size_t row = 0; row < kRowsPerBand; ++row)
      key = mix64(key ^ minima[band * kRowsPerBand + row]);
    out.bands.push_back(key);
  }
  return out;
}

double resemblance(const TextFingerprint& a, const TextFingerprint& b) {
  if (a.shingles.empty() || b.shingles.empty())
    return 0;
  std::size_t common = 0;
  auto i = a.shingles.begin(), j = b.shingles.begin();
  while (i != a.shingles.end() && j != b.shingles.end()) {
    if (*i < *j)
      ++i;
    else if (*j < *i)
      ++j;
    else {
      ++common;
      ++i;
      ++j;
    }
  }
  const std::size_t all = a.shingles.size() + b.shingles.size() - common;
  return static_cast<double>(common) / static_cast<double>(all);
}

} // namespace tansiq::text
