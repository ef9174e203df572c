// Question: how fast does `tansiq import` take the ATT&CK Enterprise bundle,
// compared with the bare floor (simdjson parse + SQLite insert of the same
// bytes, no validation, no versioning), measured in the same run?
// Target (issue 3): at least 50% of the floor's rate.
#include "bench_support.h"
#include "node/bundle_import.h"
#include "stix/bundle_reader.h"
#include "store/store.h"

#include <simdjson.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using namespace tansiq;

namespace {

std::string fresh_path(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() / ("tansiq-bench-" + name);
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return (path / "store.sqlite").string();
}

// The floor: parse, slice each object's bytes, insert them with their id in one transaction.
size_t floor_import(const std::string& bytes, const std::string& path) {
  sqlite3* db;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
               "CREATE TABLE o(id TEXT, json TEXT); BEGIN;",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert;
  sqlite3_prepare_v2(db, "INSERT INTO o VALUES (?, ?)", -1, &insert, nullptr);
  simdjson::padded_string padded(bytes);
  simdjson::ondemand::parser parser;
  auto document = parser.iterate(padded);
  size_t count = 0;
  for (auto element : document["objects"].get_array()) {
    simdjson::ondemand::object object = element.get_object();
    std::string_view raw = object.raw_json();
    sqlite3_bind_text(insert, 2, raw.data(), static_cast<int>(raw.size()), SQLITE_STATIC);
    object.reset();
    std::string_view id = object["id"].get_string();
    sqlite3_bind_text(insert, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    ++count;
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return count;
}

} // namespace

int main(int argc, char** argv) {
  bool smoke = argc > 1 && std::string(argv[1]) == "--smoke";
  const char* root_env = std::getenv("TANSIQ_ROOT");
  std::string root = root_env ? root_env : ".";
  std::string bytes = bench::read_attack_bundle(root);
  int rounds = smoke ? 1 : 3;

  double best_floor = 1e9, best_import = 1e9;
  size_t floor_count = 0, imported = 0;
  for (int round = 0; round < rounds; ++round) {
    std::string floor_path = fresh_path("floor");
    bench::Stopwatch floor_clock;
    floor_count = floor_import(bytes, floor_path);
    best_floor = std::min(best_floor, floor_clock.seconds());

    std::string store_path = fresh_path("import");
    auto store = store::open_sqlite_store(store_path, true);
    if (!store || !(*store)->create_collection({"c", "bench", ""})) {
      std::fprintf(stderr, "cannot create the store\n");
      return 1;
    }
    bench::Stopwatch import_clock;
    auto summary = node::import_bundle(**store, "c", bytes);
    best_import = std::min(best_import, import_clock.seconds());
    if (!summary) {
      std::fprintf(stderr, "import failed: %s\n", summary.error().describe().c_str());
      return 1;
    }
    imported = summary->added;
  }
  std::printf("ATT&CK Enterprise: %zu objects, %.1f MB; best of %d round(s)\n", floor_count,
              bytes.size() / 1e6, rounds);
  double ratio = bench::print_ratio("import (objects/s)", imported / best_import,
                                    floor_count / best_floor, "obj/s", "target ratio >= 0.50");
  if (imported != floor_count) {
    std::fprintf(stderr, "imported %zu objects, expected %zu\n", imported, floor_count);
    return 1;
  }
  return smoke || ratio >= 0.5 ? 0 : 2;
}
