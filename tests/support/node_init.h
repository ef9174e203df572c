// A node created with the binary under test: `tansiq init DIR --port 0
// [--store URI]`, with
// the admin token and default collection it prints.
#pragma once

#include <string>

namespace tansiq::test_support {

struct InitializedNode {
  std::string directory;
  std::string admin_token;
  std::string default_collection;
};

// Throws std::runtime_error when init fails or prints no token/collection.
// `store`, when not empty, is passed as --store (a postgresql:// URI).
InitializedNode init_node(const std::string& directory, const std::string& store = {});

// The token `tansiq init` or `tansiq user add` printed: the "tsq_..." line; "" if none.
std::string token_in(const std::string& output);

} // namespace tansiq::test_support
