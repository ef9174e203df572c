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

// Creates DIR (if needed), its configuration, store, an "admin" account with a
// token, a default collection, and the STIX identity of the node's agency
// (named `agency_name`). Fails, changing nothing, if DIR holds a node.
Result<CreatedNode> create_node(const std::string& directory, NodeConfig config,
                                const std::string& agency_name = "");

struct OpenNode {
  NodeConfig config;
  std::unique_ptr<store::Store> store;
};

Result<OpenNode> open_node(const std::string& directory);

} // namespace tansiq::node
