#include "cli/bundle_input.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "node/bundle_import.h"
#include "node/node.h"

#include <cstdio>

namespace tansiq::cli {

void add_import_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand(
      "import", "Import STIX 2.1 bundles (files, directories, .json.gz/.json.zst, - for stdin)");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto collection = std::make_shared<std::string>();
  command->add_option("PATH", *paths, "Bundle files or directories; - reads stdin")->required();
  command->add_option("-c,--collection", *collection,
                      "Collection id to import into (default: the node's default collection)");
  command->callback([&global, &exit_code, paths, collection] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    std::string target = collection->empty() ? opened->config.default_collection : *collection;
    node::ImportSummary total;
    std::size_t files = 0, failed_files = 0;
    for (const auto& path : *paths) {
      auto listed = list_bundle_files(path);
      if (!listed) {
        exit_code = report(listed.error());
        ++failed_files;
        continue;
      }
      for (const auto& file : *listed) {
        ++files;
        auto bytes = read_bundle_file(file);
        if (!bytes) {
          report(bytes.error());
          ++failed_files;
          continue;
        }
        ProgressBar bar(file == "-" ? "stdin" : file, !global.quiet);
        auto imported = node::import_bundle(
            *opened->store, target, *bytes,
            [&bar](std::size_t done, std::size_t all) { bar.update(done, all); });
        bar.finish();
        if (!imported) {
          auto error = imported.error();
          if (error.where.empty() || error.where == "$" || error.where.front() == '$')
            error.where = file + (error.where.empty() ? "" : " " + error.where);
          int code = report(error);
          ++failed_files;
          if (error.kind != Error::Kind::invalid_input) {
            exit_code = code; // the store failed: stop here
            return;
          }
          continue;
        }
        total.added += imported->added;
        total.duplicates += imported->duplicates;
        total.warnings += imported->warnings;
        for (auto& rejected : imported->rejected) {
          for (const auto& violation : rejected.violations)
            if (violation.severity == stix::Severity::error)
              std::fprintf(stderr, "rejected %s %s%s: %s\n", file.c_str(),
                           rejected.id.empty() ? "" : (rejected.id + " ").c_str(),
                           violation.path.c_str(), violation.message.c_str());
          total.rejected.push_back(std::move(rejected));
        }
      }
    }
    if (total.added > 0)
      update_search_index(global, *opened->store);
    if (!global.quiet)
      std::fprintf(stderr,
                   "Imported %zu file(s) into collection %s: %zu added, %zu duplicate(s), %zu "
                   "rejected, %zu warning(s), %zu file(s) failed\n",
                   files, target.c_str(), total.added, total.duplicates, total.rejected.size(),
                   total.warnings, failed_files);
    if (exit_code == kSuccess && (failed_files > 0 || !total.rejected.empty()))
      exit_code = kInvalidInput;
  });
}

} // namespace tansiq::cli
