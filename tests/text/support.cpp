#include "support.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tansiq::text::testing {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const KnowledgeBase& knowledge_base() {
  static const KnowledgeBase kb = [] {
    KnowledgeBase k;
    for (const char* name : {"places.tsv", "nationalities.tsv", "organisations.tsv", "groups.tsv",
                             "persons.tsv", "given_names.tsv"}) {
      auto loaded = k.add_tsv(read_file(std::string("data/text/") + name), name);
      if (!loaded)
        throw std::runtime_error(loaded.error().describe());
    }
    k.add_icu_countries();
    return k;
  }();
  return kb;
}

} // namespace tansiq::text::testing
