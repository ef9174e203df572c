// tansiq: one binary for a node (see README.md for the commands and exit codes).
#include "cli/commands.h"
#include "cli/exit_codes.h"

#include <cstdlib>

int main(int argc, char** argv) {
  using namespace tansiq::cli;
  CLI::App app{"Tansiq: a STIX 2.1 / TAXII 2.1 node for cooperation between agencies"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tansiq 0.1.0");
  app.fallthrough();

  GlobalOptions global;
  const char* from_environment = std::getenv("TANSIQ_DIR");
  global.node_directory = from_environment ? from_environment : "tansiq-node";
  app.add_option("-d,--dir", global.node_directory,
                 "Node directory (default: $TANSIQ_DIR, else ./tansiq-node)");
  app.add_flag("-q,--quiet", global.quiet, "No progress bar or summary on the terminal");

  int exit_code = kSuccess;
  add_init_command(app, global, exit_code);
  add_serve_command(app, global, exit_code);
  add_import_command(app, global, exit_code);
  add_export_command(app, global, exit_code);
  add_validate_command(app, global, exit_code);
  add_collection_command(app, global, exit_code);
  add_user_command(app, global, exit_code);
  add_policy_command(app, global, exit_code);
  add_audit_command(app, global, exit_code);
  add_ingest_command(app, global, exit_code);
  add_partner_command(app, global, exit_code);
  add_screen_command(app, global, exit_code);
  add_search_command(app, global, exit_code);
  add_watchlist_command(app, global, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kUsage;
  }
  return exit_code;
}
