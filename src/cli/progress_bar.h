// A one-line progress bar on stderr, drawn only when stderr is a terminal.
#pragma once

#include <cstddef>
#include <string>

namespace tansiq::cli {

class ProgressBar {
public:
  explicit ProgressBar(std::string label, bool enabled);
  ~ProgressBar();
  void update(std::size_t done, std::size_t total);
  void finish();

private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
};

} // namespace tansiq::cli
