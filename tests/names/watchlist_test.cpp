#include "names/matcher.h"

#include "names/latin_key.h"
#include "names/name_normaliser.h"
#include "names/name_tokens.h"
#include "names/scorer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace tansiq::names;

namespace {
Watchlist sample() {
  Watchlist list;
  EXPECT_TRUE(
      list.add({"hammouchi", {"عبد اللطيف الحموشي", "Abdellatif Hammouchi"}, "1966", "MA"}));
  EXPECT_TRUE(list.add({"tikriti-barzan", {"برزان إبراهيم حسن التكريتي"}, std::nullopt, "IQ"}));
  EXPECT_TRUE(list.add({"tikriti-saddam", {"Saddam Hussein Al-Tikriti"}, std::nullopt, "IQ"}));
  EXPECT_TRUE(list.add({"zawahiri", {"أيمن محمد ربيع الظواهري", "Ayman al-Zawahiri"}, {}, {}}));
  list.build();
  return list;
}
} // namespace

TEST(Watchlist, ScreensEveryFormOfTheIssuesExample) {
  Watchlist list = sample();
  for (const char* q : {"عبد اللطيف الحموشي", "Abdellatif Hammouchi", "Abdelatif Hamouchi",
                        "Abd al-Latif al-Hamushi", "HAMMOUCHI Abdellatif"}) {
    auto found = list.screen(q);
    ASSERT_TRUE(found) << q;
    ASSERT_FALSE(found->empty()) << q;
    EXPECT_EQ(found->front().id, "hammouchi") << q;
    EXPECT_GE(found->front().score, default_threshold);
    EXPECT_FALSE(found->front().explanation.parts.empty());
  }
}

TEST(Watchlist, DoesNotConfuseRelativesAndRanksBestFirst) {
  Watchlist list = sample();
  auto found = list.screen("Barzan Ibrahim Hasan al-Tikriti");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, "tikriti-barzan");
  ScreenOptions loose;
  loose.threshold = 0.0;
  auto all = list.screen("Barzan Ibrahim Hasan al-Tikriti", loose);
  ASSERT_TRUE(all);
  for (std::size_t i = 1; i < all->size(); ++i)
    EXPECT_GE((*all)[i - 1].score, (*all)[i].score);
}

TEST(Watchlist, BirthDateAndNationalityAdjustAndExplain) {
  Watchlist list = sample();
  ScreenOptions agree, disagree;
  agree.birth_date = "1966-03-01";
  disagree.birth_date = "1980";
  disagree.threshold = 0;
  auto a = list.screen("Abdellatif Hammouchi", agree);
  auto d = list.screen("Abdellatif Hammouchi", disagree);
  ASSERT_TRUE(a && d && !a->empty() && !d->empty());
  EXPECT_GT(a->front().score, d->front().score);
  EXPECT_NE(a->front().explanation.summary().find("birth date agrees"), std::string::npos);
}

TEST(Watchlist, RejectsUnusableEntriesAndScreeningBeforeBuild) {
  Watchlist list;
  EXPECT_FALSE(list.add({"", {"Ali Hassan"}, {}, {}}));
  EXPECT_FALSE(list.add({"x", {}, {}, {}}));
  EXPECT_FALSE(list.add({"x", {"", "\x01"}, {}, {}}));
  EXPECT_TRUE(list.add({"y", {"Ali Hassan", "\xff"}, {}, {}}));
  EXPECT_EQ(list.skipped_names(), 1u);
  EXPECT_FALSE(list.screen("Ali Hassan"));
  list.build();
  auto found = list.screen("علي حسن");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, "y");
}

namespace {
// Arabic / Latin pairs of the development set (see evaluation_test.cpp).
std::vector<std::pair<std::string, std::string>> development_pairs() {
  std::ifstream in("../shared/data/names-dev/unsc-pairs.tsv");
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    auto next = line.find('\t', tab + 1);
    if (tab != std::string::npos && next != std::string::npos)
      pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1, next - tab - 1));
  }
  return pairs;
}

NameParts parsed(const std::string& text) {
  auto normal = normalise_name(text);
  EXPECT_TRUE(normal) << text;
  return normal ? name_parts(*normal) : NameParts{};
}
} // namespace

