// The --tlp option of the commands that mark what they store (ingest,
// watchlist import): every TLP 2.0 level, by name, checked while parsing.
#pragma once

#include "stix/tlp.h"

#include <CLI/CLI.hpp>

namespace tansiq::cli {

// Adds "--tlp LEVEL" to `command`; `level` holds the default until parsed.
CLI::Option* add_tlp_option(CLI::App& command, stix::Tlp& level);

} // namespace tansiq::cli
