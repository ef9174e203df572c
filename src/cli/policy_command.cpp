#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "node/node.h"
#include "node/policy_state.h"
#include "node/publisher.h"

#include <cstdio>

namespace tansiq::cli {

void add_policy_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("policy", "Release decisions under cooperation agreements");
  command->require_subcommand(1);

  struct ExplainOptions {
    std::string object_id, partner, at;
  };
  auto options = std::make_shared<ExplainOptions>();
  auto* explain = command->add_subcommand(
      "explain", "Say whether an object may be released to a partner agency now, and why");
  explain->add_option("OBJECT-ID", options->object_id, "STIX id of the object")->required();
  explain->add_option("--to", options->partner, "Identity id of the partner agency")->required();
  explain->add_option("--at", options->at, "Decide as of this timestamp instead of now");
  explain->callback([&global, &exit_code, options] {
    stix::MicrosSinceEpoch now = stix::now_micros();
    if (!options->at.empty()) {
      auto at = stix::parse_timestamp(options->at);
      if (!at) {
        exit_code =
            report(make_error(Error::Kind::invalid_input,
                              "not a timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z)", "--at " + options->at));
        return;
      }
      now = *at;
    }
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    auto state = node::load_policy_state(*opened->store);
    if (!state) {
      exit_code = report(state.error());
      return;
    }
    for (const auto& problem : state->problems)
      std::fprintf(stderr, "warning: ignored %s\n", problem.c_str());
    auto decision = node::decide_for_object(*opened->store, *state, opened->config.agency,
                                            options->object_id, options->partner, now);
    if (!decision) {
      exit_code = report(decision.error());
      return;
    }
    std::printf("%s: %s\n", decision->release ? "RELEASE" : "WITHHOLD", decision->reason.c_str());
  });

  auto* publish = command->add_subcommand(
      "publish", "Recompute what each partner agency may see now (serve does it by itself)");
  publish->callback([&global, &exit_code] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    audit::AuditLog log(*opened->store, audit_head_file(global.node_directory));
    auto last = opened->store->last_audit();
    auto summary = node::republish(*opened->store, log, opened->config.agency, "cli",
                                   last && last->has_value() ? (*last)->time : 0);
    if (!summary) {
      exit_code = report(summary.error());
      return;
    }
    for (const auto& problem : summary->problems)
      std::fprintf(stderr, "warning: ignored %s\n", problem.c_str());
    std::printf("%zu partner agenc%s, %zu object version(s): %zu published (%zu new), %zu "
                "withdrawn\n",
                summary->partners, summary->partners == 1 ? "y" : "ies", summary->versions,
                summary->published, summary->newly_published, summary->withdrawn);
  });
}

} // namespace tansiq::cli
