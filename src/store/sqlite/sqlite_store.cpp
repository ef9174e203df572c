// The embedded SQLite back end: one file in WAL mode, one writer connection
// (SQLite allows one writer at a time anyway) and a pool of readers, so that
// TAXII reads never wait for an import.
#include "stix/references.h"
#include "stix/tlp.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_schema.h"
#include "store/sql_or_terms.h"
#include "store/store.h"

#include <simdjson.h>

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <variant>

namespace tansiq::store {
namespace {

using sqlite::Connection;
using sqlite::Statement;

// Bound parameters of a query built at run time: the SQL keeps '?' places and
// the values are bound in order, so no input ever becomes SQL text.
struct Parameters {
  std::vector<std::variant<std::string_view, std::int64_t>> values;
  void bind(Statement& statement) const {
    int index = 0;
    for (const auto& value : values)
      std::visit([&](const auto& v) { statement.bind(++index, v); }, value);
  }
};

void append_in_list(std::string& sql, Parameters& parameters, std::string_view column,
                    const std::vector<std::string>& values) {
  if (values.empty())
    return;
  sql += " AND ";
  sql += column;
  sql += " IN (";
  for (size_t i = 0; i < values.size(); ++i) {
    sql += i ? ",?" : "?";
    parameters.values.emplace_back(std::string_view(values[i]));
  }
  sql += ')';
}

void append_version_filter(std::string& sql, Parameters& parameters, const VersionMatch& match) {
  if (match.all)
    return;
  std::vector<std::string> terms;
  if (match.first)
    terms.push_back("is_first=1");
  if (match.last)
    terms.push_back("is_last=1");
  for (MicrosSinceEpoch micros : match.exact) {
    terms.push_back("version_micros=?");
    parameters.values.emplace_back(micros);
  }
  append_or_terms(sql, terms);
}

class ConnectionPool {
public:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}

  class Lease {
  public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    ~Lease() { pool_.give_back(std::move(connection_)); }
    Connection* operator->() { return connection_.get(); }
    Connection& operator*() { return *connection_; }

  private:
    ConnectionPool& pool_;
    std::unique_ptr<Connection> connection_;
  };

  Result<std::unique_ptr<Connection>> take() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
      }
    }
    auto opened = Connection::open(path_, false);
    if (!opened)
      return opened.error();
    if (auto pragmas = (*opened)->execute("PRAGMA query_only=1;"); !pragmas)
      return pragmas.error();
    return std::move(opened.value());
  }

  void give_back(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }

private:
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

class SqliteStore final : public Store {
public:
  SqliteStore(std::string path, std::unique_ptr<Connection> writer)
      : readers_(std::move(path)), writer_(std::move(writer)) {}

  Result<void> initialise() {
    // A 64 MB page cache for the writer: its indexes (by id, type, TLP, references) stay
    // in memory through a large import instead of being read back page by page.
    if (auto done = writer_->execute(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; "
            "PRAGMA wal_autocheckpoint=8192;");
        !done)
      return done;
    if (auto done = writer_->execute(sqlite::kSchema); !done)
      return done;
    bool tlp_added = false;
    for (const auto& added : sqlite::kAddedColumns) {
      auto columns = writer_->prepare(std::string("PRAGMA table_info(") + added.table + ")");
      if (!columns)
        return columns.error();
      bool present = false;
      while (columns->step() == SQLITE_ROW)
        present = present || columns->text(1) == added.column;
      if (present)
        continue;
      if (auto done = writer_->execute(std::string("ALTER TABLE ") + added.table + " ADD COLUMN " +
                                       added.column + " " + added.definition);
          !done)
        return done;
      if (*added.fill)
        if (auto done = writer_->execute(added.fill); !done)
          return done;
      tlp_added = tlp_added || std::string_view(added.column) == "tlp";
    }
    if (tlp_added)
      if (auto done = fill_tlp_labels(); !done)
        return done;
    if (auto done = writer_->execute(sqlite::kSchemaAfterAddedColumns); !done)
      return done;
    auto uncounted = writer_->prepare("SELECT NOT EXISTS (SELECT 1 FROM object_counts) "
                                      "AND EXISTS (SELECT 1 FROM objects)");
    if (!uncounted)
      return uncounted.error();
    uncounted->step();
    if (uncounted->integer(0))
      if (auto done = writer_->execute(sqlite::kRecount); !done)
        return done;
    if (auto done = index_older_references(); !done)
      return done;
    auto released = writer_->prepare("SELECT COALESCE(MAX(released), 0) FROM releases");
    if (!released)
      return released.error();
    released->step();
    last_released_ = released->integer(0);
    auto statement = writer_->prepare("SELECT COALESCE(MAX(date_added), 0) FROM objects");
    if (!statement)
      return statement.error();
    statement->step();
    last_date_added_ = committed_date_added_ = statement->integer(0);
    return {};
  }

  Result<void> create_collection(const Collection& collection) override {
    std::lock_guard lock(writer_mutex_);
    auto statement =
        writer_->prepare("INSERT INTO collections(id, title, description) VALUES (?, ?, ?)");
    if (!statement)
      return statement.error();
    statement->bind_all(collection.id, collection.title, collection.description);
    int code = statement->step();
    if (code == SQLITE_CONSTRAINT_UNIQUE)
      return make_error(Error::Kind::conflict, "a collection with this id exists already",
                        collection.id);
    if (code != SQLITE_DONE)
      return writer_->last_error("create collection");
    return {};
  }

