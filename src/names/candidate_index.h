// The inverted index that finds candidates without scanning the list.
//
// Each name part has one or more consonant skeletons (latin_skeleton/arabic_skeleton: the
// classes both scripts share). A name of three or more parts is posted under every
// unordered triple of its parts' skeletons; a name of two to four parts under every pair;
// a name of one or two parts under each skeleton. A query of three or more parts looks up
// its triples (then, with at most four parts and fewer hits than the limit, its pairs), a
// two-part query its pairs, a one-part query its skeletons; names sharing most keys come
// first. Keys are combined 64-bit hashes of the skeletons. Names a
// query could only match with two or more parts missing (below the default threshold)
// are not reachable. Postings live in one flat array
// (compressed sparse rows over hash buckets); a bucket collision only adds candidates,
// which the scorer then rejects.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::names {

// The skeletons of one name part (usually one; more for alternative readings).
using PartKeys = std::vector<std::string>;
// The same as key_hash() values (empty skeletons left out): each skeleton hashed once.
using PartHashes = std::vector<std::uint64_t>;

class CandidateIndex {
public:
  static std::uint64_t key_hash(std::string_view skeleton);

  void add(std::uint32_t name, const std::vector<PartKeys>& parts);
  void add(std::uint32_t name, const std::vector<PartHashes>& parts);
  void build();

  // Names sharing enough skeleton pairs with the query, those sharing most first, at most
  // `limit` of them.
  std::vector<std::uint32_t> candidates(const std::vector<PartKeys>& parts,
                                        std::size_t limit) const;
  std::vector<std::uint32_t> candidates(const std::vector<PartHashes>& parts,
                                        std::size_t limit) const;

  std::size_t postings() const { return postings_.size(); }

private:
  std::vector<std::uint32_t> lookup(const std::vector<std::uint64_t>& keys, std::size_t required,
                                    std::size_t limit) const;

  std::vector<std::uint64_t> pending_hashes_;
  std::vector<std::uint32_t> pending_names_;
  std::uint64_t bucket_mask_ = 0;
  std::size_t name_limit_ = 0;          // largest name id + 1
  std::vector<std::uint32_t> offsets_;  // bucket -> first posting
  std::vector<std::uint32_t> postings_; // name ids
};

} // namespace tansiq::names
