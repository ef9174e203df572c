// 64-bit hashes of bytes and of 64-bit values: for in-memory tables (the
// names index) and for keys that are stored (text/fingerprint's LSH keys live
// in stores, so these functions must never change).
#pragma once

#include <cstdint>
#include <string_view>

namespace tansiq::core {

// SplitMix64's finaliser (Steele, Lea and Flood, 2014): every input bit
// reaches every output bit; fast, not cryptographic.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a (Fowler, Noll and Vo) over bytes, continuing from `state`: chain
// calls to hash several strings as one.
inline constexpr std::uint64_t kFnv1aBasis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t state = kFnv1aBasis) {
  for (unsigned char c : bytes) {
    state ^= c;
    state *= 0x100000001b3ULL;
  }
  return state;
}

} // namespace tansiq::core