  Result<std::vector<Collection>> list_collections() override {
    return read_rows<Collection>(
        "SELECT id, title, description FROM collections ORDER BY rowid", [](Statement&) {},
        collection_row);
  }

  Result<std::optional<Collection>> find_collection(std::string_view id) override {
    auto found = read_rows<Collection>(
        "SELECT id, title, description FROM collections WHERE id = ?",
        [&](Statement& statement) { statement.bind_all(id); }, collection_row);
    if (!found)
      return found.error();
    if (found->empty())
      return std::optional<Collection>();
    return std::optional<Collection>(std::move(found->front()));
  }

  Result<std::vector<AddOutcome>> add_objects(std::string_view collection_id,
                                              std::span<const NewObject> objects) override {
    std::lock_guard lock(writer_mutex_);
    auto collection = collection_rowid(*writer_, collection_id);
    if (!collection)
      return collection.error();
    auto outcomes = write_transaction([&]() -> Result<std::vector<AddOutcome>> {
      auto inserted = insert_versions(*collection, objects);
      if (!inserted)
        return inserted;
      for (const auto& object : objects)
        if (!object.similarity_keys.empty())
          if (auto keys = insert_similarity_keys(object.id, object.similarity_keys); !keys)
            return keys.error();
      return inserted;
    });
    if (!outcomes) {
      last_date_added_ = committed_date_added_; // the rolled-back versions' dates are free again
      return outcomes;
    }
    committed_date_added_ = last_date_added_;
    return outcomes;
  }

  Result<ObjectPage> query_objects(std::string_view collection_id,
                                   const ObjectQuery& query) override {
    auto reader = readers_.take();
    if (!reader)
      return reader.error();
    ConnectionPool::Lease lease(readers_, std::move(reader.value()));
    auto collection = collection_rowid(*lease, collection_id);
    if (!collection)
      return collection.error();

    // In an agency's view, a version's date_added is its release instant.
    std::string sql = std::string("SELECT id, type, spec_version, version, version_micros, ") +
                      (query.released_to ? "releases.released" : "objects.date_added") +
                      (query.with_json ? ", json FROM " : " FROM ");
    Parameters parameters;
    auto after = std::max(query.added_after.value_or(0), query.after_cursor.value_or(0));
    // Looking objects up by id: the planner, left alone, prefers walking the
    // collection in date_added order (no sort) to the id index, which makes
    // a by-id request a scan (2.7 s at 1M objects instead of well under 1 ms).
    const char* objects_source =
        query.ids.empty() ? "objects" : "objects INDEXED BY objects_by_version";
    if (query.released_to) {
      // A partner's view: walk its publications (indexed by agency, date_added).
      sql += "releases JOIN objects ON objects.date_added = releases.date_added "
             "WHERE releases.agency=? AND releases.released>? "
             "AND (releases.until IS NULL OR releases.until>?) AND collection=?";
      parameters.values.emplace_back(std::string_view(*query.released_to));
      parameters.values.emplace_back(after);
      parameters.values.emplace_back(query.now);
      parameters.values.emplace_back(*collection);
    } else if (query.newest_first) {
      sql += objects_source;
      sql += " WHERE collection=? AND date_added>? AND date_added<?";
      parameters.values.emplace_back(*collection);
      parameters.values.emplace_back(query.added_after.value_or(0));
      parameters.values.emplace_back(
          query.after_cursor.value_or(std::numeric_limits<std::int64_t>::max()));
    } else {
      sql += objects_source;
      sql += " WHERE collection=? AND date_added>?";
      parameters.values.emplace_back(*collection);
      parameters.values.emplace_back(after);
    }
    append_in_list(sql, parameters, "id", query.ids);
    append_in_list(sql, parameters, "type", query.types);
    append_in_list(sql, parameters, "spec_version", query.spec_versions);
    append_in_list(sql, parameters, "tlp", query.tlps);
    append_version_filter(sql, parameters, query.versions);
    if (!query.received_from.empty()) {
      // A look-up in provenance's primary key per candidate row.
      sql += " AND EXISTS (SELECT 1 FROM provenance WHERE provenance.object_id=objects.id AND "
             "provenance.version_micros=objects.version_micros AND provenance.received_from=?)";
      parameters.values.emplace_back(std::string_view(query.received_from));
    }
    sql += query.released_to    ? " ORDER BY releases.released LIMIT ?"
           : query.newest_first ? " ORDER BY date_added DESC LIMIT ?"
                                : " ORDER BY date_added LIMIT ?";
    parameters.values.emplace_back(static_cast<std::int64_t>(query.limit) + 1);

    auto statement = lease->prepare(sql);
    if (!statement)
      return statement.error();
    parameters.bind(*statement);
    ObjectPage page;
    page.objects.reserve(std::min<size_t>(query.limit, 4096));
    int code;
    while ((code = statement->step()) == SQLITE_ROW) {
      if (page.objects.size() == query.limit) {
        page.more = true;
        break;
      }
      StoredObject& object = page.objects.emplace_back();
      object.id = statement->text(0);
      object.type = statement->text(1);
      object.spec_version = statement->text(2);
      object.version = statement->text(3);
      object.version_micros = statement->integer(4);
      object.date_added = statement->integer(5);
      if (query.with_json)
        object.json = statement->text(6);
    }
    if (code != SQLITE_ROW && code != SQLITE_DONE)
      return lease->last_error("query objects");
    if (!page.objects.empty())
      page.next_cursor = page.objects.back().date_added;
    return page;
  }

