#include "node/recent_shingles.h"

namespace tansiq::node {

std::string RecentShingles::key_of(std::string_view id, std::string_view version) {
  std::string key;
  key.reserve(id.size() + version.size() + 1);
  key.append(id).append(1, '\n').append(version);
  return key;
}

RecentShingles::Shingles RecentShingles::find(std::string_view id, std::string_view version) const {
  if (version.empty())
    return nullptr;
  const std::string key = key_of(id, version);
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : found->second;
}

void RecentShingles::put(std::string_view id, std::string_view version,
                         std::vector<std::uint64_t> shingles) {
  if (version.empty() || shingles.size() > max_shingles_)
    return;
  std::string key = key_of(id, version);
  auto held = std::make_shared<const std::vector<std::uint64_t>>(std::move(shingles));
  std::lock_guard lock(mutex_);
  if (entries_.contains(key))
    return;
  shingles_ += held->size();
  entries_.emplace(key, std::move(held));
  order_.push_back(std::move(key));
  while (shingles_ > max_shingles_ && !order_.empty()) {
    auto oldest = entries_.find(order_.front());
    shingles_ -= oldest->second->size();
    entries_.erase(oldest);
    order_.pop_front();
  }
}

std::size_t RecentShingles::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

} // namespace tansiq::node
