// Question: how does the PostgreSQL store (the production back end) compare
// with the embedded SQLite store, measured in the same run on the same data?
//  - import of the ATT&CK Enterprise bundle (tansiq import's path), obj/s;
//  - adding N synthetic objects in batches of 1,000 (a TAXII POST's path), obj/s;
//  - a GET scan: paging through those N objects 1,000 at a time with their
//    JSON (what TAXII GET asks of the store), obj/s.
// Each PostgreSQL figure is printed with the SQLite one as its baseline. The
// PostgreSQL server is a throw-away local cluster (tests/support/pg_cluster.sh,
// Unix socket, fsync and synchronous_commit on), started unless the test run's
// fixture has one up. Usage: store_bench [--smoke] [--objects N]
#include "bench_support.h"
#include "node/bundle_import.h"
#include "store/store.h"
#include "support/postgres_server.h"
#include "synthetic_objects.h"

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace tansiq;

namespace {

std::string fresh_sqlite(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() / ("tansiq-bench-" + name);
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return (path / "store.sqlite").string();
}

using StoreFactory = std::function<Result<std::unique_ptr<store::Store>>()>;

struct Figures {
  double import_rate = 0; // ATT&CK, obj/s
  double add_rate = 0;    // synthetic batches, obj/s
  double scan_rate = 0;   // paged reads, obj/s
};

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "store_bench: %s\n", what.c_str());
  std::exit(1);
}

std::unique_ptr<store::Store> open_fresh(const StoreFactory& factory) {
  auto store = factory();
  if (!store)
    fail("cannot open the store: " + store.error().describe());
  if (auto made = (*store)->create_collection({"c", "bench", ""}); !made)
    fail("cannot create the collection: " + made.error().describe());
  return std::move(store.value());
}

double import_rate(const StoreFactory& factory, const std::string& bundle, size_t& imported) {
  auto store = open_fresh(factory);
  bench::Stopwatch clock;
  auto summary = node::import_bundle(*store, "c", bundle);
  double seconds = clock.seconds();
  if (!summary)
    fail("import failed: " + summary.error().describe());
  imported = summary->added;
  return imported / seconds;
}

void add_and_scan(const StoreFactory& factory, const std::vector<bench::SyntheticObject>& objects,
                  Figures& figures) {
  auto store = open_fresh(factory);
  constexpr size_t kBatch = 1000;
  bench::Stopwatch add_clock;
  for (size_t start = 0; start < objects.size(); start += kBatch) {
    std::vector<store::NewObject> batch;
    for (size_t i = start; i < std::min(objects.size(), start + kBatch); ++i) {
      const auto& object = objects[i];
      batch.push_back(store::NewObject{object.id, object.type, "2.1", object.modified,
                                       *stix::parse_timestamp(object.modified), object.json});
    }
    if (auto added = store->add_objects("c", batch); !added)
      fail("add failed: " + added.error().describe());
  }
  figures.add_rate = objects.size() / add_clock.seconds();

  store::ObjectQuery query;
  query.limit = 1000;
  size_t seen = 0;
  bench::Stopwatch scan_clock;
  for (;;) {
    auto page = store->query_objects("c", query);
    if (!page)
      fail("scan failed: " + page.error().describe());
    seen += page->objects.size();
    if (!page->more)
      break;
    query.after_cursor = page->next_cursor;
  }
  figures.scan_rate = seen / scan_clock.seconds();
  if (seen != objects.size())
    fail("scanned " + std::to_string(seen) + " objects of " + std::to_string(objects.size()));
}

} // namespace

int main(int argc, char** argv) {
  bool smoke = false;
  size_t count = 100000;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--smoke")
      smoke = true;
    else if (arg == "--objects" && i + 1 < argc)
      count = std::strtoull(argv[++i], nullptr, 10);
    else
      fail("usage: store_bench [--smoke] [--objects N]");
  }
  if (smoke)
    count = 2000;
  const char* root_env = std::getenv("TANSIQ_ROOT");
  std::string bundle = bench::read_attack_bundle(root_env ? root_env : ".");
  std::vector<bench::SyntheticObject> objects;
  objects.reserve(count);
  for (size_t n = 0; n < count; ++n)
    objects.push_back(bench::synthetic_object(7, n));

  // Every round on a fresh store: a new SQLite file, a new PostgreSQL schema.
  std::vector<std::unique_ptr<test_support::ScratchPostgres>> schemas;
  StoreFactory sqlite = [] { return store::open_sqlite_store(fresh_sqlite("store"), true); };
  StoreFactory postgres = [&]() -> Result<std::unique_ptr<store::Store>> {
    try {
      schemas.push_back(std::make_unique<test_support::ScratchPostgres>());
    } catch (const std::exception& error) {
      return make_error(Error::Kind::unavailable, error.what());
    }
    return store::open_postgres_store(schemas.back()->uri(), true);
  };

  int rounds = smoke ? 1 : 3;
  Figures best_sqlite, best_postgres;
  size_t imported = 0;
  for (int round = 0; round < rounds; ++round) {
    best_sqlite.import_rate =
        std::max(best_sqlite.import_rate, import_rate(sqlite, bundle, imported));
    best_postgres.import_rate =
        std::max(best_postgres.import_rate, import_rate(postgres, bundle, imported));
    Figures sqlite_figures, postgres_figures;
    add_and_scan(sqlite, objects, sqlite_figures);
    add_and_scan(postgres, objects, postgres_figures);
    best_sqlite.add_rate = std::max(best_sqlite.add_rate, sqlite_figures.add_rate);
    best_sqlite.scan_rate = std::max(best_sqlite.scan_rate, sqlite_figures.scan_rate);
    best_postgres.add_rate = std::max(best_postgres.add_rate, postgres_figures.add_rate);
    best_postgres.scan_rate = std::max(best_postgres.scan_rate, postgres_figures.scan_rate);
    schemas.clear(); // drops this round's schemas
  }
  std::printf("PostgreSQL (baseline: SQLite, same run); ATT&CK %zu objects, synthetic %zu "
              "objects; best of %d round(s)\n",
              imported, count, rounds);
  bench::print_ratio("import ATT&CK (obj/s)", best_postgres.import_rate, best_sqlite.import_rate,
                     "obj/s", "PostgreSQL / SQLite");
  bench::print_ratio("add, batches of 1000 (obj/s)", best_postgres.add_rate, best_sqlite.add_rate,
                     "obj/s", "PostgreSQL / SQLite");
  bench::print_ratio("GET scan, pages of 1000 (obj/s)", best_postgres.scan_rate,
                     best_sqlite.scan_rate, "obj/s", "PostgreSQL / SQLite");
  return 0;
}
