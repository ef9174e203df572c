#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "node/node.h"

#include <cstdio>

namespace tansiq::cli {

void add_init_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("init", "Create a node: configuration, store, admin token");
  auto config = std::make_shared<node::NodeConfig>();
  auto directory = std::make_shared<std::string>();
  auto store = std::make_shared<std::string>("sqlite");
  command->add_option("DIR", *directory, "Directory of the new node (default: --dir)");
  command->add_option("--name", config->name, "Name of the node (e.g. the agency)");
  command->add_option("--agency-id", config->agency,
                      "Identity id of this node's agency (default: a new id; import the agency's "
                      "STIX identity object under it)");
  command->add_option("--port", config->port, "TCP port to serve on (0: any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--address", config->address, "Address to listen on");
  command->add_option("--store", *store,
                      "Store: sqlite (embedded, in DIR; the default) or a PostgreSQL database as "
                      "postgresql://user@host:port/database");
  command->callback([&global, &exit_code, config, directory, store] {
    std::string target = directory->empty() ? global.node_directory : *directory;
    if (auto selected = node::select_store(*config, *store); !selected) {
      exit_code = report(selected.error());
      return;
    }
    auto created = node::create_node(target, *config);
    if (!created) {
      exit_code = report(created.error());
      return;
    }
    std::printf("Created node \"%s\" in %s\n", config->name.c_str(), target.c_str());
    std::printf("Default collection: %s\n", created->default_collection_id.c_str());
    std::printf("Agency identity: %s\n", created->agency_id.c_str());
    std::printf("Admin API token (shown once; keep it safe):\n%s\n", created->admin_token.c_str());
  });
}

} // namespace tansiq::cli
