// Windows-1256 input (issue 5): detected when the bytes are not UTF-8 and read as Arabic, or
// declared by the page, or asked for; the pipeline then sees the same UTF-8 text, so the same
// entities at the same offsets. Anything else keeps its precise UTF-8 error.
#include "support.h"
#include "text/encoding.h"
#include "text/extract.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <random>

namespace tansiq::text {
namespace {

const char* const kSamples = "../shared/samples/articles";

// `utf8` in windows-1256 through ICU; characters windows-1256 lacks become '?', and
// `unmappable` counts them.
std::string to_windows1256(const std::string& utf8, std::size_t* unmappable = nullptr) {
  auto text = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-1256", &status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out(static_cast<std::size_t>(text.length()) * 2 + 16, '\0');
  auto length = ucnv_fromUChars(converter, out.data(), static_cast<int32_t>(out.size()),
                                text.getBuffer(), text.length(), &status);
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(length));
  if (unmappable) {
    // A round trip shows what was replaced.
    std::string back;
    icu::UnicodeString(out.data(), static_cast<int32_t>(out.size()), "windows-1256")
        .toUTF8String(back);
    *unmappable = back == utf8 ? 0 : 1;
  }
  return out;
}

std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kSamples))
    files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

struct Found {
  std::string id;
  uint32_t begin, end;
  bool operator==(const Found&) const = default;
};

std::vector<Found> found(const Extraction& x) {
  std::vector<Found> all;
  for (const auto& entity : x.entities)
    for (const auto& mention : entity.mentions)
      all.push_back({entity.id, mention.begin, mention.end});
  return all;
}

TEST(Encoding, SampleArticlesInWindows1256GiveTheSameEntitiesAtTheSameOffsets) {
  std::size_t converted = 0;
  for (const auto& file : sample_files()) {
    std::string utf8 = testing::read_file(file);
    std::size_t unmappable = 0;
    std::string cp1256 = to_windows1256(utf8, &unmappable);
    if (unmappable) // e.g. a character windows-1256 lacks: the comparison would not be fair
      continue;
    ++converted;
    ASSERT_NE(cp1256, utf8) << file;

    auto decoded = decode_article(cp1256);
    ASSERT_TRUE(decoded.ok()) << file << ": " << decoded.error().describe();
    EXPECT_EQ(decoded->charset, "windows-1256");
    EXPECT_NE(decoded->how.find("windows-1256"), std::string::npos);
    EXPECT_EQ(decoded->utf8, utf8) << file;

    auto original = extract(utf8, testing::knowledge_base());
    auto from_1256 = extract(decoded->utf8, testing::knowledge_base());
    ASSERT_TRUE(original.ok() && from_1256.ok());
    EXPECT_FALSE(found(*original).empty()) << file;
    EXPECT_EQ(found(*from_1256), found(*original)) << file;
    EXPECT_EQ(from_1256->text, original->text) << file;
  }
  EXPECT_GE(converted, 4u) << "too few samples are representable in windows-1256";
}

TEST(Encoding, ValidUtf8StaysUtf8) {
  auto decoded = decode_article("الأمن المغربي يفكك خلية");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->charset, "utf-8");
  EXPECT_TRUE(decoded->how.empty());
  EXPECT_EQ(decoded->utf8, "الأمن المغربي يفكك خلية");
}

TEST(Encoding, HtmlMetaDeclarationIsHonoured) {
  const std::string body = "<p>تمكنت المصالح الأمنية بمدينة طنجة من توقيف متطرف موال لداعش</p>";
  for (const std::string head : {"<meta charset=\"windows-1256\">",
                                 "<META http-equiv=\"Content-Type\" content=\"text/html; "
                                 "charset=Windows-1256\">",
                                 "<meta charset='cp1256' />"}) {
    std::string page = "<html><head>" + head + "<title>خبر</title></head><body>" +
                       to_windows1256(body) + "</body></html>";
    EXPECT_FALSE(declared_html_charset(page).empty()) << head;
    auto decoded = decode_article(page);
    ASSERT_TRUE(decoded.ok()) << head << ": " << decoded.error().describe();
    EXPECT_EQ(decoded->charset, "windows-1256");
    EXPECT_NE(decoded->how.find("declared"), std::string::npos) << decoded->how;
    EXPECT_NE(decoded->utf8.find(body), std::string::npos);
    auto x = extract(decoded->utf8, testing::knowledge_base());
    ASSERT_TRUE(x.ok());
    bool tangier = false;
    for (const auto& entity : x->entities)
      for (const auto& mention : entity.mentions)
        tangier = tangier || mention.text == "طنجة";
    EXPECT_TRUE(tangier);
  }
  // A page that declares UTF-8 but is not: the UTF-8 error, with the offset.
  std::string lying = "<meta charset=\"utf-8\"><p>" + to_windows1256("خلية إرهابية") + "</p>";
  auto refused = decode_article(lying);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("byte offset 25"), std::string::npos)
      << refused.error().message;
}

TEST(Encoding, ExplicitEncodingOverridesDetection) {
  std::string cp1256 = to_windows1256("وزارة الداخلية المغربية تعلن تفكيك خلية");
  auto as_utf8 = decode_article(cp1256, Encoding::utf8);
  ASSERT_FALSE(as_utf8.ok());
  EXPECT_NE(as_utf8.error().message.find("byte offset 0"), std::string::npos);
  auto as_1256 = decode_article(cp1256, Encoding::windows1256);
  ASSERT_TRUE(as_1256.ok());
  EXPECT_EQ(as_1256->utf8, "وزارة الداخلية المغربية تعلن تفكيك خلية");
  // Even a short Arabic text (too short to detect) decodes when asked.
  auto short_1256 = decode_article(to_windows1256("خبر"), Encoding::windows1256);
  ASSERT_TRUE(short_1256.ok());
  EXPECT_EQ(short_1256->utf8, "خبر");
  EXPECT_EQ(parse_encoding("CP1256"), Encoding::windows1256);
  EXPECT_EQ(parse_encoding("UTF-8"), Encoding::utf8);
  EXPECT_FALSE(parse_encoding("latin1").has_value());
}

TEST(Encoding, BytesThatAreNeitherKeepThePreciseUtf8Error) {
  // Latin-1 French: not Arabic in windows-1256 either.
  auto latin1 = decode_article("ok so far \xe9t\xe9 2024");
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.error().kind, Error::Kind::invalid_input);
  EXPECT_NE(latin1.error().message.find("invalid UTF-8 at byte offset 10"), std::string::npos)
      << latin1.error().message;

  // A UTF-8 Arabic article with one broken byte: windows-1256 would read it as mojibake
  // (about half Arabic), so it stays a UTF-8 error at that byte.
  std::string article = testing::read_file(sample_files().front());
  std::size_t at = article.size() / 2;
  while ((static_cast<unsigned char>(article[at]) & 0xC0) == 0x80)
    ++at;
  article[at] = '\xFF';
  auto broken = decode_article(article);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("invalid UTF-8 at byte offset " + std::to_string(at)),
            std::string::npos)
      << broken.error().message;

  // Random bytes (no NUL): not Arabic either.
  std::mt19937 random(7);
  std::string noise(4096, 'x');
  for (auto& byte : noise)
    byte = static_cast<char>(1 + random() % 255);
  EXPECT_FALSE(decode_article(noise).ok());
}

} // namespace
} // namespace tansiq::text
