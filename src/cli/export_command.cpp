#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "node/node.h"
#include "stix/identifier.h"

#include <cstdio>
#include <memory>

namespace tansiq::cli {

void add_export_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("export", "Write a collection's objects as a STIX 2.1 bundle");
  struct Options {
    std::string collection, output, added_after;
    std::vector<std::string> types;
    bool all_versions = false;
  };
  auto options = std::make_shared<Options>();
  command->add_option("-c,--collection", options->collection,
                      "Collection id (default: the node's default collection)");
  command->add_option("-t,--type", options->types, "Only objects of this STIX type (repeatable)");
  command->add_option("--added-after", options->added_after,
                      "Only objects added after this timestamp (YYYY-MM-DDTHH:MM:SSZ)");
  command->add_flag("--all-versions", options->all_versions,
                    "Every version of each object (default: the latest)");
  command->add_option("-o,--output", options->output, "Output file (default: stdout)");
  command->callback([&global, &exit_code, options] {
    store::ObjectQuery query;
    query.types = options->types;
    query.limit = 5000;
    if (options->all_versions)
      query.versions = store::VersionMatch{true, false, false, {}};
    if (!options->added_after.empty()) {
      auto micros = stix::parse_timestamp(options->added_after);
      if (!micros) {
        exit_code = report(make_error(Error::Kind::invalid_input,
                                      "not a timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z)",
                                      "--added-after " + options->added_after));
        return;
      }
      query.added_after = *micros;
    }
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    std::string collection =
        options->collection.empty() ? opened->config.default_collection : options->collection;
    std::FILE* out = options->output.empty() ? stdout : std::fopen(options->output.c_str(), "wb");
    if (!out) {
      exit_code =
          report(make_error(Error::Kind::unavailable, "cannot open for writing", options->output));
      return;
    }
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(out == stdout ? nullptr : out,
                                                           &std::fclose);
    std::string head =
        "{\"type\":\"bundle\",\"id\":\"" + stix::make_identifier("bundle") + "\",\"objects\":[";
    std::fwrite(head.data(), 1, head.size(), out);
    bool first = true;
    std::size_t count = 0;
    for (;;) {
      auto page = opened->store->query_objects(collection, query);
      if (!page) {
        exit_code = report(page.error());
        return;
      }
      for (const auto& object : page->objects) {
        if (!first)
          std::fputc(',', out);
        first = false;
        std::fwrite(object.json.data(), 1, object.json.size(), out);
        ++count;
      }
      if (!page->more)
        break;
      query.after_cursor = page->next_cursor;
    }
    std::fputs("]}\n", out);
    if (std::fflush(out) != 0) {
      exit_code = report(make_error(Error::Kind::unavailable, "write failed",
                                    options->output.empty() ? "stdout" : options->output));
      return;
    }
    if (!global.quiet)
      std::fprintf(stderr, "Exported %zu object(s) from collection %s\n", count,
                   collection.c_str());
  });
}

} // namespace tansiq::cli
