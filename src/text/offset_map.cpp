#include "text/offset_map.h"

#include <algorithm>

namespace tansiq::text {

void OffsetMap::add(std::size_t derived, std::size_t source) {
  Piece piece{static_cast<uint32_t>(derived), static_cast<uint32_t>(source)};
  if (!pieces_.empty() && pieces_.back().derived == piece.derived) {
    pieces_.back() = piece;
    return;
  }
  if (!pieces_.empty() &&
      pieces_.back().source + (piece.derived - pieces_.back().derived) == piece.source)
    return; // continues the previous piece
  pieces_.push_back(piece);
}

std::size_t OffsetMap::to_source(std::size_t derived) const {
  if (pieces_.empty())
    return derived;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), derived,
                             [](std::size_t value, const Piece& p) { return value < p.derived; });
  if (it == pieces_.begin())
    return pieces_.front().source;
  --it;
  return it->source + (derived - it->derived);
}

OffsetMap OffsetMap::then(const OffsetMap& outer) const {
  if (outer.empty())
    return *this;
  OffsetMap result;
  for (std::size_t i = 0; i < pieces_.size(); ++i) {
    std::size_t begin = pieces_[i].derived;
    std::size_t end = i + 1 < pieces_.size() ? pieces_[i + 1].derived : SIZE_MAX;
    std::size_t source_begin = pieces_[i].source;
    result.add(begin, outer.to_source(source_begin));
    // Break points of `outer` that fall inside this piece.
    auto it = std::upper_bound(outer.pieces_.begin(), outer.pieces_.end(), source_begin,
                               [](std::size_t v, const Piece& p) { return v < p.derived; });
    for (; it != outer.pieces_.end(); ++it) {
      std::size_t derived = begin + (it->derived - source_begin);
      if (derived >= end)
        break;
      result.add(derived, it->source);
    }
  }
  return result;
}

} // namespace tansiq::text
