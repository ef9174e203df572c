// A generator of synthetic STIX 2.1 holdings for the benchmarks: valid objects
// of several types, ~0.5-1 kB each, with deterministic ids, marked TLP:GREEN
// (or varied TLP levels) and labelled "terrorism" (so that an agreement can release them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tansiq::bench {

struct SyntheticObject {
  std::string id;
  std::string type;
  std::string modified;
  std::string json;
  std::string_view tlp; // "TLP:GREEN"..., "" when unmarked
};

// green: every object TLP:GREEN (a partner agreement up to AMBER releases
// all). varied: of every 20 objects 12 GREEN, 4 AMBER, 2 CLEAR, 1 RED, 1
// unmarked, as a real holding's lists and counts would see them.
enum class Markings { green, varied };

// The n-th object of the holding identified by `seed`.
SyntheticObject synthetic_object(std::uint64_t seed, std::uint64_t n,
                                 Markings markings = Markings::green);

} // namespace tansiq::bench
