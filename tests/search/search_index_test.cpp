// The search library on real Xapian indexes: Arabic morphology and spelling variants, French
// and English stemming, filters, collection permissions, ranking, snippets, query syntax.
#include "search/search_index.h"
#include "search/search_objects.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace tansiq;
using search::SearchIndex;
using search::SearchQuery;
using test_support::report_json;
using test_support::ReportSpec;
using test_support::uuid_id;

namespace {

const std::string kC1 = "11111111-1111-4111-8111-111111111111";
const std::string kC2 = "22222222-2222-4222-8222-222222222222";

class SearchIndexTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto opened = SearchIndex::open(dir_.file("index"), SearchIndex::Mode::write);
    ASSERT_TRUE(opened) << opened.error().describe();
    index_.emplace(std::move(opened.value()));
  }

  void add(const std::string& json, const std::string& collection = kC1) {
    auto added = index_->add(collection, json);
    ASSERT_TRUE(added) << added.error().describe();
  }

  std::string add_report(int n, const std::string& name, const std::string& description,
                         const std::string& lang = "ar",
                         const std::string& published = "2021-12-21T00:00:00.000Z",
                         const std::string& collection = kC1, std::vector<std::string> refs = {}) {
    ReportSpec spec;
    spec.id = uuid_id("report", n);
    spec.name = name;
    spec.description = description;
    spec.lang = lang;
    spec.published = published;
    if (!refs.empty())
      spec.refs = refs;
    add(report_json(spec), collection);
    return spec.id;
  }

  search::SearchResults run(SearchQuery query) {
    if (query.collections.empty())
      query.collections = {kC1, kC2};
    auto found = index_->search(query);
    EXPECT_TRUE(found) << found.error().describe();
    return found ? found.value() : search::SearchResults{};
  }

  std::vector<std::string> ids(const std::string& text) {
    SearchQuery query;
    query.text = text;
    query.limit = 100;
    return ids_of(run(query));
  }

  static std::vector<std::string> ids_of(const search::SearchResults& results) {
    std::vector<std::string> out;
    for (const auto& hit : results.hits)
      out.push_back(hit.id);
    return out;
  }

  test_support::TempDir dir_;
  std::optional<SearchIndex> index_;
};

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_F(SearchIndexTest, PrefixedAndInflectedArabicFormsFindTheBareWord) {
  auto morocco = add_report(1, "تعاون أمني", "أشاد التقرير بجهود المغرب في مكافحة الإرهاب.");
  auto paris = add_report(2, "اجتماع", "اجتماع في باريس حول الأسلحة الليبية.");
  for (const char* query : {"المغرب", "والمغرب", "بالمغرب", "المغربية", "للمغرب", "وبالمغرب",
                            "فالمغرب", "كالمغرب", "مغرب"}) {
    auto found = ids(query);
    EXPECT_EQ(found, std::vector<std::string>{morocco}) << query;
  }
  EXPECT_EQ(ids("باريس"), std::vector<std::string>{paris});
}

TEST_F(SearchIndexTest, TheBareWordFindsPrefixedAndInflectedForms) {
  auto a = add_report(1, "خبر", "وصل الوفد والمغرب يستعد للقمة.");
  auto b = add_report(2, "خبر", "اعتقلت الشرطة خلية بالمغرب أمس.");
  auto c = add_report(3, "خبر", "قالت السلطات المغربية إن التعاون مستمر.");
  auto d = add_report(4, "خبر", "اجتماع في تونس حول الأمن.");
  auto found = ids("المغرب");
  EXPECT_TRUE(contains(found, a));
  EXPECT_TRUE(contains(found, b));
  EXPECT_TRUE(contains(found, c));
  EXPECT_FALSE(contains(found, d));
}

