// Each `tansiq` subcommand registers itself on the application here.
#pragma once

#include "node/node.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace tansiq::cli {

// Options every command that works on a node shares.
struct GlobalOptions {
  std::string node_directory; // --dir, or $TANSIQ_DIR, or ./tansiq-node
  bool quiet = false;
};

// Opens the node at --dir; on failure reports the error, sets exit_code and
// returns nothing.
std::optional<node::OpenNode> open_node_or_report(const GlobalOptions& global, int& exit_code);

// Each adder stores the command's exit code in `exit_code` when it runs.
void add_init_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_serve_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_import_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_export_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_validate_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_collection_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_user_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_policy_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_audit_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_ingest_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_screen_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_search_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_watchlist_command(CLI::App& app, GlobalOptions& global, int& exit_code);
// Also adds `tansiq sync`.
void add_partner_command(CLI::App& app, GlobalOptions& global, int& exit_code);

// Brings the node's search index (DIR/search) up to date with the store; on failure (e.g.
// another process is updating it) prints a warning: the index catches up next time.
void update_search_index(const GlobalOptions& global, store::Store& store);

// Where a node mirrors the head of its audit log (DIR/audit.head).
std::string audit_head_file(const std::string& node_directory);

} // namespace tansiq::cli
