#include "support.h"
#include "text/entities.h"

#include <gtest/gtest.h>

namespace tansiq::text {
namespace {

std::vector<Entity> entities(const std::string& text) {
  return find_entities(text, tokenise(normalise(text)), testing::knowledge_base());
}

const Entity* find(const std::vector<Entity>& es, std::string_view id) {
  for (const auto& e : es)
    if (e.id == id)
      return &e;
  return nullptr;
}

TEST(Entities, KnowledgeBaseWithCliticsAndOffsets) {
  std::string text = "وأشاد المسؤول بالمكتب المركزي للأبحاث القضائية وبباريس";
  auto es = entities(text);
  const Entity* bcij = find(es, "org:ma:bcij");
  ASSERT_NE(bcij, nullptr);
  const auto& m = bcij->mentions.at(0);
  EXPECT_EQ(text.substr(m.begin, m.end - m.begin), "المكتب المركزي للأبحاث القضائية");
  const Entity* paris = find(es, "city:paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->mentions.at(0).text, "باريس");
}

TEST(Entities, GroupAliasesShareOneId) {
  auto es = entities("تنظيم داعش أو الدولة الإسلامية أو Daech أو ISIS");
  const Entity* isis = find(es, "grp:isis");
  ASSERT_NE(isis, nullptr);
  EXPECT_EQ(isis->type, EntityType::group);
  EXPECT_EQ(isis->mentions.size(), 4u);
}

TEST(Entities, NamesStartingWithCliticLettersSurvive) {
  auto es = entities("زار ليبيا ولبنان ثم باريس");
  EXPECT_NE(find(es, "country:LY"), nullptr);
  EXPECT_NE(find(es, "country:LB"), nullptr);
  EXPECT_NE(find(es, "city:paris"), nullptr);
}

TEST(Entities, CountriesFromIcuInThreeLanguages) {
  auto es = entities("Le Niger et la Mauritanie; Burkina Faso; جيبوتي");
  EXPECT_NE(find(es, "country:NE"), nullptr);
  EXPECT_NE(find(es, "country:MR"), nullptr);
  EXPECT_NE(find(es, "country:BF"), nullptr);
  EXPECT_NE(find(es, "country:DJ"), nullptr);
}

TEST(Entities, PersonsFromGivenNamesTitlesAndFamilyMentions) {
  auto es = entities("وأوضح إحسان الحافيظي، الباحث، أن الأمر جدي. وأبرز الحافيظي ذلك.");
  const Entity* person = nullptr;
  for (const auto& e : es)
    if (e.type == EntityType::person)
      person = &e;
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->name, "إحسان الحافيظي");
  EXPECT_EQ(person->mentions.size(), 2u);
  auto titled = entities("وقال المدعو رشيد بوزيان إنه بريء");
  ASSERT_FALSE(titled.empty());
  EXPECT_EQ(titled[0].type, EntityType::person);
  EXPECT_EQ(titled[0].name, "رشيد بوزيان");
}

TEST(Entities, CommonWordsAreNotPersons) {
  // «على» normalises like the given name «علي»; «سعيد» is also an adjective.
  for (const auto& e : entities("ركز على التكتيكات وكان سعيد الحظ"))
    EXPECT_NE(e.type, EntityType::person) << e.name;
}

TEST(Entities, OrganisationPatternsAndPlaceTriggers) {
  auto es = entities("أعلنت وزارة الداخلية الإسبانية أن الشرطة الإسبانية أوقفت رجلا في بلدة تيغزة");
  bool ministry = false, police = false, town = false;
  for (const auto& e : es) {
    ministry = ministry || e.name == "وزارة الداخلية الإسبانية";
    police = police || e.name == "الشرطة الإسبانية";
    town = town || (e.type == EntityType::location && e.name == "تيغزة");
  }
  EXPECT_TRUE(ministry);
  EXPECT_TRUE(police);
  EXPECT_TRUE(town);
}

TEST(Entities, NationalityAdjectivesAreNotPlaces) {
  for (const auto& e : entities("السلطات السعودية والأجهزة الأمنية المغربية"))
    EXPECT_NE(e.type, EntityType::location) << e.name;
}

TEST(Entities, KnowledgeBaseRejectsBadLines) {
  KnowledgeBase kb;
  auto bad = kb.add_tsv("x\tunknown_type\tاسم\n", "t.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().where, "t.tsv:1");
  EXPECT_FALSE(kb.add_tsv("only-id\n", "t.tsv").ok());
  EXPECT_TRUE(kb.add_tsv("# comment\n\nid1\tplace\tمكان\n", "t.tsv").ok());
}

} // namespace
} // namespace tansiq::text
