#include "cli/tlp_option.h"

#include <string>

namespace tansiq::cli {

CLI::Option* add_tlp_option(CLI::App& command, stix::Tlp& level) {
  std::string description = "TLP 2.0 marking: clear, green, amber, amber+strict or red (default: ";
  description += stix::tlp_short_name(level);
  description += ")";
  return command
      .add_option_function<std::string>(
          "--tlp",
          [&level](const std::string& value) {
            // The check below has already refused anything that is not a level.
            level = stix::parse_tlp_name(value).value_or(level);
          },
          description)
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (stix::parse_tlp_name(value))
              return {};
            return "\"" + value + "\" is not a TLP level (clear, green, amber, amber+strict, red)";
          },
          "LEVEL"));
}

} // namespace tansiq::cli
