// Question: how fast is watchlist screening (src/names) on a 1,000,000-entry list,
// compared with what a scan of the list would cost, measured in the same run?
// Targets (issue 6): index build <= 20 s and <= 1 GB; one name p99 < 1 ms on one core;
// bulk screening >= 20,000 names/s.
// Entries are synthetic: realistic Arabic name parts (given names, «عبد» compounds, family
// names, nisbas) written in Arabic script and in a random one of their Latin romanisations.
// By default the family names are 30,000 (40 real ones, then names made from roots and
// patterns) drawn with Zipf-like frequencies, as on a real list; --narrow keeps the first
// list, 40 family names only, on which every full name repeats hundreds of times.
// Queries are entries written again, in the other script or another romanisation.
#include "bench_support.h"
#include "names/matcher.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace tansiq;
using namespace tansiq::names;

namespace {

struct Part {
  const char* arabic;
  std::vector<const char*> latin;
};

const std::vector<Part> given = {
    {"محمد", {"Mohamed", "Muhammad", "Mohammed", "Mohammad"}},
    {"أحمد", {"Ahmed", "Ahmad"}},
    {"علي", {"Ali"}},
    {"حسن", {"Hassan", "Hasan"}},
    {"حسين", {"Hussein", "Houcine", "Husayn"}},
    {"عمر", {"Omar", "Umar"}},
    {"عثمان", {"Othman", "Uthman"}},
    {"خالد", {"Khaled", "Khalid"}},
    {"يوسف", {"Youssef", "Yusuf", "Yousef"}},
    {"إبراهيم", {"Ibrahim", "Brahim", "Ebrahim"}},
    {"إسماعيل", {"Ismail", "Smail"}},
    {"مصطفى", {"Mustafa", "Mostafa", "Moustafa"}},
    {"سعيد", {"Said", "Saeed"}},
    {"سعد", {"Saad", "Sa'd"}},
    {"كمال", {"Kamal", "Kamel"}},
    {"جمال", {"Jamal", "Djamel", "Gamal"}},
    {"رشيد", {"Rachid", "Rashid"}},
    {"نور الدين", {"Noureddine", "Nur al-Din", "Nooruddin"}},
    {"صلاح الدين", {"Salaheddine", "Salah al-Din"}},
    {"محمود", {"Mahmoud", "Mahmud"}},
    {"طارق", {"Tarek", "Tariq"}},
    {"ياسين", {"Yassine", "Yasin"}},
    {"حمزة", {"Hamza", "Hamzah"}},
    {"بلال", {"Bilal", "Belal"}},
    {"أنس", {"Anas"}},
    {"زكريا", {"Zakaria", "Zakariya"}},
    {"سليمان", {"Sulaiman", "Slimane", "Suleiman"}},
    {"موسى", {"Moussa", "Musa"}},
    {"عيسى", {"Issa", "Isa"}},
    {"ياسر", {"Yasser", "Yasir"}},
    {"وليد", {"Walid", "Oualid"}},
    {"فيصل", {"Faisal", "Faysal"}},
    {"ناصر", {"Nasser", "Nasir"}},
    {"منصور", {"Mansour", "Mansur"}},
    {"جابر", {"Jaber", "Jabir"}},
    {"قاسم", {"Kacem", "Qasim"}},
    {"هشام", {"Hicham", "Hisham"}},
    {"شريف", {"Cherif", "Sharif"}},
    {"عادل", {"Adel", "Adil"}},
    {"أيمن", {"Ayman", "Aymen"}},
    {"مروان", {"Marwan"}},
    {"زياد", {"Ziad", "Ziyad"}},
    {"فاطمة", {"Fatima", "Fatma"}},
    {"عائشة", {"Aicha", "Aisha"}},
    {"مريم", {"Maryam", "Meriem"}},
    {"خديجة", {"Khadija", "Khadidja"}},
    {"زينب", {"Zainab", "Zeineb"}},
    {"سمير", {"Samir"}},
    {"نبيل", {"Nabil"}},
    {"عماد", {"Imad"}},
    {"مهدي", {"Mahdi", "Mehdi"}},
    {"أسامة", {"Oussama", "Usama"}},
};
const std::vector<Part> abd = {
    {"عبد الله", {"Abdallah", "Abdullah", "Abd Allah"}},
    {"عبد الرحمن", {"Abderrahmane", "Abdul Rahman", "Abd al-Rahman"}},
    {"عبد اللطيف", {"Abdellatif", "Abdul Latif", "Abd al-Latif"}},
    {"عبد القادر", {"Abdelkader", "Abdul Qadir"}},
    {"عبد العزيز", {"Abdelaziz", "Abdul Aziz"}},
    {"عبد الكريم", {"Abdelkrim", "Abdul Karim"}},
    {"عبد الحميد", {"Abdelhamid", "Abd al-Hamid"}},
    {"عبد الرزاق", {"Abderrazak", "Abdul Razzaq"}},
    {"عبد المجيد", {"Abdelmadjid", "Abd al-Majid"}},
    {"عبد السلام", {"Abdessalam", "Abd al-Salam"}},
    {"عبد الحكيم", {"Abdelhakim", "Abdul Hakim"}},
    {"عبد الغني", {"Abdelghani", "Abdul Ghani"}},
};
const std::vector<Part> family = {
    {"الحموشي", {"Hammouchi", "al-Hamushi"}},
    {"التكريتي", {"al-Tikriti", "Tikriti"}},
    {"العلوي", {"Alaoui", "al-Alawi"}},
    {"بن علي", {"Ben Ali", "bin Ali"}},
    {"الزهراني", {"al-Zahrani", "Zahrani"}},
    {"الغامدي", {"al-Ghamdi", "Ghamdi"}},
    {"المصري", {"al-Masri", "El Masry"}},
    {"الشامي", {"al-Shami", "Chami"}},
    {"البغدادي", {"al-Baghdadi", "Baghdadi"}},
    {"الحسيني", {"al-Husseini", "Houssini"}},
    {"القحطاني", {"al-Qahtani", "Kahtani"}},
    {"العتيبي", {"al-Otaibi", "Otaibi"}},
    {"الدوري", {"al-Duri", "Douri"}},
    {"الراوي", {"al-Rawi", "Raoui"}},
    {"الفضلي", {"al-Fadhli", "Fadli"}},
    {"بلقاسم", {"Belkacem", "Belgacem"}},
    {"بوزيد", {"Bouzid"}},
    {"بن سالم", {"Ben Salem", "bin Salim"}},
    {"الجزائري", {"al-Jazairi", "Djazairi"}},
    {"التونسي", {"al-Tunisi", "Tounsi"}},
    {"الليبي", {"al-Libi", "Libi"}},
    {"اليمني", {"al-Yamani", "Yamani"}},
    {"الأنصاري", {"al-Ansari", "Ansari"}},
    {"الهاشمي", {"al-Hashimi", "Hachemi"}},
    {"السعدي", {"al-Saadi", "Essaadi"}},
    {"الشريف", {"al-Sharif", "Cherif"}},
    {"الكعبي", {"al-Kaabi", "Kaabi"}},
    {"المطيري", {"al-Mutairi", "Mutairi"}},
    {"الشمري", {"al-Shammari", "Chammari"}},
    {"العنزي", {"al-Anazi", "Anzi"}},
    {"حداد", {"Haddad"}},
    {"خليل", {"Khalil"}},
    {"منصوري", {"Mansouri"}},
    {"زيدان", {"Zidane", "Zaydan"}},
    {"بوعزيز", {"Bouaziz"}},
    {"العمري", {"al-Omari", "Amri"}},
    {"الخطيب", {"al-Khatib", "Khatib"}},
    {"النجار", {"al-Najjar", "Najjar"}},
    {"الصالح", {"al-Salih", "Saleh"}},
    {"العبيدي", {"al-Obaidi", "Ubaidi"}},
};

// Family names beyond the 40 above, for a list closer to a real one: tens of thousands of
// distinct family names with a Zipf-like frequency (a few very common). Each is made from
// a three-consonant root in one of the patterns Arabic family names take (Hamid, Rashid,
// Mansour, Zaydan, al-Hashimi...), written in Arabic script and in two romanisations.
struct Consonant {
  const char* arabic;
  std::array<const char*, 2> latin; // Mashriq/English and Maghreb/French readings
};
const Consonant consonants[] = {
    {"ب", {"b", "b"}}, {"ت", {"t", "t"}},   {"ث", {"th", "t"}}, {"ج", {"j", "dj"}},
    {"ح", {"h", "h"}}, {"خ", {"kh", "kh"}}, {"د", {"d", "d"}},  {"ذ", {"dh", "d"}},
    {"ر", {"r", "r"}}, {"ز", {"z", "z"}},   {"س", {"s", "s"}},  {"ش", {"sh", "ch"}},
    {"ص", {"s", "s"}}, {"ض", {"d", "dh"}},  {"ط", {"t", "t"}},  {"غ", {"gh", "gh"}},
    {"ف", {"f", "f"}}, {"ق", {"q", "k"}},   {"ك", {"k", "k"}},  {"ل", {"l", "l"}},
    {"م", {"m", "m"}}, {"ن", {"n", "n"}},   {"ه", {"h", "h"}},
};
// A pattern: the Arabic letters around the root (C = the next root consonant) and the
// two romanisations' vowels around it.
struct Pattern {
  const char* arabic;
  std::array<const char*, 2> latin;
};
const Pattern patterns[] = {
    {"CاCC", {"CaCiC", "CaCeC"}},      // Hamid, Hamed
    {"CCيC", {"CaCiC", "CaCiC"}},      // Rashid
    {"مCCوC", {"maCCuC", "maCCouC"}},  // Mansur, Mansour
    {"CCCان", {"CaCCan", "CaCCane"}},  // Zaydan, Zidane
    {"الCCCي", {"al-CaCCi", "CaCCi"}}, // al-Hashimi
    {"CCاC", {"CaCaC", "CaCaC"}},      // Jamal
    {"بوCCC", {"BouCCaC", "BouCCaC"}}, // Bouziane-like
};

std::string replace_c(std::string_view pattern, const std::array<std::string, 3>& root) {
  std::string out;
  std::size_t next = 0;
  for (char c : pattern) {
    if (c == 'C' && next < 3)
      out += root[next++];
    else
      out += c;
  }
  return out;
}

std::vector<Part> make_family_names(std::size_t count, std::mt19937& random) {
  static std::vector<std::string> storage; // the Parts point into it
  storage.clear();
  storage.reserve(count * 3);
  std::vector<Part> out = family; // the common ones first
  std::size_t consonant_count = std::size(consonants);
  while (out.size() < count) {
    std::array<const Consonant*, 3> root;
    for (auto& c : root)
      c = &consonants[random() % consonant_count];
    const Pattern& pattern = patterns[random() % std::size(patterns)];
    std::array<std::string, 3> arabic_root, latin_root[2];
    for (std::size_t k = 0; k < 3; ++k) {
      arabic_root[k] = root[k]->arabic;
      latin_root[0][k] = root[k]->latin[0];
      latin_root[1][k] = root[k]->latin[1];
    }
    storage.push_back(replace_c(pattern.arabic, arabic_root));
    const char* arabic = storage.back().c_str();
    std::vector<const char*> latin;
    for (std::size_t v = 0; v < 2; ++v) {
      std::string text = replace_c(pattern.latin[v], latin_root[v]);
      text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
      if (v == 1 && text == latin[0])
        break;
      storage.push_back(text);
      latin.push_back(storage.back().c_str());
    }
    out.push_back({arabic, latin});
  }
  return out;
}

struct SyntheticName {
  std::vector<std::pair<const Part*, std::size_t>> parts; // part and its Latin variant
};

// `families` empty: the narrow list (40 family names, each full name repeated often);
// otherwise family names drawn with Zipf-like frequencies from `families` (a cumulative
// distribution `family_cdf`).
SyntheticName make_name(std::mt19937& random, const std::vector<Part>& families,
                        const std::vector<double>& family_cdf) {
  SyntheticName name;
  auto pick = [&](const std::vector<Part>& list) {
    const Part* part = &list[random() % list.size()];
    name.parts.emplace_back(part, random() % part->latin.size());
  };
  pick(random() % 4 == 0 ? abd : given);
  int middle = 1 + static_cast<int>(random() % 3);
  for (int i = 0; i < middle; ++i)
    pick(random() % 5 == 0 ? abd : given);
  if (families.empty()) {
    pick(family);
  } else {
    double u = std::uniform_real_distribution<double>(0, family_cdf.back())(random);
    auto k = static_cast<std::size_t>(std::lower_bound(family_cdf.begin(), family_cdf.end(), u) -
                                      family_cdf.begin());
    const Part* part = &families[std::min(k, families.size() - 1)];
    name.parts.emplace_back(part, random() % part->latin.size());
  }
  return name;
}

std::string arabic(const SyntheticName& name) {
  std::string out;
  for (const auto& [part, variant] : name.parts)
    out += (out.empty() ? "" : " ") + std::string(part->arabic);
  return out;
}

std::string latin(const SyntheticName& name, std::mt19937* reroll) {
  std::string out;
  for (const auto& [part, variant] : name.parts) {
    std::size_t v = reroll ? (*reroll)() % part->latin.size() : variant;
    out += (out.empty() ? "" : " ") + std::string(part->latin[v]);
  }
  return out;
}

// CPU time of this thread: on a shared machine the wall-clock tail is mostly time spent
// waiting for a core (a 4 ms scheduler slice), not screening.
double thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

double process_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

} // namespace