// Screening skips names whose estimate is below the threshold: the estimates must never
// be below the score, or matches would be lost.
TEST(Watchlist, EstimatesAreUpperBoundsOfTheScore) {
  auto pairs = development_pairs();
  ASSERT_GT(pairs.size(), 900u) << "development set not found (run from the repository root)";
  std::size_t checked = 0;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    // Each pair both ways, and with the next pair's Latin name (mostly another person).
    for (const auto& [a, b] : {pairs[k], std::pair{pairs[k].second, pairs[k].first},
                               std::pair{pairs[k].first, pairs[(k + 1) % pairs.size()].second}}) {
      NameParts query = parsed(a), entry = parsed(b);
      if (query.parts.empty() || entry.parts.empty())
        continue;
      std::vector<NamePart> table = entry.parts;
      std::vector<std::vector<std::string>> keys;
      std::vector<std::uint32_t> ids;
      for (const auto& part : table) {
        std::vector<std::string> skeletons;
        for (const auto& form : part.forms) {
          auto key = part.script == Script::latin ? latin_skeleton(form) : arabic_skeleton(form);
          if (!key.empty() && std::find(skeletons.begin(), skeletons.end(), key) == skeletons.end())
            skeletons.push_back(key);
        }
        keys.push_back(std::move(skeletons));
        ids.push_back(static_cast<std::uint32_t>(ids.size()));
      }
      QueryScorer scorer(query);
      double score = scorer.score(ids, entry.reordered, table, keys);
      EXPECT_NEAR(score, score_names(query, entry, nullptr), 1e-12) << a << " / " << b;
      EXPECT_GE(scorer.coarse_estimate(ids, table, keys), score - 1e-12) << a << " / " << b;
      EXPECT_GE(scorer.estimate(ids, table, keys), score - 1e-12) << a << " / " << b;
      ++checked;
    }
  }
  EXPECT_GT(checked, 2500u);
}

// What screening returns scores as name_similarity does, and it finds most pairs
// name_similarity matches (522 of 551 when written; the rest share too few consonant
// skeletons for the index: Walijan / ولی جان, Tharwat / ثروت).
TEST(Watchlist, ScreeningFindsWhatNameSimilarityMatches) {
  auto pairs = development_pairs();
  ASSERT_GT(pairs.size(), 900u);
  Watchlist list;
  for (std::size_t k = 0; k < pairs.size(); ++k)
    ASSERT_TRUE(list.add({std::to_string(k), {pairs[k].second}, {}, {}}));
  list.build();
  ScreenOptions options;
  options.max_results = 1000;
  std::size_t matched = 0, found = 0;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    auto similarity = name_similarity(pairs[k].first, pairs[k].second);
    ASSERT_TRUE(similarity);
    auto screened = list.screen(pairs[k].first, options);
    ASSERT_TRUE(screened);
    for (const auto& c : *screened) {
      auto again = name_similarity(pairs[k].first, c.matched_name);
      ASSERT_TRUE(again);
      EXPECT_NEAR(c.score, *again, 1e-12) << pairs[k].first << " / " << c.matched_name;
    }
    if (*similarity < default_threshold)
      continue;
    ++matched;
    found += std::any_of(screened->begin(), screened->end(),
                         [&](const Candidate& c) { return pairs[k].second == c.matched_name; });
  }
  std::printf("screening found %zu of the %zu pairs name_similarity matches\n", found, matched);
  EXPECT_GE(static_cast<double>(found), 0.93 * static_cast<double>(matched));
}

