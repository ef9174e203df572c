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
  if (std::filesystem::exists(store_path))
    return make_error(Error::Kind::conflict, "a store file exists here already", store_path);

  if (!config.agency.empty() && stix::identifier_type(config.agency) != "identity")
    return make_error(Error::Kind::invalid_input, "must be an identity id (identity--<UUID>)",
                      "agency " + config.agency);
  CreatedNode created;
  created.default_collection_id = stix::make_identifier("collection").substr(12);
  config.default_collection = created.default_collection_id;
  created.agency_id = config.agency.empty() ? stix::make_identifier("identity") : config.agency;
  config.agency = created.agency_id;
  auto opened = store::open_sqlite_store(store_path, true);
  if (!opened)
    return opened.error();
  auto& store = *opened.value();
  created.admin_token = auth::new_token();
  // One step after the other, stopping at the first failure.
  auto populate = [&]() -> Result<void> {
    if (auto made = store.create_collection({created.default_collection_id, "Default",
                                             "Objects imported or posted without a collection"});
        !made)
      return made;
    if (auto added = store.add_user({"admin", store::Role::admin, "", false, stix::now_micros(),
                                     created.agency_id});
        !added)
      return added;
    return store.add_token("admin", auth::hash_token(created.admin_token), "init");
  };
  if (auto populated = populate(); !populated) {
    opened.value().reset();
    std::filesystem::remove(store_path);
    return populated.error();
  }
  if (auto saved = save_config(directory, config); !saved) {
    std::filesystem::remove(store_path);
    return saved.error();
  }
  return created;
}

Result<OpenNode> open_node(const std::string& directory) {
  auto config = load_config(directory);
  if (!config)
    return config.error();
  auto store = store::open_sqlite_store(store_file(directory, *config), false);
  if (!store)
    return store.error();
  return OpenNode{std::move(config.value()), std::move(store.value())};
}

} // namespace tansiq::node
