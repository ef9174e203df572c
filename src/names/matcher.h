// Cross-script person-name matching and watchlist screening (Arabic script <-> Latin).
//
// A name is normalised (ICU NFKC, case folding, accents, Arabic diacritics), cut into
// name parts (particles such as al-/Ben/Ould dropped, «عبد»/Abu compounds joined), and
// each part is compared across scripts by aligning Arabic letters with the Latin letter
// groups that romanise them (ش = sh/ch, ج = j/dj/g, و = w/u/ou/o...). Name parts are then
// aligned in order (a family-name-first rotation is allowed). Screening finds candidates
// through an inverted index of consonant-skeleton pairs, never by scanning the list.
// Pure: no I/O, no mutable globals. See docs/names.md.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::names {

// Scores at or above this are reported as matches by default (see docs/names.md for the
// precision and recall it gives on the development set).
inline constexpr double default_threshold = 0.80;

// How one name part of the query lined up with one of the entry's.
struct PartMatch {
  std::string query_part; // as written (one or more words of the query)
  std::string entry_part; // as written in the matched name
  double similarity = 0;  // in [0, 1]
  std::string how; // "identical", "same romanisation skeleton", "Arabic script read as ...", ...
};

struct Explanation {
  std::vector<PartMatch> parts;   // matched name parts, in query order
  std::vector<std::string> notes; // unmatched parts, order changes, birth date, nationality...
  std::string summary() const;    // one line for people
};

struct WatchlistEntry {
  std::string id;
  std::vector<std::string> names;         // all known forms, any mix of Arabic script and Latin
  std::optional<std::string> birth_date;  // as given (YYYY, YYYY-MM or YYYY-MM-DD)
  std::optional<std::string> nationality; // as given (ISO code or name)
};

struct ScreenOptions {
  double threshold = default_threshold;
  std::size_t max_results = 10;
  std::optional<std::string> birth_date;  // lowers the score of entries whose date disagrees
  std::optional<std::string> nationality; // lowers the score of entries whose nationality disagrees
};

// One name of a batch and how to screen it.
struct ScreenRequest {
  std::string_view name;
  ScreenOptions options = {};
};

struct Candidate {
  std::string id;
  double score = 0;
  std::string matched_name; // the entry's name form that scored best
  Explanation explanation;
};

// Nothing if `name` is a name the matcher can use; otherwise why not (invalid UTF-8, another
// script, only particles...), as screen() and Watchlist::add() would say.
Result<void> check_name(std::string_view name);

// Similarity of two names in [0, 1]; an error if either is not a usable name.
Result<double> name_similarity(std::string_view a, std::string_view b,
                               Explanation* explanation = nullptr);

// A watchlist: add entries, build() once, then screen() any number of times
// (screen is const and may be called from several threads at once).
class Watchlist {
public:
  Watchlist();
  ~Watchlist();
  Watchlist(Watchlist&&) noexcept;
  Watchlist& operator=(Watchlist&&) noexcept;

  // Rejects an entry without an id or without one usable name; unusable extra names are
  // skipped and counted in skipped_names().
  Result<void> add(const WatchlistEntry& entry);
  // Builds the candidate index; add() after build() needs another build().
  void build();

  // Ranked candidates scoring at least options.threshold, best first.
  Result<std::vector<Candidate>> screen(std::string_view name,
                                        const ScreenOptions& options = {}) const;

  // Screens every request on `threads` threads (0: one per hardware thread), each as
  // screen() would; results in request order. Threads take small chunks of requests in
  // turn, so a slow name does not hold the others back.
  std::vector<Result<std::vector<Candidate>>> screen_batch(std::span<const ScreenRequest> requests,
                                                           unsigned threads = 0) const;

  std::size_t size() const;          // entries
  std::size_t name_count() const;    // indexed name forms
  std::size_t skipped_names() const; // name forms add() could not use

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace tansiq::names