  Result<size_t> delete_object(std::string_view collection_id, std::string_view object_id,
                               const ObjectQuery& versions) override {
    std::lock_guard lock(writer_mutex_);
    auto collection = collection_rowid(*writer_, collection_id);
    if (!collection)
      return collection.error();
    std::string sql = "DELETE FROM objects WHERE collection=? AND id=?";
    Parameters parameters;
    parameters.values.emplace_back(*collection);
    parameters.values.emplace_back(object_id);
    append_in_list(sql, parameters, "spec_version", versions.spec_versions);
    append_version_filter(sql, parameters, versions.versions);
    return write_transaction([&] { return run_delete(sql, parameters, *collection, object_id); });
  }

  // object_counts has a few rows per collection, whatever its size.
  Result<std::vector<TypeCount>> count_types(std::string_view collection_id) override {
    return count_grouped<TypeCount>(
        collection_id, "SELECT type, SUM(n) AS total FROM object_counts WHERE collection=? "
                       "GROUP BY type HAVING total>0 ORDER BY total DESC, type");
  }

  Result<std::vector<TlpCount>> count_tlps(std::string_view collection_id) override {
    return count_grouped<TlpCount>(
        collection_id, "SELECT tlp, SUM(n) AS total FROM object_counts WHERE collection=? "
                       "GROUP BY tlp HAVING total>0 ORDER BY total DESC, tlp");
  }

  // One look-up in objects_by_version per received version. CROSS JOIN keeps
  // provenance the outer loop: the planner would otherwise walk the whole
  // collection when provenance is small or has no statistics.
  Result<std::vector<OriginCount>> count_origins(std::string_view collection_id) override {
    return count_grouped<OriginCount>(
        collection_id,
        "SELECT provenance.received_from, COUNT(*) AS total FROM provenance CROSS JOIN objects ON "
        "objects.id=provenance.object_id AND objects.collection=?1 AND "
        "objects.version_micros=provenance.version_micros "
        "GROUP BY provenance.received_from ORDER BY total DESC, provenance.received_from");
  }

  Result<size_t> count_added_after(std::string_view collection_id,
                                   MicrosSinceEpoch after) override {
    auto reader = readers_.take();
    if (!reader)
      return reader.error();
    ConnectionPool::Lease lease(readers_, std::move(reader.value()));
    auto collection = collection_rowid(*lease, collection_id);
    if (!collection)
      return collection.error();
    auto statement =
        lease->prepare("SELECT COUNT(*) FROM objects WHERE collection=? AND date_added>?");
    if (!statement)
      return statement.error();
    statement->bind_all(*collection, after);
    if (statement->step() != SQLITE_ROW)
      return lease->last_error("count recent objects");
    return static_cast<size_t>(statement->integer(0));
  }

  Result<std::vector<StoredObject>> find_referrers(std::string_view collection_id,
                                                   std::string_view object_id,
                                                   const std::vector<std::string>& types,
                                                   size_t limit) override {
    if (types.empty() || limit == 0)
      return std::vector<StoredObject>();
    // CROSS JOIN: from the named object's references to the versions, never
    // from the collection's versions to the references (a scan).
    std::string sql = "SELECT objects.id, type, spec_version, version, version_micros, "
                      "objects.date_added, json FROM object_references CROSS JOIN objects ON "
                      "objects.date_added=object_references.date_added WHERE target=? AND "
                      "collection=(SELECT rowid FROM collections WHERE id=?) AND is_last=1";
    Parameters parameters;
    parameters.values.emplace_back(object_id);
    parameters.values.emplace_back(collection_id);
    append_in_list(sql, parameters, "type", types);
    sql += " ORDER BY objects.date_added LIMIT ?";
    parameters.values.emplace_back(static_cast<std::int64_t>(limit));
    return read_rows<StoredObject>(
        sql, [&](Statement& statement) { parameters.bind(statement); }, stored_object_row);
  }

  Result<std::optional<StoredObject>> find_latest(std::string_view object_id) override {
    auto found = read_objects("SELECT id, type, spec_version, version, version_micros, date_added, "
                              "json FROM objects WHERE id=? ORDER BY version_micros DESC, "
                              "date_added DESC LIMIT 1",
                              object_id);
    if (!found)
      return found.error();
    if (found->empty())
      return std::optional<StoredObject>();
    return std::optional<StoredObject>(std::move(found->front()));
  }

  Result<std::vector<StoredObject>> latest_of_type(std::string_view type) override {
    // Per id, the newest version among all collections.
    return read_objects("SELECT id, type, spec_version, version, MAX(version_micros), date_added, "
                        "json FROM objects WHERE type=? GROUP BY id ORDER BY id",
                        type);
  }

  Result<void> add_user(const User& user) override {
    return write_one("INSERT INTO users(name, role, password_hash, revoked, created, agency) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     "add user", user.name, role_name(user.role), user.password_hash, user.revoked,
                     user.created, user.agency);
  }

  Result<std::optional<User>> find_user(std::string_view name) override {
    auto users = read_rows<User>(
        "SELECT name, role, password_hash, revoked, created, agency FROM users "
        "WHERE name = ?",
        [&](Statement& statement) { statement.bind_all(name); }, user_row);
    if (!users)
      return users.error();
    if (users->empty())
      return std::optional<User>();
    return std::optional<User>(std::move(users->front()));
  }

  Result<std::vector<User>> list_users() override {
    return read_rows<User>(
        "SELECT name, role, password_hash, revoked, created, agency FROM users "
        "ORDER BY name",
        [](Statement&) {}, user_row);
  }

