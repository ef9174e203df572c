#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "node/node.h"
#include "stix/identifier.h"

#include <cstdio>

namespace tansiq::cli {

void add_collection_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("collection", "Manage TAXII collections");
  command->require_subcommand(1);

  auto* add = command->add_subcommand("add", "Create a collection; prints its id");
  auto title = std::make_shared<std::string>();
  auto description = std::make_shared<std::string>();
  auto id = std::make_shared<std::string>();
  add->add_option("TITLE", *title, "Human-readable title")->required();
  add->add_option("--description", *description, "What the collection holds");
  add->add_option("--id", *id, "Collection id (a UUID; default: a new one)");
  add->callback([&global, &exit_code, title, description, id] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    // A collection id is a bare UUID; checked as the UUID of a "<type>--<UUID>"
    // identifier (whose type name needs 3 characters at least).
    std::string collection_id = id->empty() ? stix::make_identifier("collection").substr(12) : *id;
    if (!stix::is_valid_identifier("collection--" + collection_id)) {
      exit_code = report(make_error(Error::Kind::invalid_input, "a collection id must be a UUID",
                                    "--id " + collection_id));
      return;
    }
    if (auto created = opened->store->create_collection({collection_id, *title, *description});
        !created) {
      exit_code = report(created.error());
      return;
    }
    std::printf("%s\n", collection_id.c_str());
  });

  auto* list = command->add_subcommand("list", "List collections: id, objects, title");
  list->callback([&global, &exit_code] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    auto collections = opened->store->list_collections();
    if (!collections) {
      exit_code = report(collections.error());
      return;
    }
    for (const auto& collection : *collections) {
      auto count = opened->store->count_objects(collection.id);
      std::printf("%s  %8zu  %s%s\n", collection.id.c_str(), count ? *count : 0,
                  collection.title.c_str(),
                  collection.id == opened->config.default_collection ? " (default)" : "");
    }
  });
}

} // namespace tansiq::cli