TEST_F(SearchIndexTest, DiacriticsAndTatweelDoNotMatter) {
  auto plain = add_report(1, "خبر", "تفكيك خلية إرهابية في طنجة");
  auto voweled = add_report(2, "خبر", "اَلْقُوَّاتُ تُفَكِّكُ شَبَكَةً فِي مَدِينَةِ وَجْدَة");
  EXPECT_EQ(ids("إِرْهَابِيَّة"), std::vector<std::string>{plain});
  EXPECT_EQ(ids("ارهـــابية"), std::vector<std::string>{plain});
  EXPECT_EQ(ids("شبكة"), std::vector<std::string>{voweled});
  EXPECT_EQ(ids("وجدة"), std::vector<std::string>{voweled});
}

TEST_F(SearchIndexTest, AlefYaaAndTaaMarbutaVariantsMatch) {
  auto a =
      add_report(1, "خبر", "نقل المصاب إلى مستشفى مدينة طنجة، وقالت مصادر أمنية إن الأجهزة تتابع.");
  EXPECT_EQ(ids("الي مستشفي"), std::vector<std::string>{a}); // ى written ي
  EXPECT_EQ(ids("مدينه طنجه"), std::vector<std::string>{a}); // ة written ه
  EXPECT_EQ(ids("امنيه"), std::vector<std::string>{a});      // أ written ا, ة written ه
  EXPECT_EQ(ids("آلأجهزة"), std::vector<std::string>{a});    // آ for ا
  EXPECT_EQ(ids("الاجهزه"), std::vector<std::string>{a});
}

TEST_F(SearchIndexTest, FrenchAndEnglishWordsAreStemmed) {
  auto fr = add_report(1, "Coup de filet à Bruxelles",
                       "Les terroristes présumés ont été arrêtés par la police belge.", "fr");
  auto en = add_report(2, "Arrests in Madrid",
                       "Spanish police arrested three suspected terrorists.", "en");
  EXPECT_EQ(ids("arrêté"), std::vector<std::string>{fr});
  EXPECT_EQ(ids("ARRETES"), std::vector<std::string>{fr});
  EXPECT_EQ(ids("présumé"), std::vector<std::string>{fr});
  EXPECT_EQ(ids("arrest"), std::vector<std::string>{en});
  EXPECT_EQ(ids("suspect"), std::vector<std::string>{en});
  auto both = ids("terroriste");
  EXPECT_TRUE(contains(both, fr));
  EXPECT_TRUE(contains(both, en));
}

TEST_F(SearchIndexTest, IdentitiesAreFoundByNameAndAliases) {
  add(test_support::identity_json(uuid_id("identity", 7), "المكتب المركزي للأبحاث القضائية",
                                  {"BCIJ", "Bureau central d'investigations judiciaires"}));
  add_report(1, "خبر", "نص لا علاقة له بالموضوع.");
  EXPECT_EQ(ids("BCIJ"), std::vector<std::string>{uuid_id("identity", 7)});
  EXPECT_EQ(ids("القضائية"), std::vector<std::string>{uuid_id("identity", 7)});
  EXPECT_EQ(ids("investigation"), std::vector<std::string>{uuid_id("identity", 7)});
  SearchQuery query;
  query.text = "BCIJ";
  auto found = run(query);
  ASSERT_EQ(found.hits.size(), 1u);
  EXPECT_EQ(found.hits[0].type, "identity");
  EXPECT_EQ(found.hits[0].title, "المكتب المركزي للأبحاث القضائية");
}

