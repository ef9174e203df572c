// Near-duplicate detection (issue 5, stage 8): the same article scraped twice with other
// boilerplate, or syndicated with small edits, has nearly the same cleaned text. A fingerprint
// is the set of 3-word shingles of the cleaned text's normalised words (punctuation and white
// space ignored), with a MinHash signature of it cut into LSH bands: two texts whose shingle
// sets overlap much share a band key with high probability, so candidates are found through
// the keys, and then compared exactly (resemblance). See docs/intake.md for the thresholds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tansiq::text {

inline constexpr std::size_t kShingleWords = 3;
inline constexpr std::size_t kBands = 16;
inline constexpr std::size_t kRowsPerBand = 2;
// At or above this resemblance, two articles are one (near duplicates).
inline constexpr double kNearDuplicateResemblance = 0.5;

struct TextFingerprint {
  std::vector<std::uint64_t> shingles; // hashes of the word 3-grams, sorted, unique
  std::vector<std::uint64_t> bands;    // kBands LSH keys (empty when the text has no words)
};

// The fingerprint of a cleaned text (text::extract's Extraction::text).
TextFingerprint fingerprint(std::string_view cleaned_text);

// Its shingles alone (TextFingerprint::shingles), without the MinHash bands: enough to compare
// a candidate exactly (resemblance), at a fraction of the cost.
std::vector<std::uint64_t> shingles_of(std::string_view cleaned_text);

// Jaccard resemblance of the two shingle sets, in [0, 1]; 0 when either is empty.
double resemblance(const TextFingerprint& a, const TextFingerprint& b);

} // namespace tansiq::text
