#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/file_bytes.h"
#include "cli/tlp_option.h"
#include "node/watchlist_csv.h"

#include <cstdio>

namespace tansiq::cli {
namespace {

// Watchlists are lists of people, not bulk data: a file over this is refused unread.
constexpr std::uintmax_t kMaxWatchlistBytes = 512u * 1024 * 1024;

} // namespace

void add_watchlist_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command =
      app.add_subcommand("watchlist", "Manage the persons of interest screened against");
  command->require_subcommand(1);

  auto* import = command->add_subcommand(
      "import", "Import a watchlist from CSV (columns: reference, name, aliases, birth_date, "
                "nationality, kind, list; see docs/names.md) as STIX identities/threat actors");
  struct Options {
    std::string file, collection, list;
    stix::Tlp tlp = stix::Tlp::amber;
  };
  auto options = std::make_shared<Options>();
  import->add_option("FILE", options->file, "The CSV file (UTF-8, header row first)")->required();
  import->add_option("-c,--collection", options->collection,
                     "Collection id (default: the node's default collection)");
  import->add_option("--list", options->list,
                     "The list's id (e.g. un-1267), for rows without a \"list\" column value");
  add_tlp_option(*import, options->tlp);
  import->callback([&global, &exit_code, options] {
    auto bytes = read_file_bytes(options->file, kMaxWatchlistBytes, Error::Kind::not_found);
  if (!bytes) {
    exit_code = report(bytes.error());
    return;
  }
  auto opened = open_node_or_report(global, exit_code);
  if (!opened)
    return;
  std::string target =
      options->collection.empty() ? opened->config.default_collection : options->collection;
  node::WatchlistCsvOptions csv;
  csv.list_id = options->list;
  csv.tlp = options->tlp;
  auto imported = node::import_watchlist_csv(*opened->store, target, *bytes, csv);
  if (!imported) {
    Error error = imported.error();
    if (error.where.empty())
      error.where = options->file;
    exit_code = report(error);
    return;
  }
  if (imported->added + imported->updated > 0)
    update_search_index(global, *opened->store);
  if (!global.quiet)
    std::printf("Imported %s into collection %s: %zu row(s) (%zu person(s), %zu threat "
                "actor(s), %zu name(s)); %zu new, %zu new version(s), %zu unchanged\n",
                options->file.c_str(), target.c_str(), imported->rows, imported->individuals,
                imported->threat_actors, imported->names, imported->added, imported->updated,
                imported->unchanged);
});
} // namespace tansiq::cli

} // namespace tansiq::cli