TEST_F(SearchIndexTest, FiltersByTypeCollectionEntityAndDate) {
  const std::string entity = uuid_id("identity", 100);
  auto r2015 = add_report(1, "خبر", "اجتماع أمني في بروكسل", "ar", "2015-11-26T00:00:00.000Z", kC1,
                          {entity});
  auto r2021 = add_report(2, "خبر", "اجتماع أمني في الرباط", "ar", "2021-12-21T10:00:00.000Z", kC1);
  auto r2024 =
      add_report(3, "خبر", "اجتماع أمني في باريس", "ar", "2024-07-18T00:00:00.000Z", kC2, {entity});
  add(test_support::identity_json(uuid_id("identity", 9), "اجتماع أمني", {}), kC1);

  SearchQuery query;
  query.text = "اجتماع";
  query.types = {"report"};
  EXPECT_EQ(run(query).hits.size(), 3u);
  query.types = {"identity"};
  EXPECT_EQ(ids_of(run(query)), std::vector<std::string>{uuid_id("identity", 9)});
  query.types = {"report", "identity"};
  EXPECT_EQ(run(query).hits.size(), 4u);

  query = {};
  query.text = "اجتماع";
  query.collections = {kC2};
  EXPECT_EQ(ids_of(run(query)), std::vector<std::string>{r2024});

  query = {};
  query.text = "اجتماع";
  query.entity = entity;
  auto with_entity = ids_of(run(query));
  std::sort(with_entity.begin(), with_entity.end());
  EXPECT_EQ(with_entity, (std::vector<std::string>{r2015, r2024}));

  query = {};
  query.text = "اجتماع";
  query.types = {"report"};
  query.from = "2021-12-21";
  query.to = "2021-12-21"; // the whole day, though the report is dated 10:00
  EXPECT_EQ(ids_of(run(query)), std::vector<std::string>{r2021});
  query.from = "2016-01-01";
  query.to = "";
  auto since = ids_of(run(query));
  std::sort(since.begin(), since.end());
  EXPECT_EQ(since, (std::vector<std::string>{r2021, r2024}));
  query.from = "";
  query.to = "2021-12-20T23:59:59Z";
  EXPECT_EQ(ids_of(run(query)), std::vector<std::string>{r2015});

  query.to = "21/12/2021";
  auto bad = index_->search(query);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, Error::Kind::invalid_input);
}

TEST_F(SearchIndexTest, OnlyTheCollectionsPassedComeBack) {
  add_report(1, "سري", "وثيقة سرية عن خلية إرهابية في طنجة طنجة طنجة", "ar",
             "2021-12-21T00:00:00.000Z", kC2);
  auto open = add_report(2, "عام", "خبر عام عن طنجة", "ar", "2021-12-21T00:00:00.000Z", kC1);
  SearchQuery query;
  query.text = "طنجة";
  query.collections = {kC1};
  EXPECT_EQ(ids_of(run(query)), std::vector<std::string>{open});
  query.text = "";
  EXPECT_EQ(ids_of(run(query)), std::vector<std::string>{open});
  query.text = "سرية";
  EXPECT_TRUE(run(query).hits.empty());
  query.text = "طنجة";
  query.collections = {kC1, "33333333-3333-4333-8333-333333333333"};
  EXPECT_EQ(ids_of(run(query)), std::vector<std::string>{open});
  query.collections = {kC2, kC1}; // every collection the index holds: nothing filtered out
  EXPECT_EQ(run(query).hits.size(), 2u);
  query.collections = {"33333333-3333-4333-8333-333333333333"};
  query.text = "طنجة";
  EXPECT_TRUE(run(query).hits.empty());

  // No collection at all means nothing, not everything.
  query.collections.clear();
  auto none = index_->search(query);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->hits.empty());
  EXPECT_EQ(none->total_estimate, 0u);
}

TEST_F(SearchIndexTest, MoreFocusedDocumentsRankHigher) {
  std::string filler;
  for (int i = 0; i < 40; ++i)
    filler += "ناقش الوزراء ملفات الاقتصاد والتجارة والزراعة والسياحة. ";
  auto passing = add_report(1, "قمة اقتصادية", filler + "وذكر البيان داعش مرة واحدة.");
  auto focused = add_report(2, "تفكيك خلية موالية لداعش",
                            "فككت الشرطة خلية موالية لتنظيم داعش. وكان عناصر داعش يخططون لهجمات.");
  add_report(3, "خبر", "لا شيء هنا عن الموضوع.");
  SearchQuery query;
  query.text = "داعش";
  auto found = run(query);
  ASSERT_EQ(found.hits.size(), 2u);
  EXPECT_EQ(found.hits[0].id, focused);
  EXPECT_EQ(found.hits[1].id, passing);
  EXPECT_GT(found.hits[0].score, found.hits[1].score);
  EXPECT_GT(found.hits[1].score, 0.0);
  EXPECT_EQ(found.total_estimate, 2u);
}

