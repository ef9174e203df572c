#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace tansiq::cli {

std::optional<node::OpenNode> open_node_or_report(const GlobalOptions& global, int& exit_code) {
  auto opened = node::open_node(global.node_directory);
  if (!opened) {
    exit_code = report(opened.error());
    return std::nullopt;
  }
  return std::move(opened.value());
}

} // namespace tansiq::cli
