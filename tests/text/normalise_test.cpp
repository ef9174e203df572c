#include "text/normalise.h"
#include "text/utf8.h"

#include <gtest/gtest.h>

namespace tansiq::text {
namespace {

TEST(Normalise, ArabicLettersDiacriticsAndTatweel) {
  EXPECT_EQ(normalise_key("إرهابيّة"), "ارهابيه");
  EXPECT_EQ(normalise_key("أضـف تـعـلـيق"), "اضف تعليق");
  EXPECT_EQ(normalise_key("مُصطفى"), "مصطفي");
  EXPECT_EQ(normalise_key("آخر ٱلأخبار"), "اخر الاخبار");
  EXPECT_EQ(normalise_key("یوسف"), "يوسف");
}

TEST(Normalise, DigitsAndPunctuation) {
  EXPECT_EQ(normalise_key("١٢٠ و۳۵"), "120 و35");
  EXPECT_EQ(normalise_key("نعم، لا؟"), "نعم, لا?");
}

TEST(Normalise, LatinCaseAndAccents) {
  EXPECT_EQ(normalise_key("Daech ÉTAT Islamique Straße"), "daech etat islamique strasse");
}

TEST(Normalise, OffsetsPointIntoTheOriginal) {
  std::string text = "قَالَ المُدِيرُ";
  NormalisedText n = normalise(text);
  EXPECT_EQ(n.text, "قال المدير");
  std::size_t at = n.text.find("المدير");
  EXPECT_EQ(text.substr(n.to_source(at)), "المُدِيرُ");
  EXPECT_EQ(n.to_source(n.text.size()), text.size());
}

TEST(Normalise, PresentationFormsAreUnfolded) {
  EXPECT_EQ(normalise_key("\uFEFB"), "لا"); // lam-alef ligature
}

// Every letter of the Arabic block, alone and between others (the fast path copies the letters
// that normalise to themselves): the documented unifications, nothing else.
TEST(Normalise, EachArabicLetterAsDocumented) {
  for (char32_t c = 0x0621; c <= 0x064A; ++c) {
    std::string letter;
    append_utf8(letter, c);
    std::string expected;
    switch (c) {
    case 0x0622: // آ أ إ -> ا
    case 0x0623:
    case 0x0625:
      expected = "ا";
      break;
    case 0x0629: // ة -> ه
      expected = "ه";
      break;
    case 0x0649: // ى -> ي
      expected = "ي";
      break;
    case 0x0640: // tatweel: dropped
      break;
    default:
      expected = letter;
    }
    EXPECT_EQ(normalise_key(letter), expected) << "U+" << std::hex << static_cast<int>(c);
    NormalisedText n = normalise("ب" + letter + "Xَ");
    EXPECT_EQ(n.text, "ب" + expected + "x") << "U+" << std::hex << static_cast<int>(c);
    // Each output byte points at the start of the input character it came from.
    ASSERT_EQ(n.source.size(), n.text.size() + 1);
    for (std::size_t i = 0; i < 2; ++i)
      EXPECT_EQ(n.source[i], 0u);
    for (std::size_t i = 2; i < 2 + expected.size(); ++i)
      EXPECT_EQ(n.source[i], 2u);
    EXPECT_EQ(n.source[2 + expected.size()], 2 + letter.size());
    EXPECT_EQ(n.source.back(), 2 + letter.size() + 1 + 2);
  }
}

// normalise_key keeps no offset map but gives the same text, for any input (every code point of
// the Arabic block, Latin with accents, presentation forms, ill-formed bytes).
TEST(Normalise, KeyIsTheNormalisedText) {
  std::string all = "Éte\xC3 Straße \xFF\xFE ﻻ ";
  for (char32_t c = 0x0600; c <= 0x06FF; ++c)
    append_utf8(all, c);
  EXPECT_EQ(normalise_key(all), normalise(all).text);
}

} // namespace
} // namespace tansiq::text
