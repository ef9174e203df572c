// A piecewise-linear map from offsets in a derived text back to offsets in its source.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tansiq::text {

class OffsetMap {
public:
  // From `derived` onwards, derived offsets map to `source` + (offset - derived).
  // Calls must come with non-decreasing `derived`.
  void add(std::size_t derived, std::size_t source);
  std::size_t to_source(std::size_t derived) const;
  bool empty() const { return pieces_.empty(); }
  std::size_t pieces() const { return pieces_.size(); }

  // This map followed by `outer` (derived -> this source -> outer's source): `outer` maps
  // this map's source space to a further source.
  OffsetMap then(const OffsetMap& outer) const;

private:
  struct Piece {
    uint32_t derived;
    uint32_t source;
  };
  std::vector<Piece> pieces_;
};

} // namespace tansiq::text
