// Near-duplicate fingerprints (issue 5, stage 8): variants of an article (other boilerplate,
// punctuation and spacing, an added sentence, a few words edited) are near duplicates of it;
// distinct articles on the same topics (the samples and the dev set: Moroccan and Maghreb
// counter-terrorism news) are not. The measured distribution is printed.
#include "support.h"
#include "text/extract.h"
#include "text/fingerprint.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace tansiq::text {
namespace {

struct Article {
  std::string name, raw;
};

std::vector<Article> articles() {
  std::vector<Article> all;
  for (const char* dir : {"../shared/samples/articles", "../shared/data/intake-dev/articles"})
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".txt")
        all.push_back({entry.path().filename().string(), testing::read_file(entry.path())});
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return all;
}

TextFingerprint fingerprint_of(const std::string& raw) {
  auto x = extract(raw, testing::knowledge_base());
  EXPECT_TRUE(x.ok());
  return fingerprint(x.ok() ? x->text : std::string());
}

std::size_t shared_bands(const TextFingerprint& a, const TextFingerprint& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.bands.size() && i < b.bands.size(); ++i)
    n += a.bands[i] == b.bands[i];
  return n;
}

// The longest line: a body paragraph.
std::size_t longest_line(const std::string& text, std::size_t& length) {
  std::size_t best = 0, at = 0;
  length = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string::npos)
      end = text.size();
    if (end - at > length) {
      length = end - at;
      best = at;
    }
    at = end + 1;
  }
  return best;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string with_other_boilerplate(const std::string& raw) {
  return "عاجل\nاليوم السبت 21 يناير 2017\n• خبر أول في الشريط\n• خبر ثان في الشريط\n• خبر ثالث "
         "في الشريط\n" +
         raw +
         "\nشارك على فيسبوك\nأضف تعليق\nالتعليقات المنشورة لا تعبر عن رأي الموقع\nاسم "
         "المعلق\n";
}

std::string with_punctuation_changed(const std::string& raw) {
  std::size_t length = 0;
  std::size_t at = longest_line(raw, length);
  std::string paragraph = raw.substr(at, length);
  // (Runs of 3+ spaces would make the cleaner take the line for a headline ticker.)
  paragraph = replace_all(paragraph, "، ", " ، ");
  paragraph = replace_all(paragraph, ". ", " .");
  paragraph = replace_all(paragraph, " في ", "  في ");
  paragraph = replace_all(paragraph, "»", "\"");
  paragraph = replace_all(paragraph, "«", "\"");
  return raw.substr(0, at) + paragraph + raw.substr(at + length);
}

std::string with_sentence_added(const std::string& raw) {
  std::size_t length = 0;
  std::size_t at = longest_line(raw, length);
  return raw.substr(0, at + length) +
         "\nوأكدت مصادر مطلعة أن التحقيقات ما زالت جارية تحت إشراف النيابة العامة المختصة من أجل "
         "تحديد كافة الارتباطات المحتملة للمشتبه فيهم داخل البلاد وخارجها." +
         raw.substr(at + length);
}

// Every 40th word replaced, as an editor syndicating the article might.
std::string with_words_edited(const std::string& raw) {
  std::string out;
  std::size_t word = 0, at = 0;
  while (at < raw.size()) {
    auto end = raw.find(' ', at);
    if (end == std::string::npos)
      end = raw.size();
    out += (++word % 40 == 20) ? std::string("كذلك") : raw.substr(at, end - at);
    if (end < raw.size())
      out += ' ';
    at = end + 1;
  }
  return out;
}