  Result<void> revoke_user(std::string_view name) override {
    std::lock_guard lock(writer_mutex_);
    return write_transaction([&]() -> Result<void> {
      auto revoke = writer_->prepare("UPDATE users SET revoked=1 WHERE name=?");
      if (!revoke)
        return revoke.error();
      if (!run(*revoke, name))
        return writer_->last_error("revoke user");
      if (sqlite3_changes(writer_->handle()) == 0)
        return make_error(Error::Kind::not_found, "no such user", std::string(name));
      auto tokens = writer_->prepare("DELETE FROM tokens WHERE user_name=?");
      if (!tokens)
        return tokens.error();
      if (!run(*tokens, name))
        return writer_->last_error("revoke tokens");
      return {};
    });
  }

  Result<void> add_token(std::string_view user_name, std::string_view token_hash,
                         std::string_view label) override {
    return write_one("INSERT INTO tokens(token_hash, user_name, label) VALUES (?, ?, ?)",
                     "add token", token_hash, user_name, label);
  }

  Result<std::optional<User>> find_user_by_token(std::string_view token_hash) override {
    auto users = read_rows<User>(
        "SELECT u.name, u.role, u.password_hash, u.revoked, u.created, u.agency "
        "FROM tokens t JOIN users u ON u.name = t.user_name "
        "WHERE t.token_hash = ? AND u.revoked = 0",
        [&](Statement& statement) { statement.bind_all(token_hash); }, user_row);
    if (!users)
      return users.error();
    if (users->empty())
      return std::optional<User>();
    return std::optional<User>(std::move(users->front()));
  }

  Result<void> set_access(std::string_view user_name, std::string_view collection_id,
                          Access access) override {
    return write_one("INSERT INTO access(user_name, collection_id, can_read, can_write) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT(user_name, collection_id) DO UPDATE SET "
                     "can_read=excluded.can_read, can_write=excluded.can_write",
                     "set access", user_name, collection_id, access.read, access.write);
  }

  Result<Access> access(std::string_view user_name, std::string_view collection_id) override {
    auto reader = readers_.take();
    if (!reader)
      return reader.error();
    ConnectionPool::Lease lease(readers_, std::move(reader.value()));
    auto statement = lease->prepare(
        "SELECT can_read, can_write FROM access WHERE user_name=? AND collection_id=?");
    if (!statement)
      return statement.error();
    statement->bind_all(user_name, collection_id);
    Access access;
    if (statement->step() == SQLITE_ROW) {
      access.read = statement->integer(0) != 0;
      access.write = statement->integer(1) != 0;
    }
    return access;
  }

  Result<void> add_similarity_keys(std::string_view object_id,
                                   std::span<const std::uint64_t> keys) override {
    std::lock_guard lock(writer_mutex_);
    return write_transaction([&] { return insert_similarity_keys(object_id, keys); });
  }

  Result<std::vector<std::string>> find_by_similarity_keys(std::span<const std::uint64_t> keys,
                                                           size_t limit) override {
    if (keys.empty() || limit == 0)
      return std::vector<std::string>();
    std::string sql = "SELECT object_id FROM similarity_keys WHERE key IN (";
    for (size_t i = 0; i < keys.size(); ++i)
      sql += i ? ",?" : "?";
    sql += ") GROUP BY object_id ORDER BY COUNT(*) DESC, object_id LIMIT ?";
    return read_rows<std::string>(
        sql,
        [&](Statement& statement) {
          int index = 0;
          for (std::uint64_t key : keys)
            statement.bind(++index, static_cast<std::int64_t>(key));
          statement.bind(++index, static_cast<std::int64_t>(limit));
        },
        [](Statement& statement) { return std::string(statement.text(0)); });
  }

  Result<void> put_status(std::string_view status_id, std::string_view json) override {
    return write_one("INSERT OR REPLACE INTO statuses(id, json) VALUES (?, ?)", "save status",
                     status_id, json);
  }

  Result<std::optional<std::string>> find_status(std::string_view status_id) override {
    auto reader = readers_.take();
    if (!reader)
      return reader.error();
    ConnectionPool::Lease lease(readers_, std::move(reader.value()));
    auto statement = lease->prepare("SELECT json FROM statuses WHERE id=?");
    if (!statement)
      return statement.error();
    statement->bind_all(status_id);
    if (statement->step() != SQLITE_ROW)
      return std::optional<std::string>();
    return std::optional<std::string>(std::string(statement->text(0)));
  }

  Result<void> replace_releases(std::string_view agency,
                                std::span<const Release> releases) override {
    std::lock_guard lock(writer_mutex_);
    return write_transaction([&]() -> Result<void> {
      // Rows that stay keep their release instant: upsert the new set, then
      // drop the rows it does not name.
      if (auto done =
              writer_->execute("CREATE TEMP TABLE IF NOT EXISTS kept_releases("
                               "date_added INTEGER PRIMARY KEY); DELETE FROM kept_releases");
          !done)
        return done;
      auto keep = writer_->prepare("INSERT OR IGNORE INTO kept_releases(date_added) VALUES (?)");
      if (!keep)
        return keep.error();
      for (const auto& release : releases)
        if (!run(*keep, release.date_added))
          return writer_->last_error("replace releases");
      auto drop = writer_->prepare("DELETE FROM releases WHERE agency=? AND date_added NOT IN "
                                   "(SELECT date_added FROM kept_releases)");
      if (!drop)
        return drop.error();
      if (!run(*drop, agency))
        return writer_->last_error("replace releases");
      return insert_releases(agency, releases);
    });
  }

