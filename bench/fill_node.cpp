// Creates a node whose default collection holds N synthetic objects of varied
// TLP levels, loaded straight into its store: the large holding the console's
// first-paint test (web/tests/large_store.mjs) and manual checks run against.
// Usage: fill_node --dir DIR [--objects N]   (default 1,000,000)
// Prints one JSON line: {"admin_token":..., "collection":..., "objects":N, "seconds":S}.
#include "bench_support.h"
#include "node/node.h"
#include "synthetic_holding.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace tansiq;

int main(int argc, char** argv) {
  std::string directory;
  std::uint64_t total = 1000000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string arg = argv[i];
    if (arg == "--dir")
      directory = argv[i + 1];
    else if (arg == "--objects")
      total = std::strtoull(argv[i + 1], nullptr, 10);
    else {
      std::fprintf(stderr, "fill_node: unknown option %s\n", arg.c_str());
      return 2;
    }
  }
  if (directory.empty() || total == 0) {
    std::fprintf(stderr, "usage: fill_node --dir DIR [--objects N]\n");
    return 2;
  }
  node::NodeConfig config;
  config.port = 0;
  auto created = node::create_node(directory, config);
  if (!created) {
    std::fprintf(stderr, "fill_node: %s\n", created.error().describe().c_str());
    return 1;
  }
  bench::Stopwatch clock;
  {
    auto opened = node::open_node(directory);
    if (!opened) {
      std::fprintf(stderr, "fill_node: %s\n", opened.error().describe().c_str());
      return 1;
    }
    auto loaded = bench::load_synthetic_holding(*opened->store, created->default_collection_id, 1,
                                                total, bench::Markings::varied);
    if (!loaded) {
      std::fprintf(stderr, "fill_node: %s\n", loaded.error().describe().c_str());
      return 1;
    }
  }
  std::printf("{\"admin_token\":\"%s\",\"collection\":\"%s\",\"objects\":%llu,\"seconds\":%.1f}\n",
              created->admin_token.c_str(), created->default_collection_id.c_str(),
              static_cast<unsigned long long>(total), clock.seconds());
  return 0;
}
