// Question (issue 4): how long does one release decision take? Baseline: the
// same loop over the same inputs doing only the cheapest check (is there a
// TLP), so the ratio shows what the whole rule set costs on top.
#include "bench_support.h"
#include "policy/release_rules.h"

#include <random>

using namespace tansiq;
using namespace tansiq::policy;
using tansiq::stix::Tlp;

int main(int argc, char** argv) {
  bool smoke = argc > 1 && std::string(argv[1]) == "--smoke";
  const size_t decisions = smoke ? 200000 : 5000000;
  std::mt19937_64 random(11);
  std::vector<std::string> agencies;
  for (int i = 0; i < 20; ++i)
    agencies.push_back("identity--00000000-0000-4000-8000-0000000000" + std::to_string(10 + i));
  const std::vector<std::string> categories = {"terrorism", "arms-trafficking", "cbrn",
                                               "document-fraud", "organised-crime"};
  std::vector<Agreement> agreements;
  for (int i = 0; i < 30; ++i) {
    Agreement agreement;
    agreement.id = "x-tansiq-agreement--" + std::to_string(i);
    agreement.parties = {agencies[0], agencies[1 + random() % 19]};
    agreement.categories = {categories[random() % 5], categories[random() % 5]};
    agreement.highest_tlp = static_cast<Tlp>(random() % 4);
    agreement.onward_sharing = random() % 2;
    agreements.push_back(agreement);
  }
  std::vector<Handling> objects(1024);
  for (auto& object : objects) {
    object.tlp = static_cast<Tlp>(random() % 5);
    object.categories = {categories[random() % 5]};
    object.originator = random() % 4 ? agencies[0] : agencies[random() % 20];
    if (random() % 2)
      object.releasable_to_agencies = {agencies[random() % 20], agencies[random() % 20]};
  }
  DecisionContext context{agencies[0], &agreements, 1};

  size_t released = 0;
  bench::Stopwatch baseline_clock;
  for (size_t i = 0; i < decisions; ++i)
    released += objects[i % objects.size()].tlp.has_value() && agencies[1 + i % 19].size() > 0;
  double baseline = decisions / baseline_clock.seconds();
  bench::Stopwatch clock;
  size_t allowed = 0;
  for (size_t i = 0; i < decisions; ++i)
    allowed += decide(objects[i % objects.size()], agencies[1 + i % 19], context).release;
  double seconds = clock.seconds();
  std::printf("%zu decisions over 30 agreements, 20 agencies (%zu released)\n", decisions, allowed);
  bench::print_ratio("decisions per second", decisions / seconds, baseline, "dec/s",
                     "target: under 2 us per decision");
  std::printf("%-34s %12.3f us\n", "time per decision", seconds * 1e6 / decisions);
  return released > 0 ? 0 : 1;
}