  Result<void> add_releases(std::string_view agency, std::span<const Release> releases) override {
    std::lock_guard lock(writer_mutex_);
    return write_transaction([&] { return insert_releases(agency, releases); });
  }

  Result<std::vector<MicrosSinceEpoch>> released_versions(std::string_view agency) override {
    return read_rows<MicrosSinceEpoch>(
        "SELECT date_added FROM releases WHERE agency=? ORDER BY date_added",
        [&](Statement& statement) { statement.bind_all(agency); },
        [](Statement& statement) { return statement.integer(0); });
  }

  Result<void> add_partner(const Partner& partner) override {
    return write_one("INSERT INTO partners(name, agency, api_root_url, collection, "
                     "local_collection, token, agreement, push_collection) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     "add partner", partner.name, partner.agency, partner.api_root_url,
                     partner.collection, partner.local_collection, partner.token, partner.agreement,
                     partner.push_collection);
  }

  Result<std::vector<Partner>> list_partners() override {
    return read_rows<Partner>(
        "SELECT name, agency, api_root_url, collection, local_collection, token, agreement, "
        "cursor, last_success, last_error, push_collection, push_cursor FROM partners "
        "ORDER BY name",
        [](Statement&) {},
        [](Statement& statement) {
          Partner partner;
          partner.name = statement.text(0);
          partner.agency = statement.text(1);
          partner.api_root_url = statement.text(2);
          partner.collection = statement.text(3);
          partner.local_collection = statement.text(4);
          partner.token = statement.text(5);
          partner.agreement = statement.text(6);
          partner.cursor = statement.text(7);
          partner.last_success = statement.integer(8);
          partner.last_error = statement.text(9);
          partner.push_collection = statement.text(10);
          partner.push_cursor = statement.integer(11);
          return partner;
        });
  }

  Result<void> record_sync(std::string_view name, std::string_view cursor, MicrosSinceEpoch time,
                           std::string_view error) override {
    if (!error.empty())
      return write_one("UPDATE partners SET last_error=? WHERE name=?", "record sync", error, name);
    if (cursor.empty())
      return write_one("UPDATE partners SET last_success=?, last_error='' WHERE name=?",
                       "record sync", time, name);
    return write_one("UPDATE partners SET cursor=?, last_success=?, last_error='' WHERE name=?",
                     "record sync", cursor, time, name);
  }

  Result<void> record_push(std::string_view name, MicrosSinceEpoch cursor) override {
    return write_one("UPDATE partners SET push_cursor=? WHERE name=?", "record push", cursor, name);
  }

  Result<void> add_provenance(std::span<const Provenance> records) override {
    std::lock_guard lock(writer_mutex_);
    return write_transaction([&]() -> Result<void> {
      auto insert = writer_->prepare("INSERT OR IGNORE INTO provenance(object_id, version_micros, "
                                     "received_from, agreement, received) VALUES (?, ?, ?, ?, ?)");
      if (!insert)
        return insert.error();
      for (const auto& record : records)
        if (!run(*insert, record.object_id, record.version_micros, record.received_from,
                 record.agreement, record.received))
          return writer_->last_error("add provenance");
      return {};
    });
  }

  Result<std::vector<Provenance>> provenance_of(std::string_view object_id) override {
    return read_rows<Provenance>(
        "SELECT object_id, version_micros, received_from, agreement, received FROM provenance "
        "WHERE object_id=? ORDER BY version_micros DESC, received DESC",
        [&](Statement& statement) { statement.bind_all(object_id); },
        [](Statement& statement) {
          return Provenance{std::string(statement.text(0)), statement.integer(1),
                            std::string(statement.text(2)), std::string(statement.text(3)),
                            statement.integer(4)};
        });
  }

