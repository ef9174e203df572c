#include "node/node.h"

#include "auth/credentials.h"
#include "stix/identifier.h"

#include <filesystem>

namespace tansiq::node {
namespace {

std::string store_file(const std::string& directory, const NodeConfig& config) {
  std::filesystem::path path(config.store_path);
  return path.is_absolute() ? path.string() : (std::filesystem::path(directory) / path).string();
}

bool on_postgres(const NodeConfig& config) {
  return config.store_backend == "postgresql";
}

// The node's store, on the back end its configuration names.
Result<std::unique_ptr<store::Store>> open_store(const std::string& directory,
                                                 const NodeConfig& config, bool create) {
  if (on_postgres(config))
    return store::open_postgres_store(config.store_conninfo, create);
  return store::open_sqlite_store(store_file(directory, config), create);
}

// Undoes a failed creation where it can: an SQLite file is removed; a
// PostgreSQL database is the administrator's (its tables stay).
void remove_store(const std::string& directory, const NodeConfig& config) {
  if (!on_postgres(config))
    std::filesystem::remove(store_file(directory, config));
}

} // namespace

Result<CreatedNode> create_node(const std::string& directory, NodeConfig config) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error)
    return make_error(Error::Kind::unavailable, "cannot create the directory: " + error.message(),
                      directory);
  if (std::filesystem::exists(std::filesystem::path(directory) / kConfigFileName))
    return make_error(Error::Kind::conflict, "a node exists here already", directory);
  std::string store_path = store_file(directory, config);
  if (!on_postgres(config) && std::filesystem::exists(store_path))
    return make_error(Error::Kind::conflict, "a store file exists here already", store_path);

  if (!config.agency.empty() && stix::identifier_type(config.agency) != "identity")
    return make_error(Error::Kind::invalid_input, "must be an identity id (identity--<UUID>)",
                      "agency " + config.agency);
  CreatedNode created;
  created.default_collection_id = stix::make_identifier("collection").substr(12);
  config.default_collection = created.default_collection_id;
  created.agency_id = config.agency.empty() ? stix::make_identifier("identity") : config.agency;
  config.agency = created.agency_id;
  auto opened = open_store(directory, config, true);
  if (!opened)
    return opened.error();
  auto& store = *opened.value();
  if (on_postgres(config)) {
    // One database, one node: another node's store there is not taken over.
    auto collections = store.list_collections();
    if (!collections)
      return collections.error();
    if (!collections->empty())
      return make_error(Error::Kind::conflict,
                        "the PostgreSQL database holds a Tansiq store already", "--store");
  }
  created.admin_token = auth::new_token();
  // One step after the other, stopping at the first failure.
  auto populate = [&]() -> Result<void> {
    if (auto made = store.create_collection({created.default_collection_id, "Default",
                                             "Objects imported or posted without a collection"});
        !made)
      return made;
    if (auto added = store.add_user(
            {"admin", store::Role::admin, "", false, stix::now_micros(), created.agency_id});
        !added)
      return added;
    return store.add_token("admin", auth::hash_token(created.admin_token), "init");
  };
  if (auto populated = populate(); !populated) {
    opened.value().reset();
    remove_store(directory, config);
    return populated.error();
  }
  if (auto saved = save_config(directory, config); !saved) {
    opened.value().reset();
    remove_store(directory, config);
    return saved.error();
  }
  return created;
}

Result<OpenNode> open_node(const std::string& directory) {
  auto config = load_config(directory);
  if (!config)
    return config.error();
  auto store = open_store(directory, *config, false);
  if (!store)
    return store.error();
  return OpenNode{std::move(config.value()), std::move(store.value())};
}

} // namespace tansiq::node
