#include "support.h"
#include "text/clean.h"
#include "text/html.h"

#include <gtest/gtest.h>

namespace tansiq::text {
namespace {

bool has_rule(const CleanedText& c, const std::string& rule) {
  for (const auto& r : c.removed)
    if (r.rule == rule)
      return true;
  return false;
}

TEST(Clean, DropsDateTickerUpdateStampAndRepeatedTitle) {
  std::string page = "اليوم السبت 21 يناير 2017 - 02:15\n"
                     "أخر تحديث : الخميس 26 نوفمبر 2015 - 4:09 مساءً\n\n"
                     "اجتماعات لمختلف المصالح الأمنية\n\n"
                     "اجتماعات لمختلف المصالح الأمنية\n"
                     "بتاريخ 26 نوفمبر, 2015\n";
  auto c = clean(page);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->text, "اجتماعات لمختلف المصالح الأمنية\nبتاريخ 26 نوفمبر, 2015");
  EXPECT_TRUE(has_rule(*c, "ticker"));
  EXPECT_TRUE(has_rule(*c, "update-stamp"));
  EXPECT_TRUE(has_rule(*c, "repeated"));
  EXPECT_EQ(c->headline_end, std::string("اجتماعات لمختلف المصالح الأمنية").size());
}

TEST(Clean, CutsUpdateStampButKeepsDatelineOnTheSameLine) {
  auto c = clean("العنوان\nhassan faqir18 يوليو 2024آخر تحديث : منذ 4 أشهر\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->text, "العنوان\nhassan faqir18 يوليو 2024");
}

TEST(Clean, FooterAfterCommentWidgetIsDropped) {
  std::string body(200, 'x');
  body = "نص " + body;
  auto c = clean("عنوان\n" + body +
                 "\nأضـف تـعـلـيق 0 تـعـلـيـقـات\nجريدة أصوات :\nلن تسمح جريدة بنشر أي تعليق\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->text, "عنوان\n" + body);
  EXPECT_TRUE(has_rule(*c, "footer"));
}

TEST(Clean, HeadlineTickerWithNonBreakingSpaces) {
  std::string nb = "\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0";
  auto c = clean("خبر أول" + nb + "خبر ثان" + nb + "خبر ثالث" + nb + "\nالعنوان الحقيقي\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->text, "العنوان الحقيقي");
}

TEST(Clean, OffsetsMapBackToTheInput) {
  std::string page = "شارك\nالعنوان\n\n  الفقرة الأولى\n";
  auto c = clean(page);
  ASSERT_TRUE(c.ok());
  std::size_t at = c->text.find("الفقرة");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(page.substr(c->to_input.to_source(at), std::string("الفقرة").size()), "الفقرة");
}

TEST(Clean, HtmlToTextDropsScriptsAndDecodesEntities) {
  std::string html =
      "<html><head><style>p{}</style><script>var a='<p>x</p>';</script></head>"
      "<body><nav>الرئيسية | أخبار</nav><h1>تفكيك خلية</h1><p>قال &quot;المصدر&quot; "
      "&#1605;&amp; غيره</p><footer>حقوق</footer></body></html>";
  auto c = clean(html);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->was_html);
  EXPECT_EQ(c->text, "تفكيك خلية\nقال \"المصدر\" م& غيره");
  std::size_t at = c->text.find("خلية");
  EXPECT_EQ(html.substr(c->to_input.to_source(at), std::string("خلية").size()), "خلية");
}

TEST(Clean, SampleArticleKeepsBodyAndDropsBoilerplate) {
  auto page =
      testing::read_file("../shared/samples/articles/2024-07-olympics-moroccan-security-paris.txt");
  auto c = clean(page);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->text.find("وصلت عناصر الأمن والاستخبارات المغربية"), std::string::npos);
  EXPECT_EQ(c->text.find("اترك تعليق"), std::string::npos);
  EXPECT_EQ(c->text.find("الاخبار العاجلة"), std::string::npos);
  EXPECT_EQ(c->text.find("منذ 4 أشهر"), std::string::npos);
}

} // namespace
} // namespace tansiq::text
