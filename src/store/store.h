// The one store interface every layer above talks to: collections, object
// versions (kept as their exact JSON bytes), users and their rights, TAXII
// status resources. Back ends: SQLite (embedded default) and PostgreSQL
// (production; see docs/store.md).
// Nothing above this header may know which back end it runs on.
#pragma once

#include "core/result.h"
#include "stix/timestamp.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::store {

using stix::MicrosSinceEpoch;

struct Collection {
  std::string id; // a UUID, as TAXII requires
  std::string title;
  std::string description;
};

// An object version to add; the views must outlive the add_objects call.
struct NewObject {
  std::string_view id;
  std::string_view type;
  std::string_view spec_version;
  std::string_view version; // the "modified" (else "created") text; may be empty
  MicrosSinceEpoch version_micros = 0;
  std::string_view json; // exact minified bytes, served verbatim later
  // The TLP level the object's markings give ("TLP:GREEN"...; "" for none),
  // as stix/tlp.h reads it: kept beside the bytes so that lists filter and count
  // by it without reading objects.
  std::string_view tlp = {};
  // Intake's LSH keys of the object's text (see add_similarity_keys), written in the same
  // transaction as the object (whether it is added or a duplicate): one commit, not two, per
  // ingested article, and never an object without its keys.
  std::span<const std::uint64_t> similarity_keys = {};
};

enum class AddOutcome { added, duplicate };

// TAXII's match[version]: any union of first, last, all and exact versions.
struct VersionMatch {
  bool all = false;
  bool first = false;
  bool last = true;
  std::vector<MicrosSinceEpoch> exact;
};

struct ObjectQuery {
  std::vector<std::string> ids;           // empty: any
  std::vector<std::string> types;         // empty: any
  std::vector<std::string> spec_versions; // empty: any
  VersionMatch versions;
  std::optional<MicrosSinceEpoch> added_after;
  std::optional<MicrosSinceEpoch> after_cursor; // from a previous page's next_cursor
  // Pages run from the newest date_added to the oldest (the console's lists);
  // next_cursor then continues downwards. Not with released_to.
  bool newest_first = false;
  size_t limit = 1000;
  bool with_json = true; // false for manifests
  // When set, only versions published to this agency and not lapsed at `now`;
  // their date_added (and the cursors) are then the release instants.
  std::optional<std::string> released_to;
  MicrosSinceEpoch now = 0;
  std::vector<std::string> tlps = {}; // NewObject::tlp values; empty: any ("" = unmarked)
  // When not empty, only versions received from this agency (provenance).
  std::string received_from = {};
};

struct StoredObject {
  std::string id;
  std::string type;
  std::string spec_version;
  std::string version; // as received; empty when the object has none
  MicrosSinceEpoch version_micros = 0;
  MicrosSinceEpoch date_added = 0; // unique and increasing across the store
  std::string json;                // empty when the query asked for no JSON
};

struct TypeCount {
  std::string type;
  size_t count = 0;
};

struct TlpCount {
  std::string tlp; // "" for unmarked versions
  size_t count = 0;
};

struct OriginCount {
  std::string agency; // the partner agency the versions were received from
  size_t count = 0;
};

struct ObjectPage {
  std::vector<StoredObject> objects;
  bool more = false;
  MicrosSinceEpoch next_cursor = 0; // pass as after_cursor for the next page
};

// admin: everything; analyst, liaison: the node's own users, by collection
// rights; partner: another agency's node, which sees only what the release
// policy publishes to its agency.
enum class Role { admin, analyst, liaison, partner };
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct User {
  std::string name;
  Role role = Role::analyst;
  std::string password_hash; // libsodium argon2id string; empty: no password sign-in
  bool revoked = false;
  MicrosSinceEpoch created = 0;
  std::string agency; // the identity id of the user's agency (required for partners)
};

// One object version published to a partner agency, until an instant
// (expiry of its handling or of the agreement), or indefinitely.
struct Release {
  MicrosSinceEpoch date_added = 0; // the object version's date_added
  std::optional<MicrosSinceEpoch> until;
};

