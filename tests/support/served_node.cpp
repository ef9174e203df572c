#include "support/served_node.h"

#include <stdexcept>

namespace tansiq::test_support {
namespace {

// "... serving TAXII 2.1 on http://127.0.0.1:PORT/taxii2/ ..." -> PORT, else 0.
unsigned short port_in(const std::string& line) {
  static const std::string prefix = "http://127.0.0.1:";
  size_t start = line.find(prefix);
  if (start == std::string::npos)
    return 0;
  start += prefix.size();
  size_t end = line.find("/taxii2/", start);
  if (end == std::string::npos || end == start)
    return 0;
  unsigned long port = 0;
  for (size_t i = start; i < end; ++i) {
    if (line[i] < '0' || line[i] > '9')
      return 0;
    port = port * 10 + static_cast<unsigned long>(line[i] - '0');
    if (port > 65535)
      return 0;
  }
  return static_cast<unsigned short>(port);
}

} // namespace

ServedNode::ServedNode(const std::string& node_directory, std::chrono::milliseconds timeout)
    : process_(std::make_unique<BackgroundProcess>(std::vector<std::string>{
          tansiq_binary(), "--dir", node_directory, "serve", "--port", "0"})) {
  auto line = process_->read_line(timeout);
  if (!line)
    throw std::runtime_error("tansiq serve printed no line within the timeout (or exited)");
  port_ = port_in(*line);
  if (port_ == 0)
    throw std::runtime_error("tansiq serve's first line names no port: " + *line);
}

ProcessResult ServedNode::stop(int signal) {
  return process_->stop(signal);
}

} // namespace tansiq::test_support
