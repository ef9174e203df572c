// Question (issue 5): how fast does ingestion take article text end to end, per core: the
// path of `tansiq ingest` (node::ingest_article for each article: decode, clean -> entities,
// bundle, near-duplicate fingerprint and look-up, LSH keys, validation and SQLite store write;
// then search::catch_up until the Xapian index has committed) on a real node directory.
// Target: >= 5 MB of article text per CPU-second. CPU time is the process's (getrusage-like
// CLOCK_PROCESS_CPUTIME_ID), so the figure holds on a shared machine; wall-clock MB/s is shown
// too (it includes fsync waits and other processes). Baseline in the same run: normalisation
// alone (text::normalise) over the same bytes, as text_bench.
//
// The articles: the 11 real ones (../shared/samples/articles, ../shared/data/intake-dev/
// articles), varied so that near-duplicate detection does not collapse them: each generated
// article is a real article (its boilerplate, headline and dateline as they are) whose body
// paragraphs are rewritten with as many sentences drawn at random, without repeats, from the
// body sentences of all 11. Two generated articles then share few sentences (and fewer 3-word
// shingles), as two articles on one subject would; the bench prints how many were still taken
// as near duplicates.
//
// Usage: ingest_bench [--smoke] [--mb N] [--show N] (--show prints generated article N).
#include "bench_support.h"
#include "node/article_intake.h"
#include "node/node.h"
#include "search/catch_up.h"
#include "search/search_index.h"
#include "text/clean.h"
#include "text/normalise.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace tansiq;
namespace fs = std::filesystem;

namespace {

double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::string_view trimmed(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= text.size();) {
    auto end = text.find('\n', at);
    if (end == std::string_view::npos)
      end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

// Lines of the cleaned text at least this long (the headline excepted) are body paragraphs;
// shorter ones (datelines, captions, bylines) are kept as they are.
constexpr std::size_t kMinParagraphBytes = 60;

// A paragraph's sentences: up to and including ". ", "? ", "! " (Arabic and Latin alike).
std::vector<std::string_view> sentences_of(std::string_view paragraph) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  for (std::size_t i = 0; i + 1 < paragraph.size(); ++i)
    if ((paragraph[i] == '.' || paragraph[i] == '!' || paragraph[i] == '?') &&
        paragraph[i + 1] == ' ') {
      out.push_back(trimmed(paragraph.substr(at, i + 1 - at)));
      at = i + 2;
    }
  if (at < paragraph.size())
    out.push_back(trimmed(paragraph.substr(at)));
  return out;
}

// Generated article n: real article n mod 11, each of whose body paragraphs is replaced by as
// many sentences drawn at random from the body sentences of all the articles (no sentence twice
// in one article).
class ArticleMixer {
public:
  explicit ArticleMixer(std::vector<std::string> articles) : articles_(std::move(articles)) {
    for (const auto& article : articles_) {
      auto cleaned = text::clean(article);
      std::vector<std::pair<std::string, std::size_t>> body; // paragraph, its sentence count
      if (cleaned) {
        auto lines = lines_of(cleaned->text);
        for (std::size_t i = 1; i < lines.size(); ++i) { // line 0: the headline
          auto line = trimmed(lines[i]);
          if (line.size() < kMinParagraphBytes)
            continue;
          auto sentences = sentences_of(line);
          body.emplace_back(line, sentences.size());
          for (auto sentence : sentences)
            if (!sentence.empty())
              pool_.emplace_back(sentence);
        }
      }
      body_.push_back(std::move(body));
    }
  }

  std::size_t pool_size() const { return pool_.size(); }

  std::string next(std::size_t n) {
    const std::string& base = articles_[n % articles_.size()];
    const auto& body = body_[n % articles_.size()];
    std::string out;
    out.reserve(base.size() + 512);
    std::vector<std::size_t> used;
    for (auto line : lines_of(base)) {
      if (!out.empty())
        out += '\n';
      // The cleaner may have cut a widget off the end of the line: the paragraph is found in
      // the line, and only it is replaced.
      auto paragraph = std::find_if(body.begin(), body.end(), [&](const auto& p) {
        return line.find(p.first) != std::string_view::npos;
      });
      if (paragraph == body.end()) {
        out.append(line);
        continue;
      }
      const auto at = line.find(paragraph->first);
      out.append(line.substr(0, at));
      for (std::size_t k = 0; k < paragraph->second; ++k) {
        std::size_t pick;
        do
          pick = random_() % pool_.size();
        while (used.size() < pool_.size() &&
               std::find(used.begin(), used.end(), pick) != used.end());
        used.push_back(pick);
        if (k > 0)
          out += ' ';
        out += pool_[pick];
        ++replaced_;
      }
      out.append(line.substr(at + paragraph->first.size()));
    }
    return out;
  }

  std::size_t replaced() const { return replaced_; }

private:
  std::vector<std::string> articles_;
  std::vector<std::vector<std::pair<std::string, std::size_t>>> body_; // per article
  std::vector<std::string> pool_;                                      // body sentences
  std::mt19937_64 random_{2026};
  std::size_t replaced_ = 0;
};

} // namespace