TEST(Fingerprint, DistinctArticlesAreNotNearDuplicatesAndVariantsAre) {
  const auto all = articles();
  ASSERT_EQ(all.size(), 11u);
  std::vector<TextFingerprint> prints;
  for (const auto& article : all) {
    prints.push_back(fingerprint_of(article.raw));
    EXPECT_EQ(prints.back().bands.size(), kBands);
    EXPECT_GT(prints.back().shingles.size(), 50u) << article.name;
  }

  double max_distinct = 0;
  std::size_t max_shared_bands = 0;
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      double r = resemblance(prints[i], prints[j]);
      EXPECT_LT(r, kNearDuplicateResemblance) << all[i].name << " vs " << all[j].name;
      max_distinct = std::max(max_distinct, r);
      max_shared_bands = std::max(max_shared_bands, shared_bands(prints[i], prints[j]));
    }

  struct Variant {
    const char* what;
    std::string (*make)(const std::string&);
  };
  const Variant variants[] = {
      {"other boilerplate", with_other_boilerplate},
      {"punctuation and spacing", with_punctuation_changed},
      {"a sentence added", with_sentence_added},
      {"words edited", with_words_edited},
      {"all of these",
       [](const std::string& raw) {
         return with_other_boilerplate(
             with_words_edited(with_sentence_added(with_punctuation_changed(raw))));
       }},
  };
  double min_variant = 1;
  std::size_t min_variant_bands = kBands;
  for (const auto& variant : variants) {
    double min_here = 1;
    for (std::size_t i = 0; i < all.size(); ++i) {
      std::string changed = variant.make(all[i].raw);
      ASSERT_NE(changed, all[i].raw) << variant.what << " " << all[i].name;
      auto print = fingerprint_of(changed);
      double r = resemblance(print, prints[i]);
      EXPECT_GE(r, kNearDuplicateResemblance) << variant.what << " " << all[i].name;
      // Found through the LSH keys, not only when compared.
      EXPECT_GE(shared_bands(print, prints[i]), 1u) << variant.what << " " << all[i].name;
      min_here = std::min(min_here, r);
      min_variant_bands = std::min(min_variant_bands, shared_bands(print, prints[i]));
      // ... and still not a near duplicate of any other article.
      for (std::size_t j = 0; j < all.size(); ++j)
        if (j != i) {
          EXPECT_LT(resemblance(print, prints[j]), kNearDuplicateResemblance)
              << variant.what << " " << all[i].name << " vs " << all[j].name;
        }
    }
    std::cout << "[ measured ] min resemblance, " << variant.what << ": " << min_here << "\n";
    min_variant = std::min(min_variant, min_here);
  }
  std::cout << "[ measured ] max resemblance between distinct articles: " << max_distinct
            << " (max shared LSH bands " << max_shared_bands << " of " << kBands
            << "); min between an article and its variant: " << min_variant << " (min shared bands "
            << min_variant_bands << ")\n";
}

TEST(Fingerprint, EmptyAndTinyTexts) {
  EXPECT_TRUE(fingerprint("").shingles.empty());
  EXPECT_TRUE(fingerprint("").bands.empty());
  EXPECT_TRUE(fingerprint("، . ؟").bands.empty());
  auto two = fingerprint("خلية إرهابية");
  EXPECT_EQ(two.shingles.size(), 1u);
  EXPECT_EQ(two.bands.size(), kBands);
  EXPECT_EQ(resemblance(two, fingerprint("خلية  إرهابية!")), 1.0);
  EXPECT_EQ(resemblance(two, fingerprint("")), 0.0);
  // The normalised form: harakat, alef forms and tatweel do not matter.
  EXPECT_EQ(resemblance(fingerprint("الإرهاب في المغرب"), fingerprint("الارهـاب في المَغرب")), 1.0);
}

// The shingles alone (what a candidate is compared on) are the fingerprint's.
TEST(Fingerprint, ShinglesOfAreTheFingerprintsShingles) {
  for (const auto& article : articles()) {
    auto x = extract(article.raw, testing::knowledge_base());
    ASSERT_TRUE(x.ok()) << article.name;
    auto print = fingerprint(x->text);
    EXPECT_FALSE(print.shingles.empty()) << article.name;
    EXPECT_EQ(shingles_of(x->text), print.shingles) << article.name;
  }
  EXPECT_TRUE(shingles_of("، . !").empty());
}

} // namespace
} // namespace tansiq::text
