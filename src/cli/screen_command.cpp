#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/file_bytes.h"
#include "node/node.h"
#include "node/screening_csv.h"
#include "node/watchlist_source.h"

#include <cstdio>

namespace tansiq::cli {
namespace {

// A file of names is read whole; a bigger one is refused unread.
constexpr std::uintmax_t kMaxNamesFileBytes = 256u * 1024 * 1024;

struct Query {
  std::string name;
  names::ScreenOptions options;
  std::string where;
};

void print_candidates(const Query& query, const std::vector<names::Candidate>& candidates) {
  std::printf("%s\n", query.name.c_str());
  if (candidates.empty())
    std::printf("  no candidate at or above %.2f\n", query.options.threshold);
  for (const auto& candidate : candidates)
    std::printf("  %.3f  %s  \"%s\"  %s\n", candidate.score, candidate.id.c_str(),
                candidate.matched_name.c_str(), candidate.explanation.summary().c_str());
}

} // namespace

void add_screen_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand(
      "screen", "Screen names (any script) against the persons and threat actors this node holds");
  struct Options {
    std::string name, file, birth_date, nationality;
    double threshold = names::default_threshold;
    std::size_t max_results = 10;
    unsigned threads = 0;
  };
  auto options = std::make_shared<Options>();
  command->add_option("NAME", options->name, "A name, in Arabic script or Latin letters");
  command->add_option(
      "--file", options->file,
      "A CSV file of names: a header row naming the columns name, dob, nationality; "
      "or one name per row");
  command->add_option("--dob", options->birth_date, "Birth date (YYYY, YYYY-MM or YYYY-MM-DD)");
  command->add_option("--nationality", options->nationality, "Nationality (ISO code or name)");
  command->add_option("--threshold", options->threshold, "Lowest score reported (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--max", options->max_results, "Candidates per name")
      ->check(CLI::Range(1, 1000));
  command
      ->add_option("--threads", options->threads,
                   "Threads screening a --file (default: one per core)")
      ->check(CLI::Range(0, 256));
  command->callback([&global, &exit_code, options] {
    if (options->name.empty() == options->file.empty()) {
      exit_code = report(make_error(Error::Kind::invalid_input, "give either a NAME or --file"));
      return;
    }
    std::vector<Query> queries;
    auto make_query = [&](std::string name, std::string dob, std::string nationality,
                          std::string where) {
      Query query;
      query.name = std::move(name);
      query.where = std::move(where);
      query.options.threshold = options->threshold;
      query.options.max_results = options->max_results;
      if (!dob.empty())
        query.options.birth_date = std::move(dob);
      if (!nationality.empty())
        query.options.nationality = std::move(nationality);
      queries.push_back(std::move(query));
    };
    if (!options->file.empty()) {
      auto bytes = read_file_bytes(options->file, kMaxNamesFileBytes, Error::Kind::not_found);
      if (!bytes) {
        exit_code = report(bytes.error());
        return;
      }
      auto rows = node::read_screening_csv(*bytes);
      if (!rows) {
        Error error = rows.error();
        error.where = options->file;
        exit_code = report(error);
        return;
      }
      for (auto& row : *rows)
        make_query(std::move(row.name), row.birth_date.value_or(""), row.nationality.value_or(""),
                   options->file + ":" + std::to_string(row.line));
    } else {
      make_query(options->name, options->birth_date, options->nationality, "NAME");
    }

    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    auto loaded = node::load_watchlist(*opened->store);
    if (!loaded) {
      exit_code = report(loaded.error());
      return;
    }
    if (!global.quiet)
      std::fprintf(stderr, "Screening %zu name(s) against %zu entries\n", queries.size(),
                   loaded->entries);
    // All names on all cores (screen_batch), printed in file order.
    std::vector<names::ScreenRequest> requests;
    requests.reserve(queries.size());
    for (const auto& query : queries)
      requests.push_back({query.name, query.options});
    auto results = loaded->watchlist.screen_batch(requests, options->threads);
    for (std::size_t k = 0; k < queries.size(); ++k) {
      if (!results[k]) {
        Error error = results[k].error();
        error.where = queries[k].where;
        exit_code = report(error);
        continue;
      }
      print_candidates(queries[k], *results[k]);
    }
  });
}

} // namespace tansiq::cli