// screen_batch on several threads gives, in request order, what screen gives one by one
// (the shared similarity table is filled concurrently: the results must not depend on it).
TEST(Watchlist, BatchScreeningOnSeveralThreadsGivesWhatScreenGives) {
  auto pairs = development_pairs();
  ASSERT_GT(pairs.size(), 900u);
  Watchlist list;
  for (std::size_t k = 0; k < pairs.size(); ++k)
    ASSERT_TRUE(list.add({std::to_string(k), {pairs[k].second}, {}, {}}));
  list.build();
  std::vector<ScreenRequest> requests;
  for (const auto& pair : pairs)
    requests.push_back({pair.first, {}});
  requests.push_back({"", {}});                 // an error, in its place
  requests.push_back({"Omar \xFF Haddad", {}}); // invalid UTF-8
  ScreenOptions dated;
  dated.birth_date = "1950";
  dated.threshold = 0.5;
  requests.push_back({pairs[0].first, dated}); // each request has its own options

  // Threads first: the table is empty then, so they race to fill it.
  for (unsigned threads : {4u, 1u, 0u}) {
    auto batch = list.screen_batch(requests, threads);
    ASSERT_EQ(batch.size(), requests.size());
    for (std::size_t k = 0; k < requests.size(); ++k) {
      auto one = list.screen(requests[k].name, requests[k].options);
      ASSERT_EQ(batch[k].ok(), one.ok()) << requests[k].name;
      if (!one) {
        EXPECT_EQ(batch[k].error().message, one.error().message);
        continue;
      }
      ASSERT_EQ(batch[k]->size(), one->size()) << requests[k].name;
      for (std::size_t c = 0; c < one->size(); ++c) {
        EXPECT_EQ((*batch[k])[c].id, (*one)[c].id) << requests[k].name;
        EXPECT_EQ((*batch[k])[c].score, (*one)[c].score) << requests[k].name;
        EXPECT_EQ((*batch[k])[c].explanation.summary(), (*one)[c].explanation.summary());
      }
    }
  }
  EXPECT_TRUE(list.screen_batch({}, 4).empty());
}

// Each thread keeps what it learnt about a list's parts from one query to the next (near
// bits, joined skeletons), keyed by part ids: two lists whose ids mean different parts,
// screened in turn on one thread, must each get their own scores; and two scorers alive
// at once on one thread must not share their working memory.
TEST(Watchlist, ListsScreenedInTurnOnOneThreadKeepTheirOwnScores) {
  auto pairs = development_pairs();
  ASSERT_GT(pairs.size(), 900u);
  Watchlist first, second;
  for (std::size_t k = 0; k < 200; ++k) {
    ASSERT_TRUE(first.add({std::to_string(k), {pairs[k].second}, {}, {}}));
    ASSERT_TRUE(second.add({std::to_string(k), {pairs[pairs.size() - 1 - k].second}, {}, {}}));
  }
  first.build();
  second.build();
  ScreenOptions options;
  options.threshold = 0.5;
  options.max_results = 50;
  std::size_t compared = 0;
  for (std::size_t k = 0; k < 200; ++k)
    for (const Watchlist* list : {&first, &second, &first}) {
      const auto& query = list == &first ? pairs[k].first : pairs[pairs.size() - 1 - k].first;
      auto screened = list->screen(query, options);
      ASSERT_TRUE(screened) << query;
      for (const auto& c : *screened) {
        auto again = name_similarity(query, c.matched_name);
        ASSERT_TRUE(again);
        EXPECT_NEAR(c.score, *again, 1e-12) << query << " / " << c.matched_name;
        ++compared;
      }
    }
  EXPECT_GT(compared, 400u);

  NameParts a = parsed(pairs[0].first), b = parsed(pairs[1].first);
  NameParts entry = parsed(pairs[0].second);
  std::vector<NamePart> table = entry.parts;
  std::vector<std::vector<std::string>> keys;
  std::vector<std::uint32_t> ids;
  for (const auto& part : table) {
    std::vector<std::string> skeletons;
    for (const auto& form : part.forms) {
      auto key = part.script == Script::latin ? latin_skeleton(form) : arabic_skeleton(form);
      if (!key.empty() && std::find(skeletons.begin(), skeletons.end(), key) == skeletons.end())
        skeletons.push_back(key);
    }
    keys.push_back(std::move(skeletons));
    ids.push_back(static_cast<std::uint32_t>(ids.size()));
  }
  QueryScorer outer(a);
  QueryScorer inner(b);
  double inner_score = inner.score(ids, entry.reordered, table, keys);
  double outer_score = outer.score(ids, entry.reordered, table, keys);
  EXPECT_NEAR(outer_score, score_names(a, entry, nullptr), 1e-12);
  EXPECT_NEAR(inner_score, score_names(b, entry, nullptr), 1e-12);
}
