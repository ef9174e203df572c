// A generator of synthetic STIX 2.1 holdings for the benchmarks: valid objects
// of several types, ~0.5-1 kB each, with deterministic ids, marked TLP:GREEN
// and labelled "terrorism" (so that an agreement can release them).
#pragma once

#include <cstdint>
#include <string>

namespace tansiq::bench {

struct SyntheticObject {
  std::string id;
  std::string type;
  std::string modified;
  std::string json;
};

// The n-th object of the holding identified by `seed`.
SyntheticObject synthetic_object(std::uint64_t seed, std::uint64_t n);

} // namespace tansiq::bench
