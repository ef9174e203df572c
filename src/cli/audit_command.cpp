#include "audit/audit_log.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "node/node.h"

#include <cstdio>

namespace tansiq::cli {

std::string audit_head_file(const std::string& node_directory) {
  return node_directory + "/audit.head";
}

void add_audit_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("audit", "The tamper-evident log of releases and denials");
  command->require_subcommand(1);

  auto* verify = command->add_subcommand(
      "verify", "Check the hash chain: exit 0 when intact, 3 when an edit or deletion is found");
  verify->callback([&global, &exit_code] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    audit::AuditLog log(*opened->store, audit_head_file(global.node_directory));
    auto report_ = log.verify();
    if (!report_) {
      exit_code = report(report_.error());
      return;
    }
    if (report_->intact) {
      std::printf("audit log intact: %lld record(s)\n", static_cast<long long>(report_->records));
    } else {
      std::printf("audit log BROKEN: %s\n", report_->problem.c_str());
      exit_code = kInvalidInput;
    }
  });

  auto object = std::make_shared<std::string>();
  auto* show = command->add_subcommand("show", "Print audit records, oldest first");
  show->add_option("--object", *object, "Only the records about this STIX object");
  show->callback([&global, &exit_code, object] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    std::int64_t after = 0;
    for (;;) {
      auto records = opened->store->read_audit(after, 1000, *object);
      if (!records) {
        exit_code = report(records.error());
        return;
      }
      for (const auto& record : *records) {
        std::printf("%lld %s %-8s actor=%s partner=%s object=%s agreement=%s %s\n",
                    static_cast<long long>(record.sequence),
                    stix::format_timestamp_millis(record.time).c_str(), record.action.c_str(),
                    record.actor.c_str(), record.partner.c_str(), record.object_id.c_str(),
                    record.agreement_id.c_str(), record.detail.c_str());
        after = record.sequence;
      }
      if (records->size() < 1000)
        break;
    }
  });
}

} // namespace tansiq::cli