// One entry of the append-only audit log (hash chaining is audit/'s job; the
// store keeps records in sequence order and never changes one).
struct AuditRecord {
  std::int64_t sequence = 0; // 1, 2, 3, ... without gaps
  MicrosSinceEpoch time = 0;
  std::string action;        // release, deny, receive, reject, pull, push, ...
  std::string actor;         // the account or node that acted
  std::string partner;       // the agency concerned, if any
  std::string object_id;     // the STIX object concerned, if any
  std::string agreement_id;  // the agreement that allowed it, if any
  std::string detail;        // the reason, in words
  std::string previous_hash; // hex BLAKE2b-256 of the previous record ("" for the first)
  std::string hash;          // hex BLAKE2b-256 of this record, previous_hash included
};

struct AuditCount {
  std::string partner;
  std::string action;
  size_t count = 0;
};

// A partner node this node pulls from (TAXII 2.1), with its sync state.
struct Partner {
  std::string name;
  std::string agency;           // the partner's agency (identity id)
  std::string api_root_url;     // e.g. http://127.0.0.1:7373/tansiq/
  std::string collection;       // the remote collection pulled
  std::string local_collection; // where pulled objects are kept here
  std::string token;            // bearer token this node presents to the partner
  std::string agreement;        // the agreement objects arrive under
  std::string cursor;           // added_after for the next pull ("" at first)
  MicrosSinceEpoch last_success = 0;
  std::string last_error;
  // Push: the partner's collection this node POSTs what it releases to the
  // partner's agency (empty: no push), and the date_added pushed up to.
  std::string push_collection = {};
  MicrosSinceEpoch push_cursor = 0;
};

// Where an object version came from, when it came from a partner.
struct Provenance {
  std::string object_id;
  MicrosSinceEpoch version_micros = 0;
  std::string received_from; // agency
  std::string agreement;
  MicrosSinceEpoch received = 0;
};

struct Access {
  bool read = false;
  bool write = false;
};

class Store {
public:
  virtual ~Store() = default;

  virtual Result<void> create_collection(const Collection& collection) = 0;
  virtual Result<std::vector<Collection>> list_collections() = 0;
  virtual Result<std::optional<Collection>> find_collection(std::string_view id) = 0;

  // Adds the versions in one transaction: all or nothing. When it returns
  // successfully the objects are durable (they survive a crash of the process).
  virtual Result<std::vector<AddOutcome>> add_objects(std::string_view collection_id,
                                                      std::span<const NewObject> objects) = 0;
  virtual Result<ObjectPage> query_objects(std::string_view collection_id,
                                           const ObjectQuery& query) = 0;
  // Deletes the versions of one object that `versions` selects; returns how many.
  virtual Result<size_t> delete_object(std::string_view collection_id, std::string_view object_id,
                                       const ObjectQuery& versions) = 0;
  // Object versions in a collection: the sum of count_types.
  Result<size_t> count_objects(std::string_view collection_id);
  // Object versions per type in a collection, most numerous first.
  virtual Result<std::vector<TypeCount>> count_types(std::string_view collection_id) = 0;
  // Object versions per TLP level in a collection, most numerous first.
  virtual Result<std::vector<TlpCount>> count_tlps(std::string_view collection_id) = 0;
  // Object versions in a collection per partner agency they were received
  // from (provenance), most numerous first; the node's own are not counted.
  virtual Result<std::vector<OriginCount>> count_origins(std::string_view collection_id) = 0;
  // Object versions added to a collection after an instant.
  virtual Result<size_t> count_added_after(std::string_view collection_id,
                                           MicrosSinceEpoch after) = 0;
  // The newest versions of the objects of the given types in a collection
  // that name an object anywhere (source_ref, object_refs, where_sighted_refs...,
  // but not markings nor created_by_ref), oldest first, at most `limit`.
  virtual Result<std::vector<StoredObject>> find_referrers(std::string_view collection_id,
                                                           std::string_view object_id,
                                                           const std::vector<std::string>& types,
                                                           size_t limit) = 0;
  // The newest version of an object, whichever collection holds it.
  virtual Result<std::optional<StoredObject>> find_latest(std::string_view object_id) = 0;
  // The newest version of every object of a type, across collections (for
  // the few objects policy needs: agreements, marking definitions).
  virtual Result<std::vector<StoredObject>> latest_of_type(std::string_view type) = 0;

