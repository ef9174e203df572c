#include "cli/bundle_input.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "stix/bundle_reader.h"

#include <cstdio>

namespace tansiq::cli {

void add_validate_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand(
      "validate", "Check bundles against STIX 2.1; print every violation with its JSON path");
  auto paths = std::make_shared<std::vector<std::string>>();
  command->add_option("FILE", *paths, "Bundle files or directories; - reads stdin")->required();
  command->callback([&global, &exit_code, paths] {
    std::size_t objects = 0, errors = 0, warnings = 0;
    for (const auto& path : *paths) {
      auto listed = list_bundle_files(path);
      if (!listed) {
        exit_code = report(listed.error());
        continue;
      }
      for (const auto& file : *listed) {
        auto bytes = read_bundle_file(file);
        if (!bytes) {
          exit_code = report(bytes.error());
          continue;
        }
        auto parsed = stix::read_bundle(*bytes, stix::Container::either);
        if (!parsed) {
          std::printf("%s: %s: error: %s\n", file.c_str(), parsed.error().where.c_str(),
                      parsed.error().message.c_str());
          ++errors;
          continue;
        }
        objects += parsed->accepted.size() + parsed->rejected.size();
        auto print = [&](const stix::Violation& violation) {
          bool is_error = violation.severity == stix::Severity::error;
          (is_error ? errors : warnings)++;
          std::printf("%s: %s: %s: %s\n", file.c_str(), violation.path.c_str(),
                      is_error ? "error" : "warning", violation.message.c_str());
        };
        for (const auto& rejected : parsed->rejected)
          for (const auto& violation : rejected.violations)
            print(violation);
        for (const auto& violation : parsed->warnings)
          print(violation);
      }
    }
    if (!global.quiet)
      std::fprintf(stderr, "%zu object(s) checked: %zu error(s), %zu warning(s)\n", objects, errors,
                   warnings);
    if (exit_code == kSuccess && errors > 0)
      exit_code = kInvalidInput;
  });
}

} // namespace tansiq::cli