int main(int argc, char** argv) {
  bool smoke = false;
  double target_mb = 20;
  long show = -1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--smoke") == 0)
      smoke = true;
    else if (std::strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
      target_mb = std::stod(argv[++i]);
    else if (std::strcmp(argv[i], "--show") == 0 && i + 1 < argc)
      show = std::stol(argv[++i]);
    else {
      std::fprintf(stderr, "usage: ingest_bench [--smoke] [--mb N] [--show N]\n");
      return 2;
    }
  }
  if (smoke)
    target_mb = 0.5;

  std::vector<std::string> articles;
  for (const auto& entry : fs::directory_iterator("../shared/samples/articles"))
    if (entry.path().extension() == ".txt")
      articles.push_back(bench::read_file(entry.path().string()));
  for (const auto& entry : fs::directory_iterator("../shared/data/intake-dev/articles"))
    if (entry.path().extension() == ".txt")
      articles.push_back(bench::read_file(entry.path().string()));
  std::sort(articles.begin(), articles.end()); // directory order varies: the mix does not
  if (articles.size() < 2 || std::any_of(articles.begin(), articles.end(),
                                         [](const std::string& a) { return a.empty(); })) {
    std::fprintf(stderr, "cannot read the articles (run from the repository root)\n");
    return 1;
  }
  ArticleMixer mixer(articles);
  if (show >= 0) {
    std::string article;
    for (long n = 0; n <= show; ++n)
      article = mixer.next(static_cast<std::size_t>(n));
    std::fwrite(article.data(), 1, article.size(), stdout);
    return 0;
  }
  std::vector<std::string> mixed;
  std::size_t bytes = 0;
  while (static_cast<double>(bytes) < target_mb * 1e6) {
    mixed.push_back(mixer.next(mixed.size()));
    bytes += mixed.back().size();
  }
  const double mb = static_cast<double>(bytes) / 1e6;

  // Baseline: normalisation alone over the same bytes.
  std::size_t sink = 0;
  double baseline_cpu = process_cpu_seconds();
  for (const auto& article : mixed)
    sink += text::normalise(article).text.size();
  baseline_cpu = process_cpu_seconds() - baseline_cpu;

  fs::path dir =
      fs::temp_directory_path() / ("tansiq-ingest-bench-" + std::to_string(std::random_device{}()));
  fs::remove_all(dir);
  node::NodeConfig config;
  config.port = 0;
  auto created = node::create_node(dir.string(), config);
  if (!created) {
    std::fprintf(stderr, "%s\n", created.error().describe().c_str());
    return 1;
  }
  auto opened = node::open_node(dir.string());
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
    return 1;
  }
  const auto& kb = node::shipped_knowledge_base(); // loaded before the clock starts
  node::IntakeStageSeconds stages;
  node::IntakeOptions options;
  options.now = "2026-11-25T12:00:00.000Z";
  options.stage_seconds = &stages;

  std::size_t stored = 0, near_duplicates = 0, already = 0, objects_added = 0;
  bench::Stopwatch wall;
  double cpu = process_cpu_seconds();
  for (const auto& article : mixed) {
    auto result =
        node::ingest_article(*opened->store, created->default_collection_id, article, kb, options);
    if (!result) {
      std::fprintf(stderr, "ingest failed: %s\n", result.error().describe().c_str());
      return 1;
    }
    if (!result->near_duplicate_of.empty())
      ++near_duplicates;
    else if (result->already_stored)
      ++already;
    else
      ++stored;
    objects_added += result->import.added;
  }
  // As `tansiq ingest` does after its files: the index catches up with the store and commits.
  double index_cpu = process_cpu_seconds();
  auto indexed = search::catch_up(*opened->store, search::index_directory(dir.string()));
  index_cpu = process_cpu_seconds() - index_cpu;
  cpu = process_cpu_seconds() - cpu;
  const double wall_s = wall.seconds();
  if (!indexed) {
    std::fprintf(stderr, "index: %s\n", indexed.error().describe().c_str());
    return 1;
  }
  std::size_t documents = 0;
  if (auto reader = search::SearchIndex::open(search::index_directory(dir.string()),
                                              search::SearchIndex::Mode::read))
    documents = reader->document_count();
  std::uintmax_t node_bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      node_bytes += entry.file_size();
  fs::remove_all(dir);

  std::printf("ingest_bench: %zu articles (%.1f MB of article text; %zu body sentences drawn "
              "from a pool of %zu), %zu stored, %zu near duplicates linked, %zu already stored; "
              "%zu objects added, %zu versions indexed, %zu documents in the index (sink %zu)\n",
              mixed.size(), mb, mixer.replaced(), mixer.pool_size(), stored, near_duplicates,
              already, objects_added, *indexed, documents, sink);
  std::printf("%-34s %12.2f MB/s   baseline %8.1f MB/s   ratio %.3f   (baseline: normalise "
              "alone, per CPU-second; issue target >= 5 MB/s per core)\n",
              "end to end, per CPU-second", mb / cpu, mb / baseline_cpu, baseline_cpu / cpu);
  std::printf("%-34s %12.2f s CPU, %.2f s wall (%.1f MB/s wall-clock)\n", "end to end", cpu, wall_s,
              mb / wall_s);
  const double other = cpu - stages.extract - stages.fingerprint - stages.store - index_cpu;
  auto stage = [&](const char* name, double seconds) {
    std::printf("  %-32s %8.2f s CPU  %5.1f %%  (%.1f MB/s)\n", name, seconds, 100 * seconds / cpu,
                seconds > 0 ? mb / seconds : 0.0);
  };
  stage("clean/extract + bundle", stages.extract);
  stage("near-duplicate fingerprint", stages.fingerprint);
  stage("store (look-ups, keys, import)", stages.store);
  stage("index (catch_up, committed)", index_cpu);
  stage("other (process, not in a stage)", other);
  std::printf("node directory %.1f MB after the run; peak RSS %.1f MB\n",
              static_cast<double>(node_bytes) / 1e6, bench::peak_rss_mb());

  // Every stored report must be in the index once it has committed.
  bool ok = stored > 0 && documents >= stored;
  if (!ok)
    std::fprintf(stderr, "ingest_bench: %zu reports stored but %zu documents indexed\n", stored,
                 documents);
  return ok && (smoke || mb / cpu >= 5.0) ? 0 : 1;
}
