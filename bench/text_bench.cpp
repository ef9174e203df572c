// Question: how fast does the text pipeline (clean -> normalise -> tokenise -> dates ->
// figures -> entities) take article text, in MB/s on one core, compared with a baseline
// measured in the same run: ICU-backed normalisation alone (with its offset map) over the
// same bytes. Target (issue 5): the whole ingestion at >= 5 MB/s per core, so the text part
// must be well above that. Also: windows-1256 decoding (ICU ucnv) and the near-duplicate
// fingerprint, the two stages intake adds around the pipeline, against the same baseline.
#include "bench_support.h"
#include "text/encoding.h"
#include "text/extract.h"
#include "text/fingerprint.h"
#include "text/normalise.h"

#include <unicode/unistr.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace tansiq;

namespace {} // namespace

int main(int argc, char** argv) {
  bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
  text::KnowledgeBase kb;
  for (const char* name : {"places.tsv", "nationalities.tsv", "organisations.tsv", "groups.tsv",
                           "persons.tsv", "given_names.tsv"}) {
    auto loaded = kb.add_tsv(bench::read_file(std::string("data/text/") + name), name);
    if (!loaded) {
      std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
      return 1;
    }
  }
  kb.add_icu_countries();

  std::vector<std::string> articles;
  for (const char* name :
       {"2015-11-security-services-meetings-belgium-france",
        "2021-12-us-report-morocco-counterterrorism", "2024-07-olympics-moroccan-security-paris",
        "morocco-coordination-india-bahrain-qatar-belgium",
        "paris-intelligence-meeting-libyan-weapons"})
    articles.push_back(
        bench::read_file(std::string("../shared/samples/articles/") + name + ".txt"));
  for (int n = 1; n <= 6; ++n) {
    char path[96];
    std::snprintf(path, sizeof path, "../shared/data/intake-dev/articles/dev-%02d.txt", n);
    articles.push_back(bench::read_file(path));
  }
  std::size_t corpus = 0;
  for (const auto& a : articles) {
    if (a.empty()) {
      std::fprintf(stderr, "cannot read the articles (run from the repository root)\n");
      return 1;
    }
    corpus += a.size();
  }
  const double target_mb = smoke ? 0.5 : 20.0;
  const int rounds = static_cast<int>(target_mb * 1e6 / static_cast<double>(corpus)) + 1;

  std::size_t sink = 0;
  bench::Stopwatch baseline_clock;
  for (int r = 0; r < rounds; ++r)
    for (const auto& a : articles)
      sink += text::normalise(a).text.size();
  double baseline_s = baseline_clock.seconds();

  std::size_t entities = 0, figures = 0, dates = 0;
  bench::Stopwatch clock;
  for (int r = 0; r < rounds; ++r)
    for (const auto& a : articles) {
      auto x = text::extract(a, kb);
      if (!x) {
        std::fprintf(stderr, "extract failed: %s\n", x.error().describe().c_str());
        return 1;
      }
      entities += x->entities.size();
      figures += x->figures.size();
      dates += x->dates.size();
    }
  double seconds = clock.seconds();
  double mb = static_cast<double>(corpus) * rounds / 1e6;

  // The same articles in windows-1256 (detected), and the fingerprints of their cleaned texts.
  std::vector<std::string> cp1256, cleaned;
  for (const auto& a : articles) {
    auto unicode = icu::UnicodeString::fromUTF8(a);
    std::string bytes(a.size() + 16, '\0');
    bytes.resize(static_cast<std::size_t>(unicode.extract(
        0, unicode.length(), bytes.data(), static_cast<uint32_t>(bytes.size()), "windows-1256")));
    cp1256.push_back(std::move(bytes));
    cleaned.push_back(text::extract(a, kb)->text);
  }
  bench::Stopwatch decode_clock;
  for (int r = 0; r < rounds; ++r)
    for (const auto& bytes : cp1256) {
      auto decoded = text::decode_article(bytes);
      if (!decoded) {
        std::fprintf(stderr, "decode failed: %s\n", decoded.error().describe().c_str());
        return 1;
      }
      sink += decoded->utf8.size();
    }
  double decode_s = decode_clock.seconds();
  bench::Stopwatch print_clock;
  for (int r = 0; r < rounds; ++r)
    for (const auto& c : cleaned)
      sink += text::fingerprint(c).bands.size();
  double print_s = print_clock.seconds();
  std::printf("text_bench: %d rounds over %zu articles (%.1f MB), %zu entities, %zu figures, "
              "%zu dates (sink %zu)\n",
              rounds, articles.size(), mb, entities, figures, dates, sink);
  bench::print_ratio("extract (MB/s, one core)", mb / seconds, mb / baseline_s, "MB/s",
                     "baseline: normalise alone; issue target >= 5 MB/s end to end");
  bench::print_ratio("windows-1256 detect + decode (MB/s of UTF-8 text)", mb / decode_s,
                     mb / baseline_s, "MB/s", "baseline: normalise alone");
  bench::print_ratio("near-duplicate fingerprint of the cleaned text (MB/s of articles)",
                     mb / print_s, mb / baseline_s, "MB/s", "baseline: normalise alone");
  std::printf("peak RSS %.1f MB\n", bench::peak_rss_mb());
  return mb / seconds >= (smoke ? 0.5 : 5.0) ? 0 : 1;
}