  Result<void> append_audit(std::span<const AuditRecord> records) override {
    std::lock_guard lock(writer_mutex_);
    return write_transaction([&]() -> Result<void> {
      auto last = writer_->prepare("SELECT COALESCE(MAX(sequence), 0) FROM audit");
      if (!last)
        return last.error();
      last->step();
      std::int64_t expected = last->integer(0) + 1;
      last->reset();
      auto insert = writer_->prepare(
          "INSERT INTO audit(sequence, time, action, actor, partner, object_id, agreement_id, "
          "detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!insert)
        return insert.error();
      for (const auto& record : records) {
        if (record.sequence != expected++)
          return make_error(Error::Kind::conflict, "audit records must follow the log without gaps",
                            "audit sequence " + std::to_string(record.sequence));
        if (!run(*insert, record.sequence, record.time, record.action, record.actor, record.partner,
                 record.object_id, record.agreement_id, record.detail, record.previous_hash,
                 record.hash))
          return writer_->last_error("append audit");
      }
      return {};
    });
  }

  Result<std::optional<AuditRecord>> last_audit() override {
    auto records = read_audit_rows("SELECT sequence, time, action, actor, partner, object_id, "
                                   "agreement_id, detail, previous_hash, hash FROM audit "
                                   "ORDER BY sequence DESC LIMIT 1",
                                   [](Statement&) {});
    if (!records)
      return records.error();
    if (records->empty())
      return std::optional<AuditRecord>();
    return std::optional<AuditRecord>(std::move(records->front()));
  }

  Result<std::vector<AuditCount>> count_audit_since(MicrosSinceEpoch since) override {
    // A scan of the log (no index on time): fine for the console's weekly
    // figures on logs of a few million records.
    return read_rows<AuditCount>(
        "SELECT partner, action, COUNT(*) FROM audit WHERE time >= ? "
        "GROUP BY partner, action ORDER BY partner, action",
        [&](Statement& statement) { statement.bind_all(since); },
        [](Statement& statement) {
          return AuditCount{std::string(statement.text(0)), std::string(statement.text(1)),
                            static_cast<size_t>(statement.integer(2))};
        });
  }

  Result<std::vector<AuditRecord>> read_audit(std::int64_t after, size_t limit,
                                              std::string_view object_id) override {
    std::string sql = "SELECT sequence, time, action, actor, partner, object_id, agreement_id, "
                      "detail, previous_hash, hash FROM audit WHERE sequence > ?";
    if (!object_id.empty())
      sql += " AND object_id = ?";
    sql += " ORDER BY sequence LIMIT ?";
    return read_audit_rows(sql, [&](Statement& statement) {
      if (object_id.empty())
        statement.bind_all(after, static_cast<std::int64_t>(limit));
      else
        statement.bind_all(after, object_id, static_cast<std::int64_t>(limit));
    });
  }

private:
  template <typename... Keys>
  Result<std::vector<StoredObject>> read_objects(const std::string& sql, const Keys&... keys) {
    return read_rows<StoredObject>(
        sql, [&](Statement& statement) { statement.bind_all(keys...); }, stored_object_row);
  }

  // A row of (id, type, spec_version, version, version_micros, date_added, json).
  static StoredObject stored_object_row(Statement& statement) {
    StoredObject object;
    object.id = statement.text(0);
    object.type = statement.text(1);
    object.spec_version = statement.text(2);
    object.version = statement.text(3);
    object.version_micros = statement.integer(4);
    object.date_added = statement.integer(5);
    object.json = statement.text(6);
    return object;
  }

  template <typename Bind>
  Result<std::vector<AuditRecord>> read_audit_rows(const std::string& sql, Bind bind) {
    return read_rows<AuditRecord>(sql, bind, [](Statement& statement) {
      AuditRecord record;
      record.sequence = statement.integer(0);
      record.time = statement.integer(1);
      record.action = statement.text(2);
      record.actor = statement.text(3);
      record.partner = statement.text(4);
      record.object_id = statement.text(5);
      record.agreement_id = statement.text(6);
      record.detail = statement.text(7);
      record.previous_hash = statement.text(8);
      record.hash = statement.text(9);
      return record;
    });
  }

  // The keys' rows (the caller holds writer_mutex_ and is in a write transaction).
  Result<void> insert_similarity_keys(std::string_view object_id,
                                      std::span<const std::uint64_t> keys) {
    auto insert =
        writer_->prepare("INSERT OR IGNORE INTO similarity_keys(key, object_id) VALUES (?, ?)");
    if (!insert)
      return insert.error();
    for (std::uint64_t key : keys) {
      insert->bind_all(static_cast<std::int64_t>(key), object_id);
      if (insert->step() != SQLITE_DONE)
        return writer_->last_error("add similarity keys");
      insert->reset();
    }
    return {};
  }

  // Runs `work` between BEGIN IMMEDIATE and COMMIT on the writer (the caller
  // holds writer_mutex_). Any failure, the COMMIT's included, rolls back, so
  // the connection is never left inside a transaction.
  template <typename Work> auto write_transaction(Work work) -> decltype(work()) {
    if (auto begun = writer_->execute("BEGIN IMMEDIATE"); !begun)
      return begun.error();
    auto result = work();
    if (result) {
      auto committed = writer_->execute("COMMIT");
      if (committed)
        return result;
      (void)writer_->execute("ROLLBACK");
      return committed.error();
    }
    (void)writer_->execute("ROLLBACK");
    return result;
  }

  template <typename... Args>
  Result<void> write_one(const std::string& sql, std::string_view during, const Args&... args) {
    std::lock_guard lock(writer_mutex_);
    auto statement = writer_->prepare(sql);
    if (!statement)
      return statement.error();
    statement->bind_all(args...);
    int code = statement->step();
    if (code == SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLITE_CONSTRAINT_UNIQUE)
      return make_error(Error::Kind::conflict, std::string(during) + ": it exists already");
    if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
      return make_error(Error::Kind::not_found, std::string(during) + ": no such user");
    if (code != SQLITE_DONE)
      return writer_->last_error(during);
    return {};
  }

  Result<std::int64_t> collection_rowid(Connection& connection, std::string_view id) {
    auto statement = connection.prepare("SELECT rowid FROM collections WHERE id=?");
    if (!statement)
      return statement.error();
    statement->bind_all(id);
    if (statement->step() != SQLITE_ROW)
      return make_error(Error::Kind::not_found, "no such collection", std::string(id));
    return statement->integer(0);
  }

  Result<std::vector<AddOutcome>> insert_versions(std::int64_t collection,
                                                  std::span<const NewObject> objects) {
    auto existing = writer_->prepare(
        "SELECT COUNT(*), MIN(version_micros), MAX(version_micros), "
        "COALESCE(SUM(version_micros=?3), 0) FROM objects WHERE collection=?1 AND id=?2");
    auto clear_first = writer_->prepare(
        "UPDATE objects SET is_first=0 WHERE collection=? AND id=? AND is_first=1");
    auto clear_last =
        writer_->prepare("UPDATE objects SET is_last=0 WHERE collection=? AND id=? AND is_last=1");
    auto insert_reference = writer_->prepare(
        "INSERT OR IGNORE INTO object_references(target, date_added) VALUES (?, ?)");
    if (!insert_reference)
      return insert_reference.error();
    auto insert = writer_->prepare(
        "INSERT INTO objects(date_added, collection, id, type, spec_version, version, "
        "version_micros, is_first, is_last, json, tlp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (auto* statement : {&existing, &clear_first, &clear_last, &insert})
      if (!*statement)
        return statement->error();

    std::vector<AddOutcome> outcomes;
    outcomes.reserve(objects.size());
    CountChanges added;
    for (const NewObject& object : objects) {
      existing->bind_all(collection, object.id, object.version_micros);
      if (existing->step() != SQLITE_ROW)
        return writer_->last_error("add objects");
      std::int64_t count = existing->integer(0);
      std::int64_t oldest = existing->integer(1);
      std::int64_t newest = existing->integer(2);
      bool duplicate = existing->integer(3) > 0;
      existing->reset();
      if (duplicate) {
        outcomes.push_back(AddOutcome::duplicate);
        continue;
      }
      bool is_first = count == 0 || object.version_micros < oldest;
      bool is_last = count == 0 || object.version_micros > newest;
      if (count > 0 && is_first && !run(*clear_first, collection, object.id))
        return writer_->last_error("add objects");
      if (count > 0 && is_last && !run(*clear_last, collection, object.id))
        return writer_->last_error("add objects");
      last_date_added_ = std::max(last_date_added_ + 1, stix::now_micros());
      if (!run(*insert, last_date_added_, collection, object.id, object.type, object.spec_version,
               object.version, object.version_micros, is_first, is_last, object.json, object.tlp))
        return writer_->last_error("add objects");
      if (!index_references(*insert_reference, last_date_added_, object.json))
        return writer_->last_error("add objects");
      ++added[{std::string(object.type), std::string(object.tlp)}];
      outcomes.push_back(AddOutcome::added);
    }
    if (auto counted = change_counts(collection, added, +1); !counted)
      return counted.error();
    return outcomes;
  }

  // Versions added or deleted per (type, TLP) in one transaction.
  using CountChanges = std::map<std::pair<std::string, std::string>, std::int64_t>;

  Result<void> change_counts(std::int64_t collection, const CountChanges& changes, int sign) {
    if (changes.empty())
      return {};
    auto upsert =
        writer_->prepare("INSERT INTO object_counts(collection, type, tlp, n) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT(collection, type, tlp) DO UPDATE SET n = n + excluded.n");
    if (!upsert)
      return upsert.error();
    for (const auto& [kind, count] : changes)
      if (!run(*upsert, collection, kind.first, kind.second, sign * count))
        return writer_->last_error("count objects");
    return {};
  }

  // Adds the identifiers a version names to object_references (the stored
  // JSON is minified and valid, which scan_references relies on).
  bool index_references(Statement& insert_reference, MicrosSinceEpoch date_added,
                        std::string_view json) {
    references_.clear();
    // Markings and authorship are not what an object is about.
    stix::scan_references(json, references_,
                          {"object_marking_refs", "marking_ref", "created_by_ref"});
    for (std::string_view target : references_)
      if (!run(insert_reference, target, date_added))
        return false;
    return true;
  }

  // Files each version's TLP level for a store written before the column
  // existed, read from its object_marking_refs as the writers read it.
  Result<void> fill_tlp_labels() {
    auto rows = writer_->prepare("SELECT date_added, json FROM objects");
    auto update = writer_->prepare("UPDATE objects SET tlp=? WHERE date_added=?");
    if (!rows)
      return rows.error();
    if (!update)
      return update.error();
    simdjson::dom::parser parser;
    std::vector<std::string> marking_refs;
    int code;
    while ((code = rows->step()) == SQLITE_ROW) {
      marking_refs.clear();
      simdjson::dom::array refs;
      if (!parser.parse(rows->text(1))["object_marking_refs"].get(refs))
        for (auto ref : refs)
          if (std::string_view id; !ref.get(id))
            marking_refs.emplace_back(id);
      std::string_view label = stix::tlp_label(marking_refs);
      if (!label.empty() && !run(*update, label, rows->integer(0)))
        return writer_->last_error("file TLP levels");
    }
    if (code != SQLITE_DONE)
      return writer_->last_error("file TLP levels");
    return {};
  }

  // Fills object_references for versions stored before it existed, once.
  Result<void> index_older_references() {
    auto version = writer_->prepare("PRAGMA user_version");
    if (!version)
      return version.error();
    version->step();
    if (version->integer(0) >= sqlite::kReferencesIndexedVersion)
      return {};
    return write_transaction([&]() -> Result<void> {
      auto rows = writer_->prepare("SELECT date_added, json FROM objects");
      auto insert_reference = writer_->prepare(
          "INSERT OR IGNORE INTO object_references(target, date_added) VALUES (?, ?)");
      if (!rows)
        return rows.error();
      if (!insert_reference)
        return insert_reference.error();
      int code;
      while ((code = rows->step()) == SQLITE_ROW)
        if (!index_references(*insert_reference, rows->integer(0), rows->text(1)))
          return writer_->last_error("index references");
      if (code != SQLITE_DONE)
        return writer_->last_error("index references");
      return writer_->execute("PRAGMA user_version=" +
                              std::to_string(sqlite::kReferencesIndexedVersion));
    });
  }

  // Binds, steps once and resets a statement that returns no rows.
  template <typename... Args> static bool run(Statement& statement, const Args&... args) {
    statement.bind_all(args...);
    bool done = statement.step() == SQLITE_DONE;
    statement.reset();
    return done;
  }

  Result<void> insert_releases(std::string_view agency, std::span<const Release> releases) {
    auto insert = writer_->prepare(
        "INSERT INTO releases(agency, date_added, until, released) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(agency, date_added) DO UPDATE SET until=excluded.until");
    if (!insert)
      return insert.error();
    for (const auto& release : releases) {
      // A fresh instant for each row; one that already exists keeps its own.
      last_released_ = std::max(last_released_ + 1, stix::now_micros());
      insert->bind_all(agency, release.date_added);
      if (release.until)
        insert->bind(3, *release.until);
      else
        insert->bind_null(3);
      insert->bind(4, last_released_);
      bool done = insert->step() == SQLITE_DONE;
      insert->reset();
      if (!done)
        return writer_->last_error("add releases");
    }
    return {};
  }

  Result<size_t> run_delete(const std::string& sql, const Parameters& parameters,
                            std::int64_t collection, std::string_view object_id) {
    // What the DELETE will take away, per (type, TLP), for object_counts.
    CountChanges removed;
    {
      std::string count_sql = "SELECT type, tlp, COUNT(*) FROM objects" +
                              sql.substr(std::string_view("DELETE FROM objects").size()) +
                              " GROUP BY type, tlp";
      auto counting = writer_->prepare(count_sql);
      if (!counting)
        return counting.error();
      parameters.bind(*counting);
      int code;
      while ((code = counting->step()) == SQLITE_ROW)
        removed[{std::string(counting->text(0)), std::string(counting->text(1))}] =
            counting->integer(2);
      if (code != SQLITE_DONE)
        return writer_->last_error("delete object");
    }
    if (auto counted = change_counts(collection, removed, -1); !counted)
      return counted.error();
    size_t deleted = 0;
    {
      auto statement = writer_->prepare(sql);
      if (!statement)
        return statement.error();
      parameters.bind(*statement);
      if (statement->step() != SQLITE_DONE)
        return writer_->last_error("delete object");
      deleted = static_cast<size_t>(sqlite3_changes(writer_->handle()));
    }
    auto marks =
        writer_->prepare("UPDATE objects SET "
                         "is_first = (version_micros = (SELECT MIN(version_micros) FROM objects "
                         "WHERE collection=?1 AND id=?2)), "
                         "is_last = (version_micros = (SELECT MAX(version_micros) FROM objects "
                         "WHERE collection=?1 AND id=?2)) WHERE collection=?1 AND id=?2");
    if (!marks)
      return marks.error();
    if (!run(*marks, collection, object_id))
      return writer_->last_error("delete object");
    return deleted;
  }

  // Runs a "SELECT key, count ... WHERE collection=?" query for one collection
  // into {key, count} pairs.
  template <typename Count>
  Result<std::vector<Count>> count_grouped(std::string_view collection_id, const char* sql) {
    auto reader = readers_.take();
    if (!reader)
      return reader.error();
    ConnectionPool::Lease lease(readers_, std::move(reader.value()));
    auto collection = collection_rowid(*lease, collection_id);
    if (!collection)
      return collection.error();
    auto statement = lease->prepare(sql);
    if (!statement)
      return statement.error();
    statement->bind_all(*collection);
    std::vector<Count> counts;
    int code;
    while ((code = statement->step()) == SQLITE_ROW)
      counts.push_back(
          Count{std::string(statement->text(0)), static_cast<size_t>(statement->integer(1))});
    if (code != SQLITE_DONE)
      return lease->last_error("count objects");
    return counts;
  }

  // Runs a query on a pooled reader: `bind` binds its parameters, `row` turns
  // each result row into a T.
  template <typename T, typename Bind, typename Row>
  Result<std::vector<T>> read_rows(const std::string& sql, Bind bind, Row row) {
    auto reader = readers_.take();
    if (!reader)
      return reader.error();
    ConnectionPool::Lease lease(readers_, std::move(reader.value()));
    auto statement = lease->prepare(sql);
    if (!statement)
      return statement.error();
    bind(*statement);
    std::vector<T> rows;
    int code;
    while ((code = statement->step()) == SQLITE_ROW)
      rows.push_back(row(*statement));
    if (code != SQLITE_DONE)
      return lease->last_error("read");
    return rows;
  }

  static Collection collection_row(Statement& statement) {
    return Collection{std::string(statement.text(0)), std::string(statement.text(1)),
                      std::string(statement.text(2))};
  }

  static User user_row(Statement& statement) {
    User user;
    user.name = statement.text(0);
    user.role = parse_role(statement.text(1)).value_or(Role::analyst);
    user.password_hash = statement.text(2);
    user.revoked = statement.integer(3) != 0;
    user.created = statement.integer(4);
    user.agency = statement.text(5);
    return user;
  }

  ConnectionPool readers_;
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
  MicrosSinceEpoch last_date_added_ = 0;
  MicrosSinceEpoch last_released_ = 0; // the newest release instant handed out
  MicrosSinceEpoch committed_date_added_ = 0;
  // The writer's, for index_references (used under writer_mutex_ or at open).
  std::vector<std::string_view> references_;
};

} // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, bool create) {
  auto writer = Connection::open(path, create);
  if (!writer)
    return writer.error();
  auto store = std::make_unique<SqliteStore>(path, std::move(writer.value()));
  if (auto ready = store->initialise(); !ready)
    return make_error(ready.error().kind, ready.error().message, path);
  return std::unique_ptr<Store>(std::move(store));
}

} // namespace tansiq::store
