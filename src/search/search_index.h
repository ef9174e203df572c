// Full-text search over the node's STIX objects (Xapian). docs/search.md says how words are
// matched (normalisation, clitic prefixes, stemming), ranked (BM25) and filtered.
//
// One index per node, in <node dir>/search/, kept current from the store by catch_up()
// (search/catch_up.h). Only objects with text are indexed: reports (name, description), and
// identities, threat actors, locations, intrusion sets, malware, ... (name, aliases,
// description). Each is a document per (collection, object id): its newest version.
//
// A SearchIndex is not safe for concurrent use: give each thread its own (opening one is
// cheap), or open one per request. One process at a time may hold it for writing.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::search {

struct SearchQuery {
  // Words (all must match), "OR" between alternatives, -word or NOT word to exclude,
  // (parentheses), "quoted words" (all must match: positions are not indexed).
  // Empty: every object the filters let through, newest first.
  std::string text;
  // The collections the caller may read: only objects in these come back. Empty: nothing.
  std::vector<std::string> collections;
  std::vector<std::string> types; // empty: any type
  std::string entity;             // when set: only objects whose object_refs name it
  // Date range, inclusive: "YYYY-MM-DD" or a STIX timestamp; empty: open. The date is the
  // report's `published`, else `modified`, else `created`.
  std::string from, to;
  std::size_t offset = 0;
  std::size_t limit = 10;
};

// A snippet is a list of segments, so that callers escape the text as their output needs
// (HTML, terminal) and mark the highlighted words their own way.
struct SnippetSegment {
  std::string text;
  bool highlighted = false;
};

struct SearchHit {
  std::string id;
  std::string type;
  std::string collection;
  std::string title; // the object's name
  std::string date;  // as in the object (published / modified / created); may be empty
  std::string lang;  // the report's lang; empty when not stated
  double score = 0;  // BM25 weight; 0 when the query has no words
  std::vector<SnippetSegment> snippet;
};

struct SearchResults {
  std::vector<SearchHit> hits;
  std::size_t total_estimate = 0;
  // Remarks on the query (e.g. "ignored stop-words: في، من"), for the caller to show.
  std::vector<std::string> notes;
};

class SearchIndex {
public:
  enum class Mode { read, write };

  // read: the index must exist (not_found otherwise). write: creates it when missing; fails
  // (unavailable) when another process holds it for writing.
  static Result<SearchIndex> open(const std::string& directory, Mode mode);

  SearchIndex(SearchIndex&&) noexcept;
  SearchIndex& operator=(SearchIndex&&) noexcept;
  ~SearchIndex();

  // Indexes one object version (its JSON) in a collection, replacing the document of an older
  // version; a version older than the one indexed is ignored. Returns false when the object
  // has nothing to index (no name, description or aliases) or is older. invalid_input when the
  // JSON is not a STIX object.
  Result<bool> add(std::string_view collection_id, std::string_view json);
  // Removes the object's document from a collection; false when there was none.
  Result<bool> remove(std::string_view collection_id, std::string_view object_id);

  // The catch-up cursor of a collection (the date_added, in microseconds, of the last
  // version indexed; 0 at first), and setting it. Kept in the index's metadata, so a cursor
  // set before commit() is durable together with the documents.
  Result<std::int64_t> cursor(std::string_view collection_id);
  Result<void> set_cursor(std::string_view collection_id, std::int64_t date_added);

  // Makes the changes durable, atomically (documents and cursors together).
  Result<void> commit();
  // A reader: sees what was committed since it was opened.
  Result<void> refresh();

  Result<SearchResults> search(const SearchQuery& query);

  std::size_t document_count() const;

private:
  struct State;
  explicit SearchIndex(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Where a node keeps its index: <node dir>/search.
std::string index_directory(const std::string& node_directory);

} // namespace tansiq::search
