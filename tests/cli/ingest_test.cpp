// `tansiq ingest`: press articles become STIX reports referencing one object per entity
// (issue 5), with deterministic ids so that nothing is stored twice; bad input stores nothing.
#include "support/node_init.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

using namespace tansiq;
using test_support::ProcessResult;
using test_support::run_tansiq;

namespace {

constexpr const char* kArticles = "../shared/samples/articles";

std::string describe(const ProcessResult& result) {
  return "exit " + std::to_string(result.exit_code) + (result.timed_out ? " (timed out)" : "") +
         "\n--- stdout:\n" + result.out.substr(0, 3000) + "\n--- stderr:\n" +
         result.err.substr(0, 3000);
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// `utf8` in windows-1256, through ICU's converter.
std::string to_windows1256(const std::string& utf8) {
  auto text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(text.length()) * 2 + 16, '\0');
  auto length =
      text.extract(0, text.length(), out.data(), static_cast<uint32_t>(out.size()), "windows-1256");
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// The report id on the summary line of `file`, or "".
std::string report_id_in(const std::string& output, const std::string& file) {
  auto at = output.find(file + ": report--");
  return at == std::string::npos
             ? std::string()
             : output.substr(at + file.size() + 2, std::string("report--").size() + 36);
}

struct StixObject {
  std::string id, type, name, published, json;
  bool estimated = false;
  std::vector<std::string> refs;
  std::vector<std::string> threat_actor_types;
  std::string country;
};

// id -> object, from `tansiq export`.
std::map<std::string, StixObject> objects_of(const std::string& bundle) {
  std::map<std::string, StixObject> objects;
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(bundle);
  auto document = parser.iterate(padded);
  for (auto element : document["objects"].get_array()) {
    simdjson::ondemand::object object = element.get_object();
    StixObject o;
    o.json = std::string(object.raw_json().value());
    simdjson::dom::parser dom_parser;
    simdjson::dom::element dom = dom_parser.parse(o.json);
    o.id = std::string(dom["id"].get_string().value());
    o.type = std::string(dom["type"].get_string().value());
    std::string_view text;
    if (dom["name"].get_string().get(text) == simdjson::SUCCESS)
      o.name = std::string(text);
    if (dom["published"].get_string().get(text) == simdjson::SUCCESS)
      o.published = std::string(text);
    if (dom["country"].get_string().get(text) == simdjson::SUCCESS)
      o.country = std::string(text);
    bool flag = false;
    if (dom["x_tansiq_published_estimated"].get_bool().get(flag) == simdjson::SUCCESS)
      o.estimated = flag;
    simdjson::dom::array array;
    if (dom["object_refs"].get_array().get(array) == simdjson::SUCCESS)
      for (auto ref : array)
        o.refs.emplace_back(ref.get_string().value());
    if (dom["threat_actor_types"].get_array().get(array) == simdjson::SUCCESS)
      for (auto value : array)
        o.threat_actor_types.emplace_back(value.get_string().value());
    objects[o.id] = std::move(o);
  }
  return objects;
}

class Ingest : public ::testing::Test {
protected:
  void SetUp() override { node_ = test_support::init_node(dir_.file("node")); }

  ProcessResult tansiq(std::vector<std::string> args) {
    args.insert(args.begin(), {"--dir", node_.directory});
    return run_tansiq(args);
  }

  std::map<std::string, StixObject> stored() {
    auto exported = tansiq({"export"});
    EXPECT_EQ(exported.exit_code, 0) << describe(exported);
    return objects_of(exported.out);
  }

  // The report ingested from `file` (from the summary line "FILE: report--..."), or nullptr.
  const StixObject* report_for(const std::map<std::string, StixObject>& objects,
                               const std::string& output, const std::string& file) {
    auto at = output.find(file + ": report--");
    if (at == std::string::npos)
      return nullptr;
    auto id = output.substr(at + file.size() + 2, std::string("report--").size() + 36);
    auto found = objects.find(id);
    return found == objects.end() ? nullptr : &found->second;
  }

  test_support::TempDir dir_;
  test_support::InitializedNode node_;
};

TEST_F(Ingest, SampleArticlesBecomeReportsOnceWithSharedEntities) {
  auto first = tansiq({"ingest", kArticles, "--source-url", "https://example.org/press"});
  ASSERT_EQ(first.exit_code, 0) << describe(first);
  auto objects = stored();

  const std::string dir = kArticles;
  const std::vector<std::pair<std::string, std::string>> dated = {
      {"2015-11-security-services-meetings-belgium-france.txt", "2015-11-26"},
      {"2021-12-us-report-morocco-counterterrorism.txt", "2021-12-21"},
      {"2024-07-olympics-moroccan-security-paris.txt", "2024-07-18"},
  };
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".txt")
      files.push_back(entry.path().filename().string());
  ASSERT_EQ(files.size(), 5u);
  std::size_t reports = 0;
  for (const auto& [id, object] : objects)
    reports += object.type == "report";
  EXPECT_EQ(reports, 5u);
  for (const auto& file : files) {
    const StixObject* report = report_for(objects, first.out, dir + "/" + file);
    ASSERT_NE(report, nullptr) << file << "\n" << describe(first);
    EXPECT_FALSE(report->name.empty()) << file;
    EXPECT_NE(report->json.find("\"x_tansiq_mentions\""), std::string::npos);
    EXPECT_NE(report->json.find("https://example.org/press"), std::string::npos);
    EXPECT_NE(report->json.find("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
              std::string::npos);
    for (const auto& ref : report->refs) {
      if (!ref.starts_with("marking-definition--")) {
        EXPECT_TRUE(objects.count(ref)) << file << " refers to " << ref << ", not stored";
      }
    }
    auto date =
        std::find_if(dated.begin(), dated.end(), [&](const auto& d) { return d.first == file; });
    if (date != dated.end()) {
      EXPECT_EQ(report->published, date->second + "T00:00:00.000Z") << file;
      EXPECT_FALSE(report->estimated) << file;
    } else {
      EXPECT_TRUE(report->estimated) << file << ": " << report->published;
    }
  }

  // «داعش» is the threat actor grp:isis (terrorist); «المغرب» the location MA; both are one
  // object referenced by several reports.
  const StixObject* isis = nullptr;
  const StixObject* morocco = nullptr;
  for (const auto& [id, object] : objects) {
    if (object.type == "threat-actor" && object.name == "داعش")
      isis = &object;
    if (object.type == "location" && object.country == "MA")
      morocco = &object;
  }
  ASSERT_NE(isis, nullptr);
  ASSERT_NE(morocco, nullptr);
  EXPECT_EQ(isis->threat_actor_types, std::vector<std::string>{"terrorist"});
  auto referencing = [&](const std::string& id) {
    std::size_t n = 0;
    for (const auto& [report_id, object] : objects)
      n += object.type == "report" &&
           std::find(object.refs.begin(), object.refs.end(), id) != object.refs.end();
    return n;
  };
  EXPECT_GE(referencing(isis->id), 2u);
  EXPECT_GE(referencing(morocco->id), 2u);
  const StixObject* us_report =
      report_for(objects, first.out, dir + "/2021-12-us-report-morocco-counterterrorism.txt");
  ASSERT_NE(us_report, nullptr);
  bool hammouchi = false;
  for (const auto& ref : us_report->refs)
    if (auto found = objects.find(ref); found != objects.end())
      hammouchi = hammouchi || (found->second.type == "identity" &&
                                found->second.json.find("الحموشي") != std::string::npos &&
                                found->second.json.find("\"individual\"") != std::string::npos);
  EXPECT_TRUE(hammouchi) << "no person «عبد اللطيف الحموشي» referenced";

  // Again: nothing new is stored.
  auto again = tansiq({"ingest", kArticles, "--source-url", "https://example.org/press"});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_NE(again.out.find(" 0 added,"), std::string::npos) << again.out;
  EXPECT_EQ(stored().size(), objects.size());
}

TEST_F(Ingest, BadInputIsRefusedAndNothingIsStored) {
  auto before = stored().size();
  write_file(dir_.file("empty.txt"), "");
  std::string binary(4096, '\0');
  std::mt19937 random(42);
  for (auto& byte : binary)
    byte = static_cast<char>(random() & 0xff);
  write_file(dir_.file("random.bin"), binary);
  write_file(dir_.file("latin1.txt"), "ok so far \xe9t\xe9 2024");

  auto empty = tansiq({"ingest", dir_.file("empty.txt")});
  EXPECT_EQ(empty.exit_code, 3) << describe(empty);
  EXPECT_NE(empty.err.find("empty.txt"), std::string::npos) << describe(empty);

  auto noise = tansiq({"ingest", dir_.file("random.bin")});
  EXPECT_EQ(noise.exit_code, 3) << describe(noise);
  EXPECT_NE(noise.err.find("random.bin"), std::string::npos) << describe(noise);

  auto latin1 = tansiq({"ingest", dir_.file("latin1.txt")});
  EXPECT_EQ(latin1.exit_code, 3) << describe(latin1);
  EXPECT_NE(latin1.err.find("byte offset 10"), std::string::npos) << describe(latin1);

  auto stdin_empty = run_tansiq({"--dir", node_.directory, "ingest", "-"}, "");
  EXPECT_EQ(stdin_empty.exit_code, 3) << describe(stdin_empty);

  EXPECT_EQ(stored().size(), before);
}

TEST_F(Ingest, Windows1256ArticlesAreDecodedToTheSameReport) {
  const std::string file =
      std::string(kArticles) + "/2021-12-us-report-morocco-counterterrorism.txt";
  auto original = tansiq({"ingest", file});
  ASSERT_EQ(original.exit_code, 0) << describe(original);
  const std::string id = report_id_in(original.out, file);
  ASSERT_FALSE(id.empty()) << original.out;

  // Detected: not UTF-8, Arabic in windows-1256; the same cleaned text, so the same report.
  const std::string cp1256 = dir_.file("cp1256.txt");
  write_file(cp1256, to_windows1256(read_file(file)));
  auto detected = tansiq({"ingest", cp1256});
  ASSERT_EQ(detected.exit_code, 0) << describe(detected);
  EXPECT_EQ(report_id_in(detected.out, cp1256), id) << detected.out;
  EXPECT_NE(detected.out.find("(already ingested)"), std::string::npos) << detected.out;
  EXPECT_NE(detected.err.find("windows-1256"), std::string::npos) << detected.err;

  // Asked for: the same; asked for UTF-8: the precise error, nothing stored.
  auto asked = tansiq({"ingest", "--encoding", "windows-1256", cp1256});
  EXPECT_EQ(asked.exit_code, 0) << describe(asked);
  EXPECT_EQ(report_id_in(asked.out, cp1256), id) << asked.out;
  auto before = stored().size();
  auto as_utf8 = tansiq({"ingest", "--encoding", "utf-8", cp1256});
  EXPECT_EQ(as_utf8.exit_code, 3) << describe(as_utf8);
  EXPECT_NE(as_utf8.err.find("invalid UTF-8 at byte offset"), std::string::npos)
      << describe(as_utf8);
  EXPECT_EQ(stored().size(), before);

  // Declared by the page: a new article, stored, its text decoded.
  const std::string page = dir_.file("declared.html");
  write_file(page, "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                   "charset=windows-1256\"><title>" +
                       to_windows1256("تفكيك خلية إرهابية بمدينة فاس") +
                       "</title></head><body><p>" +
                       to_windows1256("أعلنت المديرية العامة لمراقبة التراب الوطني عن تفكيك خلية "
                                      "إرهابية موالية لتنظيم داعش بمدينة فاس.") +
                       "</p></body></html>");
  auto declared = tansiq({"ingest", page});
  ASSERT_EQ(declared.exit_code, 0) << describe(declared);
  EXPECT_NE(declared.err.find("declared"), std::string::npos) << declared.err;
  auto objects = stored();
  const StixObject* report = report_for(objects, declared.out, page);
  ASSERT_NE(report, nullptr) << declared.out;
  EXPECT_EQ(report->name, "تفكيك خلية إرهابية بمدينة فاس");
}

// Variants of a stored article (other boilerplate, punctuation, an added sentence, another
// source) are linked to its report, not stored again, across runs; distinct articles are not.
TEST_F(Ingest, NearDuplicatesAreLinkedNotStored) {
  auto first = tansiq({"ingest", kArticles, "--source-url", "https://example.org/first"});
  ASSERT_EQ(first.exit_code, 0) << describe(first);
  EXPECT_EQ(first.out.find("near duplicate of"), std::string::npos) << first.out;
  auto objects = stored();
  const std::string file =
      std::string(kArticles) + "/2015-11-security-services-meetings-belgium-france.txt";
  const std::string id = report_id_in(first.out, file);
  ASSERT_FALSE(id.empty());

  std::string raw = read_file(file);
  auto paragraph_end = raw.find('\n', raw.size() / 2);
  ASSERT_NE(paragraph_end, std::string::npos);
  std::string variant = "عاجل\nاليوم السبت 21 يناير 2017\n" + raw.substr(0, paragraph_end) +
                        "\nوأكدت مصادر مطلعة أن التحقيقات ما زالت جارية تحت إشراف النيابة العامة."
                        " " +
                        raw.substr(paragraph_end) + "\nشارك على فيسبوك\nأضف تعليق\n";
  for (auto at = variant.find("، "); at != std::string::npos; at = variant.find("، ", at + 3))
    variant.replace(at, std::string("، ").size(), " ،");
  std::filesystem::create_directories(dir_.file("syndicated"));
  const std::string copy = dir_.file("syndicated/copy.html");
  write_file(
      copy, "<html><body><nav>الرئيسية | أخبار | رياضة</nav><p>" + [&] {
        std::string html;
        for (char c : variant)
          html += c == '\n' ? std::string("</p><p>") : std::string(1, c);
        return html;
      }() + "</p></body></html>");

  auto linked = tansiq({"ingest", copy, "--source-url", "https://example.net/copy"});
  ASSERT_EQ(linked.exit_code, 0) << describe(linked);
  EXPECT_NE(linked.out.find(copy + ": near duplicate of " + id + " (similarity 0."),
            std::string::npos)
      << linked.out;
  EXPECT_NE(linked.out.find("its new version cites this source"), std::string::npos) << linked.out;
  auto after = stored();
  std::size_t reports = 0;
  for (const auto& [object_id, object] : after)
    reports += object.type == "report";
  EXPECT_EQ(reports, 5u);
  ASSERT_TRUE(after.count(id));
  EXPECT_NE(after.at(id).json.find("https://example.org/first"), std::string::npos);
  EXPECT_NE(after.at(id).json.find("https://example.net/copy"), std::string::npos);
  EXPECT_EQ(after.at(id).name, objects.at(id).name);

  // Again (another run): linked, already cited, nothing added.
  auto again = tansiq({"ingest", copy, "--source-url", "https://example.net/copy"});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_NE(again.out.find("it cites this source already"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find(" 0 added,"), std::string::npos) << again.out;
}
// Within one run: the dev articles (distinct, on similar events) are all stored, and a variant
// ingested in the same batch as its original is linked to the report stored moments before.
TEST_F(Ingest, NearDuplicatesAreFoundWithinOneBatchAndDistinctArticlesAreKept) {
  const std::string dev = "../shared/data/intake-dev/articles";
  std::filesystem::create_directories(dir_.file("batch"));
  std::string original = read_file(dev + "/dev-05.txt");
  auto cut = original.find('\n', original.size() / 2);
  ASSERT_NE(cut, std::string::npos);
  // "z-" sorts after "dev-": the variant comes after its original in the run.
  write_file(dir_.file("batch/z-variant.txt"), original.substr(0, cut) +
                                                   " وأوضح المصدر أن البحث لا يزال جاريا." +
                                                   original.substr(cut));
  for (int n = 1; n <= 6; ++n) {
    char name[32];
    std::snprintf(name, sizeof name, "/dev-%02d.txt", n);
    write_file(dir_.file("batch") + name, read_file(dev + name));
  }
  auto run = tansiq({"ingest", dir_.file("batch"), "--source-url", "https://example.org/dev"});
  ASSERT_EQ(run.exit_code, 0) << describe(run);
  const std::string id = report_id_in(run.out, dir_.file("batch/dev-05.txt"));
  ASSERT_FALSE(id.empty()) << run.out;
  EXPECT_NE(run.out.find(dir_.file("batch/z-variant.txt") + ": near duplicate of " + id),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("1 near duplicate(s) linked"), std::string::npos) << run.out;
  std::size_t reports = 0;
  for (const auto& [object_id, object] : stored())
    reports += object.type == "report";
  EXPECT_EQ(reports, 6u);
}
} // namespace

TEST_F(Ingest, TakesEveryTlpLevelAndRefusesOtherWords) {
  const std::string article =
      std::string(kArticles) + "/2024-07-olympics-moroccan-security-paris.txt";
  auto before = stored().size();
  auto white = tansiq({"ingest", "--tlp", "white", article});
  EXPECT_NE(white.exit_code, 0) << describe(white);
  EXPECT_NE(white.err.find("\"white\" is not a TLP level"), std::string::npos) << describe(white);
  EXPECT_EQ(stored().size(), before);

  auto strict = tansiq({"ingest", "--tlp", "AMBER+STRICT", article});
  ASSERT_EQ(strict.exit_code, 0) << describe(strict);
  auto exported = tansiq({"export"});
  // The TLP 2.0 AMBER+STRICT marking definition (OASIS cti-stix-common-objects).
  EXPECT_NE(exported.out.find("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
            std::string::npos);
}
