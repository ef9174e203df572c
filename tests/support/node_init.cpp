#include "support/node_init.h"

#include "support/process.h"

#include <sstream>
#include <stdexcept>

namespace tansiq::test_support {

std::string token_in(const std::string& output) {
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind("tsq_", 0) == 0)
      return line;
  return {};
}

InitializedNode init_node(const std::string& directory, const std::string& store) {
  std::vector<std::string> args{"init", directory, "--port", "0"};
  if (!store.empty()) {
    args.push_back("--store");
    args.push_back(store);
  }
  auto result = run_tansiq(args);
  if (result.exit_code != 0)
    throw std::runtime_error("tansiq init " + directory + " exited " +
                             std::to_string(result.exit_code) + ": " + result.err);
  InitializedNode node{directory, token_in(result.out), {}};
  static const std::string prefix = "Default collection: ";
  std::istringstream lines(result.out);
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind(prefix, 0) == 0)
      node.default_collection = line.substr(prefix.size());
  if (node.admin_token.empty() || node.default_collection.empty())
    throw std::runtime_error("tansiq init printed no token or default collection: " + result.out);
  return node;
}

} // namespace tansiq::test_support
