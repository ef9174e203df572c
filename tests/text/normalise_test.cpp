#include "text/normalise.h"

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

} // namespace
} // namespace tansiq::text