TEST_F(SearchIndexTest, SnippetsHighlightTheMatchedWordsAsWritten) {
  std::string start;
  for (int i = 0; i < 30; ++i)
    start += "كلام تمهيدي طويل ";
  add_report(1, "خبر", start + "ثم أعلنت السلطات بالمغرب تفكيك خلية إرهابية قرب الحدود.\n" + start);
  SearchQuery query;
  query.text = "المغرب خلية";
  auto found = run(query);
  ASSERT_EQ(found.hits.size(), 1u);
  const auto& snippet = found.hits[0].snippet;
  std::vector<std::string> highlighted;
  std::string whole;
  for (const auto& segment : snippet) {
    whole += segment.text;
    if (segment.highlighted)
      highlighted.push_back(segment.text);
  }
  EXPECT_EQ(highlighted, (std::vector<std::string>{"بالمغرب", "خلية"})) << whole;
  EXPECT_NE(whole.find("أعلنت السلطات بالمغرب تفكيك خلية إرهابية"), std::string::npos) << whole;
  EXPECT_EQ(whole.rfind("… ", 0), 0u) << "the start of the text is cut: " << whole;
  EXPECT_EQ(whole.find('\n'), std::string::npos);
  EXPECT_LT(whole.size(), 600u);
}

TEST_F(SearchIndexTest, QueryOperators) {
  auto tangier = add_report(1, "خبر", "تفكيك خلية في طنجة");
  auto oujda = add_report(2, "خبر", "تفكيك خلية في وجدة");
  auto both = add_report(3, "خبر", "تفكيك خلايا في طنجة ووجدة");
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(ids("طنجة OR وجدة")), sorted({tangier, oujda, both}));
  EXPECT_EQ(ids("طنجة -وجدة"), std::vector<std::string>{tangier});
  EXPECT_EQ(ids("طنجة NOT وجدة"), std::vector<std::string>{tangier});
  EXPECT_EQ(sorted(ids("تفكيك (طنجة OR وجدة) -خلايا")), sorted({tangier, oujda}));
  EXPECT_EQ(ids("\"طنجة وجدة\""), std::vector<std::string>{both});
}

TEST_F(SearchIndexTest, BadQuerySyntaxIsInvalidInput) {
  add_report(1, "خبر", "تفكيك خلية في طنجة");
  for (const char* text :
       {"(طنجة", "طنجة)", "\"طنجة", "OR طنجة", "طنجة OR", "-طنجة", "طنجة - خلية", "()", "NOT"}) {
    SearchQuery query;
    query.text = text;
    query.collections = {kC1};
    auto found = index_->search(query);
    ASSERT_FALSE(found) << text;
    EXPECT_EQ(found.error().kind, Error::Kind::invalid_input) << text;
    EXPECT_NE(found.error().message.find("query"), std::string::npos) << found.error().message;
  }
}

TEST_F(SearchIndexTest, StopWordsOnlyGiveAnEmptyResultWithANote) {
  add_report(1, "خبر", "في من على عن the of");
  SearchQuery query;
  query.text = "في من the";
  auto found = run(query);
  EXPECT_TRUE(found.hits.empty());
  ASSERT_FALSE(found.notes.empty());
  EXPECT_NE(found.notes.back().find("stop-words"), std::string::npos);
  // Stop-words beside real words are ignored, with a note.
  auto tangier = add_report(2, "خبر", "تفكيك خلية في طنجة");
  query.text = "في طنجة";
  found = run(query);
  EXPECT_EQ(ids_of(found), std::vector<std::string>{tangier});
  EXPECT_FALSE(found.notes.empty());
}

