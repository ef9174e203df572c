// Scores: one name part against another (any scripts), then a whole name against another.
#pragma once

#include "names/matcher.h"
#include "names/name_tokens.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

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
double score_names(const NameParts& query, const NameParts& entry, Explanation* explanation);

// Single part similarities shared by every query on one watchlist: queries repeat parts as
// lists do (Muhammad, Ahmad, Abdallah...). Keyed by two part ids of the watchlist's table.
// Safe to use from several threads without a lock (every query reads it, so a lock was
// the most expensive step of a query): a fixed open-addressing table of atomic slots,
// sized by prepare(); it stops taking values when half full, and a value being written
// reads as absent (the reader computes it again).
class SharedSimilarities {
public:
  SharedSimilarities() = default;
  // Room for `values` values (at most 1 << 20); forgets what was stored. Not thread-safe.
  void prepare(std::size_t values);
  bool find(std::uint64_t key, double& value) const;
  void insert(std::uint64_t key, double value) const;

private:
  struct Slot {
    std::atomic<std::uint64_t> key{0};   // key + 1; 0 = empty; top bit: value being written
    std::atomic<std::uint64_t> value{0}; // the double's bits
  };
  static constexpr std::uint64_t writing = 1ULL << 63;
  static constexpr std::size_t max_probes = 16;
  std::size_t slot_index(std::uint64_t key) const;
  std::unique_ptr<Slot[]> slots_;
  std::size_t mask_ = 0, capacity_ = 0;
  mutable std::atomic<std::size_t> size_{0};
};

// Per-thread working memory of QueryScorer, reused from one query to the next so that a
// query allocates nothing once a thread has screened a few: what the query learnt about
// each table part it met (dense arrays indexed by part id, valid when stamped with the
// query's generation) and about pairs of adjacent entry parts.
struct QueryScratch;

// One query scored against many names whose parts are ids into one table of distinct
// parts (a watchlist): names in a list share many parts (Muhammad, Abdallah...), so part
// similarities are computed once per query and part. Same scores as score_names.
class QueryScorer {
public:
  // `query` must outlive the scorer. `query_ids`: the table id of each query part, or
  // no_id, for `shared` (optional). `table_token`: non-zero names a table that does not
  // change while scorers with this token use it, so that what does not depend on the
  // query is kept for the next query on the thread (new_table_token()).
  static constexpr std::uint32_t no_id = ~0u;
  explicit QueryScorer(const NameParts& query, std::vector<std::uint32_t> query_ids = {},
                       const SharedSimilarities* shared = nullptr, std::uint64_t table_token = 0);
  // A token no other table has (process-wide counter).
  static std::uint64_t new_table_token();
  ~QueryScorer();
  QueryScorer(const QueryScorer&) = delete;
  QueryScorer& operator=(const QueryScorer&) = delete;
  // `table_keys[id]`: the skeletons of table[id]'s forms (latin_skeleton/arabic_skeleton).
  double score(std::span<const std::uint32_t> parts, bool reordered,
               std::span<const NamePart> table,
               std::span<const std::vector<std::string>> table_keys,
               Explanation* explanation = nullptr);

  // Upper bounds of score() (never below it), so that a name whose bound is under the
  // threshold need not be aligned. coarse_estimate: 0.88 for each part on either side that
  // no part on the other could be compared with (skeletons, no part similarity); call it
  // first. estimate: from the part similarities score() would use (and caches), 0.88 per
  // part left unmatched x the weakest-part factor x the best similarity.
  double coarse_estimate(std::span<const std::uint32_t> parts, std::span<const NamePart> table,
                         std::span<const std::vector<std::string>> table_keys);
  double estimate(std::span<const std::uint32_t> parts, std::span<const NamePart> table,
                  std::span<const std::vector<std::string>> table_keys);

private:
  // Bit i: query part i and part `id` may be alike (may_be_same), so single_similarity
  // can be above 0; bit 16 + i: query parts i and i+1 joined may be part `id`
  // (lengths_may_join and may_be_joined), so query_pair_similarity can be above 0. Every
  // other similarity is 0 without a look-up.
  std::uint32_t near_mask(std::uint32_t id, std::span<const std::vector<std::string>> table_keys);
  // Bit i: query part i may be parts `first` and `next` written as one (lengths_may_join
  // and may_be_joined with the joined skeletons).
  std::uint32_t entry_join_mask(std::uint32_t first, std::uint32_t next,
                                std::span<const NamePart> table,
                                std::span<const std::vector<std::string>> table_keys);
  double single_similarity(std::size_t i, std::uint32_t id, std::span<const NamePart> table,
                           std::span<const std::vector<std::string>> table_keys);
  double query_pair_similarity(std::size_t i, std::uint32_t id, std::span<const NamePart> table,
                               std::span<const std::vector<std::string>> table_keys);
  double entry_pair_similarity(std::size_t i, std::uint32_t first, std::uint32_t next,
                               std::span<const NamePart> table,
                               std::span<const std::vector<std::string>> table_keys);
  // The scratch row of part `id` (near mask, then its similarities), made on first use.
  std::uint32_t part_row(std::uint32_t id, std::span<const std::vector<std::string>> table_keys);
  std::uint32_t pair_row(std::uint32_t first, std::uint32_t next, std::span<const NamePart> table,
                         std::span<const std::vector<std::string>> table_keys);

  // The SharedSimilarities key of a similarity: kind 0 = query part a, table part b;
  // 1 = query part a, table parts b and c joined; 2 = query parts a and b joined, table
  // part c. no_shared_key when there is no table or an id does not fit (no_id included).
  static constexpr std::uint64_t no_shared_key = ~0ULL;
  std::uint64_t shared_key(std::uint64_t kind, std::uint32_t a, std::uint32_t b,
                           std::uint32_t c) const;
  std::uint32_t query_id(std::size_t i) const;
  template <class Compute> double shared_value(std::uint64_t key, Compute compute) {
    double value;
    if (key == no_shared_key)
      return compute();
    if (!shared_->find(key, value)) {
      value = compute();
      shared_->insert(key, value);
    }
    return value;
  }

  const NameParts& query_;
  std::vector<std::vector<std::string>> keys_; // skeletons of each query part
  std::vector<NamePart> joined_; // query parts i and i+1 joined (empty when scripts differ)
  std::vector<std::vector<std::string>> joined_keys_;
  std::vector<std::uint32_t> query_ids_;
  const SharedSimilarities* shared_;
  std::uint64_t table_token_;
  QueryScratch* scratch_; // this thread's, or owned_ when it is in use
  std::unique_ptr<QueryScratch> owned_;
};

} // namespace tansiq::names