  virtual Result<void> add_user(const User& user) = 0;
  virtual Result<std::optional<User>> find_user(std::string_view name) = 0;
  virtual Result<std::vector<User>> list_users() = 0;
  // Marks the user revoked and deletes every token of theirs.
  virtual Result<void> revoke_user(std::string_view name) = 0;
  virtual Result<void> add_token(std::string_view user_name, std::string_view token_hash,
                                 std::string_view label) = 0;
  virtual Result<std::optional<User>> find_user_by_token(std::string_view token_hash) = 0;
  virtual Result<void> set_access(std::string_view user_name, std::string_view collection_id,
                                  Access access) = 0;
  virtual Result<Access> access(std::string_view user_name, std::string_view collection_id) = 0;

  // The partner agencies' publications: replaced whole for one agency (after
  // a policy change), or added to (after new objects were decided). Each
  // release keeps the instant it was first published, increasing per agency:
  // in the agency's view (ObjectQuery::released_to) that instant is the
  // version's date_added and cursor, so a version released later (a new
  // agreement covering older holdings) comes after what the partner already
  // pulled instead of before its cursor.
  virtual Result<void> replace_releases(std::string_view agency,
                                        std::span<const Release> releases) = 0;
  virtual Result<void> add_releases(std::string_view agency, std::span<const Release> releases) = 0;
  // The date_added of every version published to the agency (lapsed or not).
  virtual Result<std::vector<MicrosSinceEpoch>> released_versions(std::string_view agency) = 0;

  virtual Result<void> add_partner(const Partner& partner) = 0;
  virtual Result<std::vector<Partner>> list_partners() = 0;
  // Records the outcome of a sync: the new cursor (when not empty), success or error.
  virtual Result<void> record_sync(std::string_view name, std::string_view cursor,
                                   MicrosSinceEpoch time, std::string_view error) = 0;
  // Records how far pushing to the partner got.
  virtual Result<void> record_push(std::string_view name, MicrosSinceEpoch cursor) = 0;
  virtual Result<void> add_provenance(std::span<const Provenance> records) = 0;
  // Newest first; empty when the object did not come from a partner.
  virtual Result<std::vector<Provenance>> provenance_of(std::string_view object_id) = 0;

  // Appends records whose sequences follow the last one's; conflict otherwise.
  virtual Result<void> append_audit(std::span<const AuditRecord> records) = 0;
  virtual Result<std::optional<AuditRecord>> last_audit() = 0;
  // How many records each (partner, action) has had since an instant.
  virtual Result<std::vector<AuditCount>> count_audit_since(MicrosSinceEpoch since) = 0;
  // Records with sequence > after, in order, at most `limit`; only those about
  // `object_id` when it is not empty.
  virtual Result<std::vector<AuditRecord>> read_audit(std::int64_t after, size_t limit,
                                                      std::string_view object_id) = 0;

  // Intake's near-duplicate index (issue 5): the LSH keys of a report's text fingerprint
  // (text/fingerprint.h). Keys already there are not an error.
  virtual Result<void> add_similarity_keys(std::string_view object_id,
                                           std::span<const std::uint64_t> keys) = 0;
  // The objects holding any of the keys, those sharing the most keys first, at most `limit`.
  // An id may name an object that was never stored (keys are written before the object).
  virtual Result<std::vector<std::string>>
  find_by_similarity_keys(std::span<const std::uint64_t> keys, size_t limit) = 0;

  // TAXII status resources, kept as the JSON document the API serves.
  virtual Result<void> put_status(std::string_view status_id, std::string_view json) = 0;
  virtual Result<std::optional<std::string>> find_status(std::string_view status_id) = 0;
};

// Opens (creating when `create` is set) the embedded SQLite store at `path`.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, bool create);

// Opens the PostgreSQL store in the database `conninfo` names (a libpq
// connection string or postgresql:// URI), creating its schema when `create`
// is set and the database holds none. In the tansiq_store_postgres library.
Result<std::unique_ptr<Store>> open_postgres_store(const std::string& conninfo, bool create);

} // namespace tansiq::store
