// A node on disk: its directory, configuration and store. `tansiq init`
// creates one; every other command opens one.
#pragma once

#include "core/result.h"
#include "node/node_config.h"
#include "store/store.h"

#include <memory>
#include <string>

namespace tansiq::node {

struct CreatedNode {
  std::string admin_token; // shown once; only its hash is kept
  std::string default_collection_id;
  std::string agency_id; // the STIX identity of this node's agency
};

// Creates DIR (if needed), its configuration (with the node's agency: the
// given identity id, or a new one), store, an "admin" account with a token,
// and a default collection. Fails, changing nothing, if DIR holds a node.
Result<CreatedNode> create_node(const std::string& directory, NodeConfig config);

struct OpenNode {
  NodeConfig config;
  std::unique_ptr<store::Store> store;
};

Result<OpenNode> open_node(const std::string& directory);

} // namespace tansiq::node
