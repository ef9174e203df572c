#include "audit/audit_log.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "node/node.h"
#include "node/publisher.h"
#include "stix/identifier.h"
#include "sync/sync_loop.h"

#include <cstdio>

namespace tansiq::cli {

void add_partner_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("partner", "Partner nodes this node pulls from (TAXII 2.1)");
  command->require_subcommand(1);

  auto partner = std::make_shared<store::Partner>();
  auto* add = command->add_subcommand("add", "Register a partner node to pull from (and push to)");
  add->add_option("NAME", partner->name, "A name for the partner (e.g. brussels)")->required();
  add->add_option("--agency", partner->agency, "The partner's agency (identity id)")->required();
  add->add_option("--url", partner->api_root_url,
                  "The partner's TAXII API root, e.g. http://127.0.0.1:7373/tansiq/")
      ->required();
  add->add_option("--collection", partner->collection, "The partner's collection to pull")
      ->required();
  add->add_option("--token", partner->token, "The API token the partner issued to this node")
      ->required();
  add->add_option("--agreement", partner->agreement,
                  "The agreement objects from this partner arrive under (x-tansiq-agreement id)")
      ->required();
  add->add_option("--into", partner->local_collection,
                  "Local collection for what is pulled (default: the default collection)");
  add->add_option("--push-collection", partner->push_collection,
                  "The partner's collection to push to (TAXII POST) what the policy releases "
                  "to its agency; the partner must give this node's account write access");
  add->callback([&global, &exit_code, partner] {
    if (stix::identifier_type(partner->agency) != "identity") {
      exit_code = report(make_error(Error::Kind::invalid_input, "must be an identity id",
                                    "--agency " + partner->agency));
      return;
    }
    if (stix::identifier_type(partner->agreement) != "x-tansiq-agreement") {
      exit_code = report(make_error(Error::Kind::invalid_input, "must be an x-tansiq-agreement id",
                                    "--agreement " + partner->agreement));
      return;
    }
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    store::Partner record = *partner;
    if (record.local_collection.empty())
      record.local_collection = opened->config.default_collection;
    if (auto added = opened->store->add_partner(record); !added)
      exit_code = report(added.error());
  });

  auto* list = command->add_subcommand("list", "Partners and their sync state");
  list->callback([&global, &exit_code] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    auto partners = opened->store->list_partners();
    if (!partners) {
      exit_code = report(partners.error());
      return;
    }
    for (const auto& p : *partners) {
      std::string push = p.push_collection.empty()
                             ? std::string()
                             : "  push to " + p.push_collection + " up to " +
                                   (p.push_cursor ? stix::format_timestamp_millis(p.push_cursor)
                                                  : std::string("-"));
      std::printf("%-16s %s  last success %s  cursor %s%s%s%s\n", p.name.c_str(),
                  p.api_root_url.c_str(),
                  p.last_success ? stix::format_timestamp_millis(p.last_success).c_str() : "never",
                  p.cursor.empty() ? "-" : p.cursor.c_str(), push.c_str(),
                  p.last_error.empty() ? "" : "  error: ", p.last_error.c_str());
    }
  });

  auto* sync =
      app.add_subcommand("sync", "Pull from (and push to) every partner once, then republish");
  sync->callback([&global, &exit_code] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    audit::AuditLog log(*opened->store, audit_head_file(global.node_directory));
    // Denials of versions held before this run were logged when first decided.
    auto last = opened->store->last_audit();
    store::MicrosSinceEpoch logged_until = last && last->has_value() ? (*last)->time : 0;
    auto added = sync::sync_all_partners(*opened->store, log, opened->config.agency,
                                         std::chrono::seconds(30));
    if (!added) {
      exit_code = report(added.error());
      return;
    }
    auto partners = opened->store->list_partners();
    if (partners)
      for (const auto& p : *partners)
        if (!p.last_error.empty())
          std::fprintf(stderr, "tansiq: %s: %s\n", p.name.c_str(), p.last_error.c_str());
    std::printf("%zu object(s) added from partners\n", *added);
    auto published =
        node::republish(*opened->store, log, opened->config.agency, "sync", logged_until);
    if (!published)
      exit_code = report(published.error());
  });
}

} // namespace tansiq::cli