int main(int argc, char** argv) {
  std::size_t entries = 1000000, queries = 5000;
  bool scan = true;
  // The narrow list (the only one before): 40 family names. The default: 30,000 family
  // names with Zipf-like frequencies (the 40 first, most common).
  bool narrow = false;
  std::size_t family_count = 30000;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--smoke") == 0) {
      entries = 20000;
      queries = 500;
    } else if (std::strcmp(argv[i], "--entries") == 0 && i + 1 < argc) {
      entries = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--queries") == 0 && i + 1 < argc) {
      queries = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--no-scan") == 0) {
      scan = false; // for profiling the screening alone
    } else if (std::strcmp(argv[i], "--narrow") == 0) {
      narrow = true;
    } else if (std::strcmp(argv[i], "--families") == 0 && i + 1 < argc) {
      family_count = std::stoul(argv[++i]);
    }
  }
  std::mt19937 random(6);
  std::vector<Part> families;
  std::vector<double> family_cdf;
  if (!narrow) {
    std::mt19937 family_random(7);
    families = make_family_names(std::max<std::size_t>(family_count, family.size()), family_random);
    double total = 0;
    for (std::size_t k = 0; k < families.size(); ++k)
      family_cdf.push_back(total += 1.0 / static_cast<double>(k + 1)); // Zipf, s = 1
  }
  std::printf(
      "names_bench: %zu synthetic entries (Arabic script + one Latin form each), %zu "
      "queries; %s\n",
      entries, queries,
      narrow ? "narrow list (40 family names)"
             : ("family names: " + std::to_string(families.size()) + " with Zipf-like frequencies")
                   .c_str());
  std::vector<SyntheticName> names;
  names.reserve(entries);
  for (std::size_t i = 0; i < entries; ++i)
    names.push_back(make_name(random, families, family_cdf));
  double rss_before = bench::peak_rss_mb();

  // Index build.
  bench::Stopwatch build_clock;
  double build_cpu_before = process_cpu_s();
  Watchlist list;
  for (std::size_t i = 0; i < entries; ++i) {
    auto added =
        list.add({"e" + std::to_string(i), {arabic(names[i]), latin(names[i], nullptr)}, {}, {}});
    if (!added) {
      std::fprintf(stderr, "add failed: %s\n", added.error().message.c_str());
      return 1;
    }
  }
  list.build();
  double build_seconds = build_clock.seconds();
  double build_cpu_seconds = process_cpu_s() - build_cpu_before;
  double rss_after = bench::peak_rss_mb();

  // Queries: entries written again, the other script or another romanisation.
  std::vector<std::string> query_text;
  std::vector<std::size_t> query_entry;
  for (std::size_t q = 0; q < queries; ++q) {
    std::size_t e = random() % entries;
    query_entry.push_back(e);
    query_text.push_back(q % 2 ? arabic(names[e]) : latin(names[e], &random));
  }

  // Baseline 1: normalising and scoring pairwise, as a scan would, on a 10,000-name sample.
  std::size_t sample = std::min<std::size_t>(10000, entries);
  std::vector<std::string> sample_names;
  for (std::size_t i = 0; i < sample; ++i)
    sample_names.push_back(i % 2 ? arabic(names[i]) : latin(names[i], nullptr));
  std::size_t scan_queries = scan ? 5 : 0;
  bench::Stopwatch scan_clock;
  std::size_t scan_sink = 0;
  for (std::size_t q = 0; q < scan_queries; ++q)
    for (const auto& n : sample_names) {
      auto s = name_similarity(query_text[q], n);
      scan_sink += s && *s >= default_threshold;
    }
  double scan_ms_per_query = scan_clock.seconds() * 1000 /
                             static_cast<double>(std::max<std::size_t>(1, scan_queries)) *
                             (static_cast<double>(entries) / static_cast<double>(sample));
  // Baseline 2: the cost of reading (normalising) the query and one name, nothing else.
  bench::Stopwatch normalise_clock;
  for (std::size_t q = 0; q < queries; ++q)
    scan_sink += name_similarity(query_text[q], query_text[q]).ok();
  double normalise_us = normalise_clock.seconds() * 1e6 / static_cast<double>(queries);

  // Single-name latency and bulk rate (one core, one thread).
  std::vector<double> latency_us, cpu_us;
  std::size_t found = 0;
  bench::Stopwatch bulk_clock;
  for (std::size_t q = 0; q < queries; ++q) {
    bench::Stopwatch one;
    double cpu_before = thread_cpu_us();
    auto result = list.screen(query_text[q]);
    latency_us.push_back(one.seconds() * 1e6);
    cpu_us.push_back(thread_cpu_us() - cpu_before);
    if (result)
      for (const auto& c : *result)
        if (c.id == "e" + std::to_string(query_entry[q])) {
          ++found;
          break;
        }
  }
  double bulk_rate = static_cast<double>(queries) / bulk_clock.seconds();

  // Bulk on every core (screen_batch). On a shared machine the wall-clock rate depends on
  // what else runs; the CPU time says what the screening itself cost.
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<ScreenRequest> requests;
  for (const auto& text : query_text)
    requests.push_back({text, {}});
  bench::Stopwatch batch_clock;
  double batch_cpu_before = process_cpu_s();
  auto batch = list.screen_batch(requests, cores);
  double batch_seconds = batch_clock.seconds();
  double batch_cpu_seconds = process_cpu_s() - batch_cpu_before;
  std::size_t batch_found = 0;
  for (std::size_t q = 0; q < queries; ++q)
    if (batch[q])
      for (const auto& c : *batch[q])
        if (c.id == "e" + std::to_string(query_entry[q])) {
          ++batch_found;
          break;
        }

  std::printf("index: %zu names, built in %.2f s (%.2f s of CPU time)\n", list.name_count(),
              build_seconds, build_cpu_seconds);
  bench::print_ratio("index build (s)", build_seconds,
                     normalise_us * 1e-6 * static_cast<double>(list.name_count()) / 2, "s",
                     "baseline: normalising every name once; target <= 20 s for 1M");
  bench::print_ratio("index memory (MB, peak RSS growth)", rss_after - rss_before, rss_before, "MB",
                     "baseline: the generated names before indexing; target <= 1024 MB for 1M");
  bench::print_ratio("screen one name p50 (us)", percentile(latency_us, 0.50),
                     scan_ms_per_query * 1000, "us",
                     "baseline: scanning the whole list, extrapolated from 10,000");
  bench::print_ratio("screen one name p99 (us)", percentile(latency_us, 0.99), normalise_us, "us",
                     "baseline: normalising query + one name; target < 1000 us");
  bench::print_ratio("bulk screening (names/s)", bulk_rate, 1000.0 / scan_ms_per_query, "names/s",
                     "baseline: scanning the list; target >= 20,000 names/s");
  double cpu_total = 0;
  for (double c : cpu_us)
    cpu_total += c;
  std::printf("screen one name, thread CPU time: p50 %.0f us, p99 %.0f us; bulk on CPU time "
              "%.0f names/s (one thread)\n",
              percentile(cpu_us, 0.50), percentile(cpu_us, 0.99),
              static_cast<double>(queries) / (cpu_total * 1e-6));
  double batch_rate = static_cast<double>(queries) / batch_seconds;
  bench::print_ratio("bulk screening, all threads (names/s)", batch_rate, bulk_rate, "names/s",
                     "baseline: one thread, same run; target >= 20,000 names/s");
  std::printf("bulk on %u threads: %.2f s wall clock, %.2f s CPU time (%.2f cores busy), %.0f "
              "names per CPU-second\n",
              cores, batch_seconds, batch_cpu_seconds, batch_cpu_seconds / batch_seconds,
              static_cast<double>(queries) / batch_cpu_seconds);
  std::printf("queries whose entry was found at the default threshold: %zu / %zu (%.1f%%); "
              "%zu on %u threads\n",
              found, queries, 100.0 * static_cast<double>(found) / static_cast<double>(queries),
              batch_found, cores);
  std::printf("peak RSS: %.0f MB\n", bench::peak_rss_mb());
  return scan_sink == static_cast<std::size_t>(-1) ? 1 : 0;
}
