#include "node/node_config.h"

#include <filesystem>
#include <fstream>
#include <toml++/toml.h>

namespace tansiq::node {
namespace {

std::string config_path(const std::string& directory) {
  return (std::filesystem::path(directory) / kConfigFileName).string();
}

template <typename T>
Result<void> read_key(const toml::table& table, std::string_view key, T& out,
                      const std::string& file) {
  auto node = table.at_path(key);
  if (!node)
    return {}; // absent keys keep their defaults
  if constexpr (std::is_same_v<T, std::string>) {
    if (auto value = node.value<std::string>()) {
      out = *value;
      return {};
    }
    return make_error(Error::Kind::invalid_input, "must be a string",
                      file + ": " + std::string(key));
  } else {
    auto value = node.value<std::int64_t>();
    if (!value || *value < 0)
      return make_error(Error::Kind::invalid_input, "must be a non-negative integer",
                        file + ": " + std::string(key));
    out = static_cast<T>(*value);
    return {};
  }
}

} // namespace

Result<NodeConfig> load_config(const std::string& directory) {
  std::string file = config_path(directory);
  if (!std::filesystem::exists(file))
    return make_error(Error::Kind::not_found,
                      "no Tansiq node here (create one with `tansiq init DIR`)", file);
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    return make_error(Error::Kind::invalid_input, std::string(error.description()),
                      file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column));
  }
  NodeConfig config;
  for (auto result : {read_key(table, "node.name", config.name, file),
                      read_key(table, "node.default_collection", config.default_collection, file),
                      read_key(table, "node.agency", config.agency, file),
                      read_key(table, "store.backend", config.store_backend, file),
                      read_key(table, "store.path", config.store_path, file),
                      read_key(table, "store.conninfo", config.store_conninfo, file),
                      read_key(table, "server.address", config.address, file),
                      read_key(table, "server.port", config.port, file),
                      read_key(table, "server.max_request_bytes", config.max_request_bytes, file),
                      read_key(table, "server.threads", config.threads, file),
                      read_key(table, "server.tls_certificate", config.tls_certificate, file),
                      read_key(table, "server.tls_private_key", config.tls_private_key, file)})
    if (!result)
      return result.error();
  if (config.store_backend != "sqlite" && config.store_backend != "postgresql")
    return make_error(Error::Kind::invalid_input,
                      "unsupported store backend \"" + config.store_backend +
                          "\" (this build supports: sqlite, postgresql)",
                      file + ": store.backend");
  if (config.store_backend == "postgresql" && config.store_conninfo.empty())
    return make_error(Error::Kind::invalid_input,
                      "the postgresql backend needs store.conninfo (a postgresql:// URI)",
                      file + ": store.conninfo");
  if (config.port > 65535)
    return make_error(Error::Kind::invalid_input, "must be at most 65535", file + ": server.port");
  if (config.tls_certificate.empty() != config.tls_private_key.empty())
    return make_error(Error::Kind::invalid_input,
                      "set both server.tls_certificate and server.tls_private_key, or neither",
                      file + ": server");
  if (config.threads == 0)
    return make_error(Error::Kind::invalid_input, "must be at least 1", file + ": server.threads");
  return config;
}

Result<void> select_store(NodeConfig& config, const std::string& store) {
  if (store == "sqlite") {
    config.store_backend = "sqlite";
    config.store_conninfo.clear();
    return {};
  }
  if (store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0) {
    config.store_backend = "postgresql";
    config.store_conninfo = store;
    return {};
  }
  return make_error(Error::Kind::invalid_input,
                    "must be \"sqlite\" or a postgresql://user@host/database URI", "--store");
}

Result<void> save_config(const std::string& directory, const NodeConfig& config) {
  toml::table store{{"backend", config.store_backend}};
  if (config.store_backend == "postgresql")
    store.insert("conninfo", config.store_conninfo);
  else
    store.insert("path", config.store_path);
  toml::table table{
      {"node", toml::table{{"name", config.name},
                           {"agency", config.agency},
                           {"default_collection", config.default_collection}}},
      {"store", store},
      {"server",
       toml::table{{"address", config.address},
                   {"port", static_cast<std::int64_t>(config.port)},
                   {"max_request_bytes", static_cast<std::int64_t>(config.max_request_bytes)},
                   {"threads", static_cast<std::int64_t>(config.threads)}}},
  };
  std::string file = config_path(directory);
  std::ofstream out(file);
  out << "# Tansiq node configuration (see README.md, \"Configuration\").\n" << table << "\n";
  out.close();
  if (!out)
    return make_error(Error::Kind::unavailable, "cannot write the configuration", file);
  return {};
}

} // namespace tansiq::node
