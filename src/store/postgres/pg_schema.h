// The PostgreSQL store's schema, created when a store is first opened with
// `create` and checked (by its version row) on every open.
#pragma once

namespace tansiq::store::postgres {

// Bumped whenever the schema changes; a store with another version is refused
// until an upgrade step for it exists.
inline constexpr int kSchemaVersion = 1;

// Text columns use the "C" collation: byte order, as the SQLite back end
// sorts, whatever locale the database was created with.
//
// date_added is handed out from store_clock, whose single row every writer of
// objects updates inside its transaction: the row lock serialises writers, so
// date_added values are unique and commit in increasing order (a reader that
// has seen date_added N can never later see a new version below N).
inline constexpr const char* kSchema = R"sql(
CREATE TABLE tansiq_schema (
  version integer NOT NULL
);
CREATE TABLE store_clock (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_date_added bigint NOT NULL,
  last_released bigint NOT NULL
);
INSERT INTO store_clock VALUES (true, 0, 0);
CREATE TABLE collections (
  number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  title text NOT NULL,
  description text NOT NULL DEFAULT ''
);
CREATE TABLE objects (
  date_added bigint PRIMARY KEY,
  collection bigint NOT NULL REFERENCES collections(number),
  id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  spec_version text COLLATE "C" NOT NULL,
  version text NOT NULL,
  version_micros bigint NOT NULL,
  is_first boolean NOT NULL,
  is_last boolean NOT NULL,
  json text NOT NULL,
  tlp text COLLATE "C" NOT NULL DEFAULT ''
);
-- id first: the same index serves lookups by id alone (find_latest).
CREATE UNIQUE INDEX objects_by_version ON objects(id, collection, version_micros);
-- Pages of a collection in date_added order, with no sort.
CREATE INDEX objects_by_collection ON objects(collection, date_added);
CREATE INDEX objects_by_type ON objects(collection, type);
CREATE INDEX objects_by_type_only ON objects(type);
CREATE INDEX objects_by_tlp ON objects(collection, tlp, date_added);
-- Versions per (collection, type, TLP), changed in the transaction that adds
-- or deletes them: counts cost a few rows at any size.
CREATE TABLE object_counts (
  collection bigint NOT NULL,
  type text COLLATE "C" NOT NULL,
  tlp text COLLATE "C" NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (collection, type, tlp)
);
-- Every identifier a version names (*_ref, *_refs; not markings nor
-- created_by_ref): "who names X" is an index range. Rows of deleted versions
-- stay (they join nothing).
CREATE TABLE object_references (
  target text COLLATE "C" NOT NULL,
  date_added bigint NOT NULL,
  PRIMARY KEY (target, date_added)
);
CREATE TABLE users (
  name text COLLATE "C" PRIMARY KEY,
  role text NOT NULL,
  password_hash text NOT NULL DEFAULT '',
  revoked boolean NOT NULL DEFAULT false,
  created bigint NOT NULL,
  agency text NOT NULL DEFAULT ''
);
-- released: when the version was first published to the agency (unique and
-- increasing, from store_clock); the agency's view pages by it.
CREATE TABLE releases (
  agency text COLLATE "C" NOT NULL,
  date_added bigint NOT NULL,
  until bigint,
  released bigint NOT NULL,
  PRIMARY KEY (agency, date_added)
);
CREATE INDEX releases_by_instant ON releases(agency, released) INCLUDE (until);
CREATE TABLE tokens (
  token_hash text PRIMARY KEY,
  user_name text COLLATE "C" NOT NULL REFERENCES users(name),
  label text NOT NULL DEFAULT ''
);
CREATE TABLE access (
  user_name text COLLATE "C" NOT NULL,
  collection_id text COLLATE "C" NOT NULL,
  can_read boolean NOT NULL,
  can_write boolean NOT NULL,
  PRIMARY KEY (user_name, collection_id)
);
CREATE TABLE audit (
  sequence bigint PRIMARY KEY,
  time bigint NOT NULL,
  action text COLLATE "C" NOT NULL,
  actor text NOT NULL,
  partner text COLLATE "C" NOT NULL,
  object_id text COLLATE "C" NOT NULL,
  agreement_id text NOT NULL,
  detail text NOT NULL,
  previous_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_by_object ON audit(object_id, sequence);
CREATE TABLE partners (
  name text COLLATE "C" PRIMARY KEY,
  agency text NOT NULL,
  api_root_url text NOT NULL,
  collection text NOT NULL,
  local_collection text NOT NULL,
  token text NOT NULL,
  agreement text NOT NULL,
  cursor text NOT NULL DEFAULT '',
  last_success bigint NOT NULL DEFAULT 0,
  last_error text NOT NULL DEFAULT '',
  push_collection text NOT NULL DEFAULT '',
  push_cursor bigint NOT NULL DEFAULT 0
);
CREATE TABLE provenance (
  object_id text COLLATE "C" NOT NULL,
  version_micros bigint NOT NULL,
  received_from text COLLATE "C" NOT NULL,
  agreement text NOT NULL,
  received bigint NOT NULL,
  PRIMARY KEY (object_id, version_micros, received_from)
);
-- Intake's near-duplicate index: LSH band keys of reports' text
-- fingerprints (unsigned 64-bit hashes kept as their signed bits).
CREATE TABLE similarity_keys (
  key bigint NOT NULL,
  object_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (key, object_id)
);
CREATE TABLE statuses (
  id text PRIMARY KEY,
  json text NOT NULL
);
)sql";

} // namespace tansiq::store::postgres
