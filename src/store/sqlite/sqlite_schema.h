// The SQLite store's schema, applied (idempotently) when a store is opened.
#pragma once

namespace tansiq::store::sqlite {

// date_added is the rowid: unique and increasing across the store, it orders
// every collection's objects and is the pagination cursor, so the collection
// indexes (which end in the rowid) serve ordered pages with no sort.
inline constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS collections (
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS objects (
  date_added INTEGER PRIMARY KEY,
  collection INTEGER NOT NULL REFERENCES collections(rowid),
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  spec_version TEXT NOT NULL,
  version TEXT NOT NULL,
  version_micros INTEGER NOT NULL,
  is_first INTEGER NOT NULL,
  is_last INTEGER NOT NULL,
  json TEXT NOT NULL,
  tlp TEXT NOT NULL DEFAULT ''
);
-- id first: the same index serves lookups by id alone (find_latest).
CREATE UNIQUE INDEX IF NOT EXISTS objects_by_version ON objects(id, collection, version_micros);
CREATE INDEX IF NOT EXISTS objects_by_collection ON objects(collection);
CREATE INDEX IF NOT EXISTS objects_by_type ON objects(collection, type);
CREATE INDEX IF NOT EXISTS objects_by_type_only ON objects(type);
-- Versions per (collection, type, TLP), kept up to date in the transaction
-- that adds or deletes them (one row update per batch and kind, not per
-- version): the console's counts cost a few rows however large the holding
-- (counting a million index entries takes ~0.3 s).
CREATE TABLE IF NOT EXISTS object_counts (
  collection INTEGER NOT NULL,
  type TEXT NOT NULL,
  tlp TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (collection, type, tlp)
) WITHOUT ROWID;
-- Every identifier a version names (*_ref and *_refs at any depth, but not
-- its markings nor its created_by_ref), filled as versions are added: "who names X" is an index range, not
-- a scan of the JSON. Rows of deleted versions stay (they join nothing).
CREATE TABLE IF NOT EXISTS object_references (
  target TEXT NOT NULL,
  date_added INTEGER NOT NULL,
  PRIMARY KEY (target, date_added)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  agency TEXT NOT NULL DEFAULT ''
);
-- released: when the version was first published to the agency (unique and
-- increasing per agency); the agency's view pages by it.
CREATE TABLE IF NOT EXISTS releases (
  agency TEXT NOT NULL,
  date_added INTEGER NOT NULL,
  until INTEGER,
  released INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (agency, date_added)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  label TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS access (
  user_name TEXT NOT NULL,
  collection_id TEXT NOT NULL,
  can_read INTEGER NOT NULL,
  can_write INTEGER NOT NULL,
  PRIMARY KEY (user_name, collection_id)
);
CREATE TABLE IF NOT EXISTS audit (
  sequence INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  partner TEXT NOT NULL,
  object_id TEXT NOT NULL,
  agreement_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_object ON audit(object_id, sequence);
CREATE TABLE IF NOT EXISTS partners (
  name TEXT PRIMARY KEY,
  agency TEXT NOT NULL,
  api_root_url TEXT NOT NULL,
  collection TEXT NOT NULL,
  local_collection TEXT NOT NULL,
  token TEXT NOT NULL,
  agreement TEXT NOT NULL,
  cursor TEXT NOT NULL DEFAULT '',
  last_success INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  push_collection TEXT NOT NULL DEFAULT '',
  push_cursor INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS provenance (
  object_id TEXT NOT NULL,
  version_micros INTEGER NOT NULL,
  received_from TEXT NOT NULL,
  agreement TEXT NOT NULL,
  received INTEGER NOT NULL,
  PRIMARY KEY (object_id, version_micros, received_from)
) WITHOUT ROWID;
-- Intake's near-duplicate index: the LSH band keys of reports' text fingerprints
-- (text/fingerprint.h); a key is an unsigned 64-bit hash stored as its signed bits.
CREATE TABLE IF NOT EXISTS similarity_keys (
  key INTEGER NOT NULL,
  object_id TEXT NOT NULL,
  PRIMARY KEY (key, object_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statuses (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL
);
)sql";

// Columns added after stores were first created: each is added to an older
// store when it opens (ALTER TABLE ... ADD COLUMN keeps the rows).
struct AddedColumn {
  const char* table;
  const char* column;
  const char* definition;
  const char* fill; // run once after the column is added ("" for nothing)
};
inline constexpr AddedColumn kAddedColumns[] = {
    {"partners", "push_collection", "TEXT NOT NULL DEFAULT ''", ""},
    {"partners", "push_cursor", "INTEGER NOT NULL DEFAULT 0", ""},
    // Releases made before release instants were kept count as released on arrival.
    {"releases", "released", "INTEGER NOT NULL DEFAULT 0",
     "UPDATE releases SET released=date_added"},
    // The strictest TLP of object_marking_refs: filled in code when added
    // (SqliteStore::fill_tlp_labels reads each version with stix/tlp.h); a
    // store's own rows are filled by their writers.
    {"objects", "tlp", "TEXT NOT NULL DEFAULT ''", ""},
};

// Indexes on added columns: created once the columns exist.
inline constexpr const char* kSchemaAfterAddedColumns = R"sql(
-- until is in the index so that the partner view never reads the table itself.
CREATE INDEX IF NOT EXISTS releases_by_instant ON releases(agency, released, until);
CREATE INDEX IF NOT EXISTS objects_by_tlp ON objects(collection, tlp);
)sql";

// PRAGMA user_version once object_references holds every stored version's
// references (stores written before it existed are filled when they open).
inline constexpr int kReferencesIndexedVersion = 1;

// Fills object_counts for a store written before it existed (or whose counts
// were lost): run when the table is empty while objects are not.
inline constexpr const char* kRecount = R"sql(
INSERT INTO object_counts(collection, type, tlp, n)
SELECT collection, type, tlp, COUNT(*) FROM objects GROUP BY collection, type, tlp;
)sql";

} // namespace tansiq::store::sqlite
