#include "names/candidate_index.h"

#include "core/hash64.h"

#include <algorithm>
#include <array>
#include <bit>
#include <string_view>

namespace tansiq::names {
namespace {

using core::mix64;

std::uint64_t hash_text(std::string_view s, std::uint64_t seed) {
  return mix64(core::fnv1a64(s, core::kFnv1aBasis ^ seed));
}

// Keys combine the hashes of the skeletons (so each skeleton is hashed once), ordered by
// hash so that a pair or triple is the same key in any order.
std::uint64_t single_key(std::uint64_t a) {
  return mix64(a ^ 0x51afd7ed558ccdffULL);
}

std::uint64_t pair_key(std::uint64_t a, std::uint64_t b) {
  if (a > b)
    std::swap(a, b);
  return mix64(mix64(a + 0x9e3779b97f4a7c15ULL) * 31 + b);
}

std::uint64_t triple_key(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  std::array<std::uint64_t, 3> k = {a, b, c};
  std::sort(k.begin(), k.end());
  return mix64(mix64(mix64(k[0] + 0x2545f4914f6cdd1dULL) * 31 + k[1]) * 17 + k[2]);
}

enum class Kind { single, pair, triple };

// The hashes a name (or a query) is posted under.
std::vector<std::uint64_t> keys_of(const std::vector<PartHashes>& parts, Kind kind) {
  std::vector<std::uint64_t> out;
  if (kind == Kind::triple) {
    // Most likely skeleton of each part only: triples are for long names, and selective.
    for (std::size_t i = 0; i < parts.size(); ++i)
      for (std::size_t j = i + 1; j < parts.size(); ++j)
        for (std::size_t k = j + 1; k < parts.size(); ++k)
          if (!parts[i].empty() && !parts[j].empty() && !parts[k].empty())
            out.push_back(triple_key(parts[i][0], parts[j][0], parts[k][0]));
  } else if (kind == Kind::single) {
    for (const auto& part : parts)
      for (std::uint64_t key : part)
        out.push_back(single_key(key));
  } else {
    for (std::size_t i = 0; i < parts.size(); ++i)
      for (std::size_t j = i + 1; j < parts.size(); ++j)
        for (std::uint64_t a : parts[i])
          for (std::uint64_t b : parts[j])
            if (a != b)
              out.push_back(pair_key(a, b));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<PartHashes> hashed(const std::vector<PartKeys>& parts) {
  std::vector<PartHashes> out;
  for (const auto& part : parts) {
    PartHashes hashes;
    for (const auto& key : part)
      if (!key.empty())
        hashes.push_back(CandidateIndex::key_hash(key));
    out.push_back(std::move(hashes));
  }
  return out;
}

} // namespace

std::uint64_t CandidateIndex::key_hash(std::string_view key) {
  return hash_text(key, 1);
}

void CandidateIndex::add(std::uint32_t name, const std::vector<PartKeys>& parts) {
  add(name, hashed(parts));
}

std::vector<std::uint32_t> CandidateIndex::candidates(const std::vector<PartKeys>& parts,
                                                      std::size_t limit) const {
  return candidates(hashed(parts), limit);
}

void CandidateIndex::add(std::uint32_t name, const std::vector<PartHashes>& parts) {
  // Only what a query could match at a useful score: a one-part query cannot match a
  // three-part name (two parts missing), so such names are not posted under single keys.
  std::vector<Kind> kinds;
  if (parts.size() <= 2)
    kinds.push_back(Kind::single);
  if (parts.size() >= 2 && parts.size() <= 4)
    kinds.push_back(Kind::pair);
  if (parts.size() >= 3)
    kinds.push_back(Kind::triple);
  for (Kind kind : kinds)
    for (std::uint64_t h : keys_of(parts, kind)) {
      pending_hashes_.push_back(h);
      pending_names_.push_back(name);
    }
}

void CandidateIndex::build() {
  std::size_t buckets = std::bit_ceil(std::max<std::size_t>(1024, pending_hashes_.size() / 2));
  bucket_mask_ = buckets - 1;
  offsets_.assign(buckets + 1, 0);
  for (std::uint64_t h : pending_hashes_)
    ++offsets_[(h & bucket_mask_) + 1];
  for (std::size_t b = 0; b < buckets; ++b)
    offsets_[b + 1] += offsets_[b];
  postings_.assign(pending_hashes_.size(), 0);
  name_limit_ = 0;
  for (std::uint32_t name : pending_names_)
    name_limit_ = std::max<std::size_t>(name_limit_, std::size_t{name} + 1);
  std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t k = 0; k < pending_hashes_.size(); ++k)
    postings_[fill[pending_hashes_[k] & bucket_mask_]++] = pending_names_[k];
  // Names were added in increasing order, so each bucket is sorted; rebuilding keeps it so.
  std::vector<std::uint64_t>().swap(pending_hashes_);
  std::vector<std::uint32_t>().swap(pending_names_);
}

std::vector<std::uint32_t> CandidateIndex::candidates(const std::vector<PartHashes>& parts,
                                                      std::size_t limit) const {
  if (offsets_.empty())
    return {};
  std::size_t count = parts.size();
  std::vector<std::uint32_t> found;
  if (count >= 3) {
    found = lookup(keys_of(parts, Kind::triple), 1, limit);
    if (found.size() >= limit || count > 4)
      return found;
  }
  // Too few names share a triple (or the query is short): names sharing a pair come next,
  // among them those whose third part is spelled beyond its skeleton. (Pair postings are
  // long on a big list: not read when the triples already fill the limit.)
  auto more = lookup(keys_of(parts, count >= 2 ? Kind::pair : Kind::single), 1, limit);
  for (std::uint32_t name : more)
    if (found.size() < limit && std::find(found.begin(), found.end(), name) == found.end())
      found.push_back(name);
  return found;
}

namespace {

// Per-thread counters of keys shared, one per name id, all zero between look-ups: counting
// hits in place costs one increment per posting, where sorting them cost a sort of every
// hit (posting lists run to thousands of names on a large list).
struct HitCounter {
  std::vector<std::uint8_t> counts;
  std::vector<std::uint32_t> touched;
};

HitCounter& hit_counter(std::size_t names) {
  thread_local HitCounter counter;
  if (counter.counts.size() < names)
    counter.counts.resize(names, 0);
  return counter;
}

} // namespace

std::vector<std::uint32_t> CandidateIndex::lookup(const std::vector<std::uint64_t>& keys,
                                                  std::size_t required, std::size_t limit) const {
  // Buckets, not hashes, decide what is read: two keys in one bucket are read once.
  std::vector<std::uint64_t> buckets;
  buckets.reserve(keys.size());
  for (std::uint64_t h : keys)
    buckets.push_back(h & bucket_mask_);
  std::sort(buckets.begin(), buckets.end());
  buckets.erase(std::unique(buckets.begin(), buckets.end()), buckets.end());

  HitCounter& counter = hit_counter(name_limit_);
  auto& counts = counter.counts;
  auto& touched = counter.touched;
  touched.clear();
  for (std::uint64_t b : buckets) {
    // A bucket's postings are sorted: a name posted twice in it (two of its keys collide)
    // counts once.
    std::uint32_t previous = ~0u;
    const std::uint32_t end = offsets_[b + 1];
    for (std::uint32_t k = offsets_[b]; k < end; ++k) {
      // The counters of a long list's names are scattered over a megabyte or more: ask for
      // the one a few postings ahead while this one is counted.
      if (k + 16 < end)
        __builtin_prefetch(&counts[postings_[k + 16]], 1);
      std::uint32_t name = postings_[k];
      if (name == previous)
        continue;
      previous = name;
      std::uint8_t& count = counts[name];
      if (count == 0)
        touched.push_back(name);
      if (count < 255)
        ++count;
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> counted; // (hits, name)
  counted.reserve(touched.size());
  for (std::uint32_t name : touched) {
    if (counts[name] >= required)
      counted.emplace_back(counts[name], name);
    counts[name] = 0;
  }
  auto better = [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  if (counted.size() > limit) {
    std::nth_element(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(limit),
                     counted.end(), better);
    counted.resize(limit);
  }
  std::sort(counted.begin(), counted.end(), better);
  std::vector<std::uint32_t> out;
  out.reserve(counted.size());
  for (const auto& c : counted)
    out.push_back(c.second);
  return out;
}

} // namespace tansiq::names
