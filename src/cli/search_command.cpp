#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "search/catch_up.h"
#include "search/results_json.h"
#include "search/search_index.h"

#include <cstdio>
#include <unistd.h>

namespace tansiq::cli {
namespace {

// Control characters (escape sequences included) never reach the terminal.
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      c = ' ';
  return out;
}

void print_hits(const search::SearchResults& results, std::size_t offset, bool terminal) {
  std::size_t rank = offset;
  for (const auto& hit : results.hits) {
    std::string date = hit.date.substr(0, 10);
    std::printf("%zu. %.3f  %s  %s  %s\n", ++rank, hit.score, hit.type.c_str(),
                date.empty() ? "----------" : date.c_str(), printable(hit.title).c_str());
    std::printf("   %s  (collection %s)\n", hit.id.c_str(), hit.collection.c_str());
    std::string snippet;
    for (const auto& segment : hit.snippet) {
      auto text = printable(segment.text);
      if (!segment.highlighted)
        snippet += text;
      else
        snippet += terminal ? "\033[1m" + text + "\033[0m" : "[" + text + "]";
    }
    if (!snippet.empty())
      std::printf("   %s\n", snippet.c_str());
  }
}

} // namespace

void update_search_index(const GlobalOptions& global, store::Store& store) {
  auto done = search::catch_up(store, search::index_directory(global.node_directory));
  if (!done)
    std::fprintf(stderr, "tansiq: warning: search index not updated (it catches up later): %s\n",
                 done.error().describe().c_str());
}

void add_search_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand(
      "search", "Full-text search of reports and named objects (Arabic, French, English)");
  struct Options {
    std::string query, entity, from, to;
    std::vector<std::string> types, collections;
    std::size_t limit = 10, offset = 0;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  command
      ->add_option("QUERY", options->query,
                   "Words (all must match); OR, -word / NOT word, (groups), \"quoted words\"")
      ->required();
  command->add_option("-t,--type", options->types, "Only objects of this STIX type (repeatable)");
  command->add_option("-c,--collection", options->collections,
                      "Only this collection (repeatable; default: all)");
  command->add_option("--entity", options->entity, "Only objects whose object_refs name this id");
  command->add_option("--from", options->from, "Dated on or after (YYYY-MM-DD or timestamp)");
  command->add_option("--to", options->to, "Dated on or before (YYYY-MM-DD or timestamp)");
  command->add_option("-n,--limit", options->limit, "How many results (default: 10)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}));
  command->add_option("--offset", options->offset, "Skip this many results first");
  command->add_flag("--json", options->json, "Results as JSON");
  command->callback([&global, &exit_code, options] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    update_search_index(global, *opened->store);

    search::SearchQuery query;
    query.text = options->query;
    query.types = options->types;
    query.entity = options->entity;
    query.from = options->from;
    query.to = options->to;
    query.limit = options->limit;
    query.offset = options->offset;
    if (!options->collections.empty()) {
      for (const auto& id : options->collections) {
        auto found = opened->store->find_collection(id);
        if (!found) {
          exit_code = report(found.error());
          return;
        }
        if (!*found) {
          exit_code = report(make_error(Error::Kind::not_found, "no such collection", id));
          return;
        }
      }
      query.collections = options->collections;
    } else {
      auto collections = opened->store->list_collections();
      if (!collections) {
        exit_code = report(collections.error());
        return;
      }
      for (const auto& collection : *collections)
        query.collections.push_back(collection.id);
    }

    auto index = search::SearchIndex::open(search::index_directory(global.node_directory),
                                           search::SearchIndex::Mode::read);
    if (!index) {
      exit_code = report(index.error());
      return;
    }
    auto results = index->search(query);
    if (!results) {
      exit_code = report(results.error());
      return;
    }
    if (options->json) {
      std::printf("%s\n", search::results_json(*results, options->offset).c_str());
      return;
    }
    for (const auto& note : results->notes)
      std::fprintf(stderr, "note: %s\n", note.c_str());
    print_hits(*results, options->offset, isatty(STDOUT_FILENO) != 0);
    if (!global.quiet)
      std::fprintf(stderr, "%zu result(s) shown of about %zu\n", results->hits.size(),
                   results->total_estimate);
  });
}

} // namespace tansiq::cli
