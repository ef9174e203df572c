// Watchlist import from CSV (issue 6): each row a person (STIX identity, identity_class
// "individual") or a threat actor, with all its known names, birth date and nationality,
// stored as STIX 2.1 objects that load_watchlist() screens against.
//
// Columns (a header row names them, in any order, case-insensitive; see docs/names.md):
//   reference    required  the list's own id of the entry (e.g. "QDi.401"), unique per list
//   name         required  the main name, any script the matcher reads
//   aliases      optional  more names, separated by ';' (the column "alias" may be repeated)
//   birth_date   optional  YYYY, YYYY-MM or YYYY-MM-DD
//   nationality  optional  ISO 3166-1 alpha-2 code
//   kind         optional  individual (default) or threat-actor
//   list         optional  the list's id; default: WatchlistCsvOptions::list_id
// Object ids are deterministic (deterministic_uuid of list + reference): importing the list
// again stores a new version of an entry that changed and nothing for one that did not.
// All or nothing: any bad row is an error (line, column, why) and nothing is stored.
#pragma once

#include "core/result.h"
#include "stix/tlp.h"
#include "store/store.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::node {

struct WatchlistCsvOptions {
  std::string list_id; // rows without a "list" value belong to this list
  stix::Tlp tlp = stix::Tlp::amber;
  std::string now; // "YYYY-MM-DDTHH:MM:SS.mmmZ"; empty: now
};

struct WatchlistCsvSummary {
  std::size_t rows = 0, individuals = 0, threat_actors = 0;
  std::size_t added = 0;     // entries not stored before
  std::size_t updated = 0;   // entries stored before, changed: a new version
  std::size_t unchanged = 0; // entries stored before as they are now: nothing stored
  std::size_t names = 0;     // names and aliases in all rows
};

// Reads the CSV, builds one STIX object per row, validates them all, and stores them into
// `collection_id` in one transaction; or stores nothing and says why.
Result<WatchlistCsvSummary> import_watchlist_csv(store::Store& store,
                                                 const std::string& collection_id,
                                                 std::string_view csv,
                                                 const WatchlistCsvOptions& options);

} // namespace tansiq::node
