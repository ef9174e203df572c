// The shingle sets (text/fingerprint.h) of report versions this process stored or compared
// lately, so that the near-duplicate check compares an article with its candidates without
// reading, parsing and fingerprinting each candidate's stored text again. When many articles
// are ingested in a row, the candidates of one are mostly reports stored a moment before: this
// took a sixth of the ingestion time.
//
// Keyed by report id and version: a STIX object version never changes, so a cached set is
// exactly the one its stored text gives. Bounded in total shingles (the oldest entries go
// first); safe to use from several threads (the API ingests on its request threads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tansiq::node {

class RecentShingles {
public:
  using Shingles = std::shared_ptr<const std::vector<std::uint64_t>>;

  explicit RecentShingles(std::size_t max_shingles) : max_shingles_(max_shingles) {}

  // The shingles of that version, or null when not kept.
  Shingles find(std::string_view id, std::string_view version) const;
  // Keeps them (nothing when a version is empty or the set alone is over the bound).
  void put(std::string_view id, std::string_view version, std::vector<std::uint64_t> shingles);

  std::size_t size() const;

private:
  static std::string key_of(std::string_view id, std::string_view version);

  const std::size_t max_shingles_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Shingles> entries_;
  std::deque<std::string> order_; // keys, oldest first
  std::size_t shingles_ = 0;      // held in all entries
};

} // namespace tansiq::node
