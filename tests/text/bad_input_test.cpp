#include "support.h"
#include "text/extract.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace tansiq::text {
namespace {

const KnowledgeBase& kb() {
  return testing::knowledge_base();
}

TEST(BadInput, EmptyTextGivesAnEmptyExtraction) {
  auto x = extract("", kb());
  ASSERT_TRUE(x.ok());
  EXPECT_TRUE(x->text.empty());
  EXPECT_TRUE(x->entities.empty());
  EXPECT_FALSE(x->publication_date.has_value());
}

TEST(BadInput, InvalidUtf8IsAClearError) {
  auto x = extract("نص \xD8 مقطوع \xFF\xFE", kb());
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().kind, Error::Kind::invalid_input);
  EXPECT_NE(x.error().message.find("UTF-8"), std::string::npos);
  ExtractOptions raw;
  raw.clean = false;
  EXPECT_FALSE(extract("\xC0\x80", kb(), raw).ok());
}

TEST(BadInput, BinaryBytesAreRejected) {
  std::string binary("\x7F"
                     "ELF\x02\x01\x01\x00\x00\x00",
                     10);
  auto x = extract(binary, kb());
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.error().message.find("binary"), std::string::npos);
  std::string controls(100, '\x01');
  EXPECT_FALSE(extract(controls, kb()).ok());
}

TEST(BadInput, TwentyMegabytesIsRejectedQuickly) {
  std::string big(20 * 1024 * 1024, 'a');
  auto start = std::chrono::steady_clock::now();
  auto x = extract(big, kb());
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.error().message.find("too large"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(BadInput, LargeArticleWithinTheLimitRunsInBoundedTime) {
  std::string article = testing::read_file("../shared/data/intake-dev/articles/dev-03.txt");
  std::string big;
  while (big.size() < 2 * 1024 * 1024)
    big += article + "\n" + std::to_string(big.size()) + "\n";
  auto start = std::chrono::steady_clock::now();
  auto x = extract(big, kb());
  ASSERT_TRUE(x.ok());
  EXPECT_FALSE(x->entities.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(BadInput, UnsupportedScriptIsReportedNotFailed) {
  auto x = extract("这是一个中文句子。这是一个中文句子。", kb());
  ASSERT_TRUE(x.ok());
  EXPECT_TRUE(x->entities.empty());
  EXPECT_FALSE(x->warnings.empty());
}

TEST(BadInput, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  std::string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءـًٌٍَُِّ0123456789 \n.,،«»()/-<>&;#";
  for (int round = 0; round < 300; ++round) {
    std::string s;
    int n = static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) {
      if (rng() % 7 == 0)
        s += static_cast<char>(rng() % 256);
      else
        s += alphabet[rng() % alphabet.size()];
    }
    auto x = extract(s, kb());
    if (!x.ok())
      continue;
    for (const auto& e : x->entities) {
      for (const auto& m : e.mentions) {
        ASSERT_LE(m.end, x->text.size());
      }
    }
  }
}

} // namespace
} // namespace tansiq::text
