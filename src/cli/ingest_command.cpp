#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/file_bytes.h"
#include "cli/tlp_option.h"
#include "node/article_intake.h"
#include "node/node.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace tansiq::cli {
namespace {

namespace fs = std::filesystem;

bool is_article_file(const fs::path& path) {
  auto extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".txt" || extension == ".html" || extension == ".htm";
}

// The files a path names: itself, or every *.txt/*.html under a directory, sorted.
Result<std::vector<std::string>> list_article_files(const std::string& path) {
  if (path == "-")
    return std::vector<std::string>{path};
  std::error_code error;
  auto status = fs::status(path, error);
  if (error || !fs::exists(status))
    return make_error(Error::Kind::not_found, "no such file or directory", path);
  if (!fs::is_directory(status))
    return std::vector<std::string>{path};
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
       it.increment(error))
    if (it->is_regular_file() && is_article_file(it->path()))
      files.push_back(it->path().string());
  if (error)
    return make_error(Error::Kind::unavailable, error.message(), path);
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::string> read_article(const std::string& path) {
  if (path == "-") {
    std::string bytes;
    char buffer[65536];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
      bytes.append(buffer, got);
      if (bytes.size() > node::kMaxArticleBytes)
        break; // check_article says it is too large
    }
    return bytes;
  }
  return read_file_bytes(path, node::kMaxArticleBytes, Error::Kind::unavailable);
}

} // namespace

void add_ingest_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand(
      "ingest",
      "Turn press articles (plain text or HTML, UTF-8 or windows-1256) into STIX reports: files, "
      "directories (*.txt, *.html), - for stdin");
  struct Options {
    std::vector<std::string> paths;
    std::string source_url, lang, collection, encoding;
    stix::Tlp tlp = stix::Tlp::green;
  };
  auto options = std::make_shared<Options>();
  command->add_option("PATH", options->paths, "Article files or directories; - reads stdin")
      ->required();
  command->add_option("--source-url", options->source_url, "Where the article was published");
  command->add_option("--lang", options->lang, "Language of the articles (default: detected)")
      ->check(CLI::IsMember({"ar", "fr", "en"}));
  command
      ->add_option("--encoding", options->encoding,
                   "utf-8 or windows-1256 (default: UTF-8 when valid, else the HTML <meta> "
                   "charset, else windows-1256 when the bytes read as Arabic)")
      ->check(CLI::IsMember({"utf-8", "utf8", "windows-1256", "cp1256"}, CLI::ignore_case));
  command->add_option("-c,--collection", options->collection,
                      "Collection id (default: the node's default collection)");
  add_tlp_option(*command, options->tlp);
  command->callback([&global, &exit_code, options] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    std::string target =
        options->collection.empty() ? opened->config.default_collection : options->collection;
    node::IntakeOptions intake;
    intake.source_url = options->source_url;
    intake.lang = options->lang;
    intake.tlp = options->tlp;
    if (!options->encoding.empty())
      intake.encoding = text::parse_encoding(options->encoding).value_or(text::Encoding::detect);
    const auto& kb = node::shipped_knowledge_base();

    std::size_t files = 0, failed = 0, reports = 0, added = 0, duplicates = 0, rejected = 0,
                near_duplicates = 0;
    node::EntityCounts total;
    auto fail = [&](Error error, const std::string& file) {
      if (error.where.empty())
        error.where = file == "-" ? "stdin" : file;
      ++failed;
      int code = report(error);
      if (error.kind == Error::Kind::unavailable || error.kind == Error::Kind::internal)
        exit_code = code;
    };
    for (const auto& path : options->paths) {
      auto listed = list_article_files(path);
      if (!listed) {
        fail(listed.error(), path);
        continue;
      }
      for (const auto& file : *listed) {
        ++files;
        auto bytes = read_article(file);
        if (!bytes) {
          fail(bytes.error(), file);
          continue;
        }
        auto result = node::ingest_article(*opened->store, target, *bytes, kb, intake);
        if (!result) {
          fail(result.error(), file);
          if (result.error().kind != Error::Kind::invalid_input)
            return; // the store failed: stop here
          continue;
        }
        const auto& a = result->article;
        const auto& c = a.counts;
        const char* name = file == "-" ? "stdin" : file.c_str();
        for (const auto& warning : a.warnings)
          std::fprintf(stderr, "warning %s: %s\n", name, warning.c_str());
        if (!result->near_duplicate_of.empty()) {
          ++near_duplicates;
          ++reports;
          added += result->import.added;
          std::printf("%s: near duplicate of %s (similarity %.2f): %s; nothing else stored\n", name,
                      result->near_duplicate_of.c_str(), result->similarity,
                      result->source_added        ? "its new version cites this source"
                      : intake.source_url.empty() ? "no --source-url to add to it"
                                                  : "it cites this source already");
          continue;
        }
        std::printf("%s: %s%s, published %s%s: %zu person(s), %zu organisation(s), %zu "
                    "group(s), %zu place(s), %zu date(s), %zu figure(s); %zu added, %zu "
                    "duplicate(s)\n",
                    name, a.report_id.c_str(), result->already_stored ? " (already ingested)" : "",
                    a.published.c_str(),
                    a.published_estimated ? " (estimated: no date in the text)" : "", c.persons,
                    c.organisations, c.groups, c.places, c.dates, c.figures, result->import.added,
                    result->import.duplicates);
        for (const auto& object : result->import.rejected)
          for (const auto& violation : object.violations)
            if (violation.severity == stix::Severity::error)
              std::fprintf(stderr, "rejected %s %s %s: %s\n", file.c_str(), object.id.c_str(),
                           violation.path.c_str(), violation.message.c_str());
        if (!result->import.rejected.empty())
          ++failed;
        else
          ++reports;
        added += result->import.added;
        duplicates += result->import.duplicates;
        rejected += result->import.rejected.size();
        total.persons += c.persons;
        total.organisations += c.organisations;
        total.groups += c.groups;
        total.places += c.places;
        total.dates += c.dates;
        total.figures += c.figures;
      }
    }
    std::fflush(stdout);
    if (added > 0)
      update_search_index(global, *opened->store);
    if (!global.quiet)
      std::printf("Ingested %zu of %zu file(s) into collection %s: %zu person(s), %zu "
                  "organisation(s), %zu group(s), %zu place(s), %zu date(s), %zu figure(s); %zu "
                  "added, %zu duplicate(s), %zu near duplicate(s) linked, %zu rejected, %zu "
                  "error(s)\n",
                  reports, files, target.c_str(), total.persons, total.organisations, total.groups,
                  total.places, total.dates, total.figures, added, duplicates, near_duplicates,
                  rejected, failed);
    if (exit_code == kSuccess && failed > 0)
      exit_code = kInvalidInput;
  });
}

} // namespace tansiq::cli
