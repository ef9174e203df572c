// Precision, recall and F1 at the default threshold on the development set
// ../shared/data/names-dev/unsc-pairs.tsv (see its SOURCE.md), per kind of pair.
#include "names/matcher.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace tansiq::names;

namespace {

struct Pair {
  std::string arabic, latin, kind;
  bool same = false;
};

std::vector<Pair> read_pairs(const std::string& path) {
  std::ifstream in(path);
  std::vector<Pair> pairs;
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    std::string cell;
    while (std::getline(row, cell, '\t'))
      cells.push_back(cell);
    if (cells.size() < 4)
      continue;
    pairs.push_back({cells[0], cells[1], cells[3], cells[2] == "1"});
  }
  return pairs;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void add(bool same, bool matched) { (same ? (matched ? tp : fn) : (matched ? fp : tn))++; }
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

void print(const char* label, const Counts& c) {
  std::printf("%-46s tp %4d fp %4d fn %4d tn %4d  P %.3f R %.3f F1 %.3f\n", label, c.tp, c.fp, c.fn,
              c.tn, c.precision(), c.recall(), c.f1());
}

} // namespace

TEST(Evaluation, DevelopmentSetAtTheDefaultThreshold) {
  auto pairs = read_pairs("../shared/data/names-dev/unsc-pairs.tsv");
  ASSERT_GT(pairs.size(), 900u) << "development set not found (run from the repository root)";
  std::map<std::string, Counts> by_kind;
  Counts main, partial;
  std::vector<std::pair<double, bool>> scored; // cross-script pairs without partial names
  bool verbose = std::getenv("TANSIQ_NAMES_EVAL_VERBOSE") != nullptr;
  for (const auto& p : pairs) {
    auto score = name_similarity(p.arabic, p.latin);
    ASSERT_TRUE(score) << p.arabic << " / " << p.latin << ": " << score.error().message;
    bool matched = *score >= default_threshold;
    if (p.kind != "partial-name-same-person")
      scored.emplace_back(*score, p.same);
    by_kind[p.kind].add(p.same, matched);
    (p.kind == "partial-name-same-person" ? partial : main).add(p.same, matched);
    if (verbose && matched != p.same)
      std::printf("%s %.3f  %s | %s  [%s]\n", p.same ? "MISS" : "FALSE", *score, p.arabic.c_str(),
                  p.latin.c_str(), p.kind.c_str());
  }
  for (const auto& [kind, counts] : by_kind)
    print(kind.c_str(), counts);
  print("ALL cross-script (without partial names)", main);
  print("partial-name-same-person (reported apart)", partial);
  std::printf("threshold sweep (cross-script, without partial names):\n");
  for (double t = 0.60; t < 0.951; t += 0.05) {
    Counts c;
    for (const auto& [s, same] : scored)
      c.add(same, s >= t);
    std::printf("  %.2f  P %.3f R %.3f F1 %.3f\n", t, c.precision(), c.recall(), c.f1());
  }
  // Floors just below what the matcher achieves (P 0.994, R 0.926 when written); the aim
  // of the issue is R >= 0.95 at P >= 0.95, reached only at threshold 0.65 for now.
  EXPECT_GE(main.precision(), 0.98);
  EXPECT_GE(main.recall(), 0.91);
  EXPECT_GE(by_kind["hard-negative-same-family-name"].tn, 124);
  EXPECT_GE(by_kind["hard-negative-swapped-given-patronymic"].tn, 14);
}