TEST_F(SearchIndexTest, NewerVersionsReplaceOlderOnesAndOlderAreIgnored) {
  ReportSpec spec;
  spec.id = uuid_id("report", 1);
  spec.name = "خبر";
  spec.description = "خلية في طنجة";
  spec.modified = "2024-01-01T00:00:00.000Z";
  add(report_json(spec));
  spec.description = "خلية في وجدة";
  spec.modified = "2024-02-01T00:00:00.000Z";
  add(report_json(spec));
  EXPECT_EQ(index_->document_count(), 1u);
  EXPECT_TRUE(ids("طنجة").empty());
  EXPECT_EQ(ids("وجدة"), std::vector<std::string>{spec.id});
  spec.description = "خلية في الناظور";
  spec.modified = "2023-06-01T00:00:00.000Z"; // older than the one indexed
  auto added = index_->add(kC1, report_json(spec));
  ASSERT_TRUE(added);
  EXPECT_FALSE(*added);
  EXPECT_TRUE(ids("الناظور").empty());
  EXPECT_EQ(ids("وجدة"), std::vector<std::string>{spec.id});
  // The same object in another collection is another document.
  add(report_json(spec), kC2);
  EXPECT_EQ(index_->document_count(), 2u);
}

TEST_F(SearchIndexTest, EmptyTextListsWhatTheFiltersLetThroughNewestFirst) {
  auto old_one = add_report(1, "خبر", "أ", "ar", "2015-01-01T00:00:00.000Z");
  auto new_one = add_report(2, "خبر", "ب", "ar", "2024-01-01T00:00:00.000Z");
  auto mid = add_report(3, "خبر", "ج", "ar", "2020-01-01T00:00:00.000Z");
  SearchQuery query;
  auto found = run(query);
  EXPECT_EQ(ids_of(found), (std::vector<std::string>{new_one, mid, old_one}));
  query.offset = 1;
  query.limit = 1;
  found = run(query);
  EXPECT_EQ(ids_of(found), std::vector<std::string>{mid});
  EXPECT_EQ(found.total_estimate, 3u);
}

TEST_F(SearchIndexTest, NotStixIsInvalidInputAndObjectsWithoutTextAreSkipped) {
  auto bad = index_->add(kC1, "{not json");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, Error::Kind::invalid_input);
  auto skipped = index_->add(
      kC1,
      R"({"type":"relationship","spec_version":"2.1","id":"relationship--00000000-0000-4000-8000-000000000001","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","relationship_type":"uses","source_ref":"a--1","target_ref":"b--2"})");
  ASSERT_TRUE(skipped);
  EXPECT_FALSE(*skipped);
  EXPECT_EQ(index_->document_count(), 0u);
}

TEST_F(SearchIndexTest, ReadersSeeCommittedDocuments) {
  add_report(1, "خبر", "تفكيك خلية في طنجة");
  ASSERT_TRUE(index_->commit());
  auto reader = SearchIndex::open(dir_.file("index"), SearchIndex::Mode::read);
  ASSERT_TRUE(reader) << reader.error().describe();
  SearchQuery query;
  query.text = "طنجة";
  query.collections = {kC1};
  EXPECT_EQ(reader->search(query)->hits.size(), 1u);
  add_report(2, "خبر", "خلية أخرى في طنجة");
  ASSERT_TRUE(index_->commit());
  EXPECT_EQ(reader->search(query)->hits.size(), 1u);
  ASSERT_TRUE(reader->refresh());
  EXPECT_EQ(reader->search(query)->hits.size(), 2u);

  auto missing = SearchIndex::open(dir_.file("nothing-here"), SearchIndex::Mode::read);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, Error::Kind::not_found);
}

TEST_F(SearchIndexTest, OneWriterAtATime) {
  auto second = SearchIndex::open(dir_.file("index"), SearchIndex::Mode::write);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, Error::Kind::unavailable);
}

} // namespace
