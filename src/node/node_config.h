// A node's configuration: DIR/tansiq.toml, written by `tansiq init`.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>

namespace tansiq::node {

inline constexpr const char* kConfigFileName = "tansiq.toml";

struct NodeConfig {
  std::string name = "Tansiq node";           // [node] name
  std::string default_collection;             // [node] default_collection (a collection id)
  std::string agency;                         // [node] agency: this node's agency (identity id)
  std::string store_backend = "sqlite";       // [store] backend: "sqlite" or "postgresql"
  std::string store_path = "store.sqlite";    // [store] path, relative to the node directory
  std::string store_conninfo;                 // [store] conninfo: postgresql://... (postgresql)
  std::string address = "127.0.0.1";          // [server] address
  unsigned port = 7373;                       // [server] port (0: any free port)
  std::size_t max_request_bytes = 100u << 20; // [server] max_request_bytes
  unsigned threads = 4;                       // [server] threads
  std::string tls_certificate;                // [server] tls_certificate (PEM; relative to DIR)
  std::string tls_private_key;                // [server] tls_private_key (PEM; relative to DIR)
};

// Points the configuration at a store: "sqlite" (the embedded default) or a
// postgresql:// (or postgres://) URI; anything else is an invalid_input error.
Result<void> select_store(NodeConfig& config, const std::string& store);

// Reads DIR/tansiq.toml; every error names the file, the key and why.
Result<NodeConfig> load_config(const std::string& directory);
Result<void> save_config(const std::string& directory, const NodeConfig& config);

} // namespace tansiq::node
