// The PostgreSQL back end (the production store): the same contract as the
// embedded SQLite store, over a pool of libpq connections so that the
// server's handler threads query in parallel. Writers of objects and releases
// serialise on the store_clock row (see pg_schema.h); the audit log on an
// advisory lock.
#include "stix/references.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_schema.h"
#include "store/sql_or_terms.h"
#include "store/store.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

namespace tansiq::store {
namespace {

using postgres::Connection;
using postgres::Parameters;
using postgres::Rows;

// Advisory lock keys (any two fixed numbers unlikely to clash with other users
// of the database): one for creating the schema, one for appending to the audit log.
constexpr std::int64_t kSchemaLock = 0x74616e7369710001;
constexpr std::int64_t kAuditLock = 0x74616e7369710002;

constexpr const char* kObjectColumns =
    "o.id, o.type, o.spec_version, o.version, o.version_micros, o.date_added, o.json";

StoredObject object_row(const Rows& rows, int row, bool with_json = true) {
  StoredObject object;
  object.id = rows.text(row, 0);
  object.type = rows.text(row, 1);
  object.spec_version = rows.text(row, 2);
  object.version = rows.text(row, 3);
  object.version_micros = rows.integer(row, 4);
  object.date_added = rows.integer(row, 5);
  if (with_json)
    object.json = rows.text(row, 6);
  return object;
}

User user_row(const Rows& rows, int row) {
  User user;
  user.name = rows.text(row, 0);
  user.role = parse_role(rows.text(row, 1)).value_or(Role::analyst);
  user.password_hash = rows.text(row, 2);
  user.revoked = rows.boolean(row, 3);
  user.created = rows.integer(row, 4);
  user.agency = rows.text(row, 5);
  return user;
}

AuditRecord audit_row(const Rows& rows, int row) {
  AuditRecord record;
  record.sequence = rows.integer(row, 0);
  record.time = rows.integer(row, 1);
  record.action = rows.text(row, 2);
  record.actor = rows.text(row, 3);
  record.partner = rows.text(row, 4);
  record.object_id = rows.text(row, 5);
  record.agreement_id = rows.text(row, 6);
  record.detail = rows.text(row, 7);
  record.previous_hash = rows.text(row, 8);
  record.hash = rows.text(row, 9);
  return record;
}

constexpr const char* kAuditColumns = "sequence, time, action, actor, partner, object_id, "
                                      "agreement_id, detail, previous_hash, hash";

// "$n" for the next parameter, so that SQL built at run time stays in step
// with its parameters.
std::string next_placeholder(const Parameters& parameters) {
  return "$" + std::to_string(parameters.size() + 1);
}

void append_filters(std::string& sql, Parameters& parameters, const ObjectQuery& query) {
  auto any_of = [&](std::string_view column, const std::vector<std::string>& values) {
    if (values.empty())
      return;
    sql += " AND o.";
    sql += column;
    sql += " = ANY(" + next_placeholder(parameters) + "::text[])";
    parameters.text_array(values);
  };
  any_of("id", query.ids);
  any_of("type", query.types);
  any_of("spec_version", query.spec_versions);
  any_of("tlp", query.tlps);
  if (!query.received_from.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM provenance p WHERE p.object_id = o.id AND "
           "p.version_micros = o.version_micros AND p.received_from = " +
           next_placeholder(parameters) + ")";
    parameters.text(query.received_from);
  }
}

void append_version_filter(std::string& sql, Parameters& parameters, const VersionMatch& match) {
  if (match.all)
    return;
  std::vector<std::string> terms;
  if (match.first)
    terms.push_back("o.is_first");
  if (match.last)
    terms.push_back("o.is_last");
  if (!match.exact.empty()) {
    terms.push_back("o.version_micros = ANY(" + next_placeholder(parameters) + "::bigint[])");
    parameters.integer_array(std::vector<std::int64_t>(match.exact.begin(), match.exact.end()));
  }
  append_or_terms(sql, terms);
}

// Connections, opened on demand and kept for reuse. Each handler thread holds
// one for the length of a store call; broken ones are dropped.
class ConnectionPool {
public:
  explicit ConnectionPool(std::string conninfo) : conninfo_(std::move(conninfo)) {}

  class Lease {
  public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {}
    ~Lease() {
      if (connection_)
        pool_.give_back(std::move(connection_));
    }
    Connection* operator->() { return connection_.get(); }
    Connection& operator*() { return *connection_; }

  private:
    ConnectionPool& pool_;
    std::unique_ptr<Connection> connection_;
  };

  Result<Lease> take() {
    std::unique_lock lock(mutex_);
    // A bounded pool: PostgreSQL's max_connections is shared with every other
    // client of the server, and a burst of requests must not exhaust it.
    if (!returned_.wait_for(lock, kWaitForConnection,
                            [&] { return !idle_.empty() || open_ < kMaxConnections; }))
      return make_error(Error::Kind::unavailable,
                        "every one of the " + std::to_string(kMaxConnections) +
                            " PostgreSQL connections stayed busy for " +
                            std::to_string(kWaitForConnection.count()) + " s",
                        "store");
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++open_; // counted before opening, so that no other thread overshoots the bound
    lock.unlock();
    auto opened = Connection::open(conninfo_);
    if (!opened) {
      forget_one();
      return opened.error();
    }
    return Lease(*this, std::move(opened.value()));
  }

private:
  static constexpr std::size_t kMaxConnections = 16;
  static constexpr std::chrono::seconds kWaitForConnection{30};

  void give_back(std::unique_ptr<Connection> connection) {
    if (!connection->healthy() || connection->in_transaction()) {
      connection.reset(); // closed: the next take() opens a fresh one
      forget_one();
      return;
    }
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(connection));
    }
    returned_.notify_one();
  }

  void forget_one() {
    {
      std::lock_guard lock(mutex_);
      --open_;
    }
    returned_.notify_one();
  }

  std::string conninfo_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::size_t open_ = 0; // idle and leased
  std::vector<std::unique_ptr<Connection>> idle_;
};

// Runs `work` between BEGIN and COMMIT. Any failure, the COMMIT's included,
// rolls back, so a pooled connection is never left inside a transaction.
template <typename Work>
auto in_transaction(Connection& connection, Work work) -> decltype(work()) {
  if (auto begun = connection.execute("BEGIN"); !begun)
    return begun.error();
  auto result = work();
  if (result) {
    if (auto committed = connection.execute("COMMIT"); !committed) {
      (void)connection.execute("ROLLBACK");
      return committed.error();
    }
    return result;
  }
  (void)connection.execute("ROLLBACK");
  return result;
}

// What add_objects knows about one object id while it adds a batch.
struct VersionsOfId {
  std::set<MicrosSinceEpoch> versions;
  // Which row holds the first / last mark: a stored one (nullopt) or a new
  // one (its index among the rows being added).
  std::optional<size_t> first_pending, last_pending;
  bool clear_stored_first = false, clear_stored_last = false;
};

struct NewRow {
  MicrosSinceEpoch date_added;
  const NewObject* object;
  bool is_first, is_last;
};

constexpr const char* kInsertSimilarityKeys =
    "INSERT INTO similarity_keys(key, object_id) SELECT k, $2 FROM "
    "unnest($1::bigint[]) AS k ON CONFLICT DO NOTHING";

Parameters similarity_key_parameters(std::string_view object_id,
                                     std::span<const std::uint64_t> keys) {
  std::vector<std::int64_t> signed_keys(keys.begin(), keys.end());
  return Parameters().integer_array(signed_keys).text(object_id);
}

class PostgresStore final : public Store {
public:
  explicit PostgresStore(std::string conninfo) : pool_(std::move(conninfo)) {}

  Result<void> initialise(bool create) {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    return in_transaction(connection, [&]() -> Result<void> {
      // Two nodes opening a new database at once: one creates, the other waits and checks.
      if (auto locked =
              connection.run("SELECT pg_advisory_xact_lock($1)", Parameters().integer(kSchemaLock));
          !locked)
        return locked.error();
      auto present = connection.run("SELECT to_regclass('tansiq_schema') IS NOT NULL");
      if (!present)
        return present.error();
      if (!present->boolean(0, 0)) {
        if (!create)
          return make_error(Error::Kind::not_found,
                            "this PostgreSQL database holds no Tansiq store (create one with "
                            "`tansiq init DIR --store postgresql://...`)");
        if (auto made = connection.execute(postgres::kSchema); !made)
          return made;
        return connection.execute("INSERT INTO tansiq_schema VALUES (" +
                                  std::to_string(postgres::kSchemaVersion) + ")");
      }
      auto version = connection.run("SELECT version FROM tansiq_schema");
      if (!version)
        return version.error();
      if (version->count() != 1 || version->integer(0, 0) != postgres::kSchemaVersion)
        return make_error(Error::Kind::unavailable,
                          "the store's schema version is " +
                              std::string(version->count() ? version->text(0, 0) : "missing") +
                              "; this build reads version " +
                              std::to_string(postgres::kSchemaVersion));
      return {};
    });
  }

  Result<void> create_collection(const Collection& collection) override {
    auto written =
        write("INSERT INTO collections(id, title, description) VALUES ($1, $2, $3)",
              Parameters().text(collection.id).text(collection.title).text(collection.description),
              "create collection");
    if (!written && written.error().kind == Error::Kind::conflict)
      return make_error(Error::Kind::conflict, "a collection with this id exists already",
                        collection.id);
    return written;
  }

  Result<std::vector<Collection>> list_collections() override {
    return read<Collection>("SELECT id, title, description FROM collections ORDER BY number", {},
                            collection_row);
  }

  Result<std::optional<Collection>> find_collection(std::string_view id) override {
    return read_one<Collection>("SELECT id, title, description FROM collections WHERE id = $1",
                                Parameters().text(id), collection_row);
  }

  Result<std::vector<AddOutcome>> add_objects(std::string_view collection_id,
                                              std::span<const NewObject> objects) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    auto collection = collection_number(connection, collection_id);
    if (!collection)
      return collection.error();
    return in_transaction(connection, [&]() -> Result<std::vector<AddOutcome>> {
      auto inserted = insert_versions(connection, *collection, objects);
      if (!inserted)
        return inserted;
      for (const auto& object : objects)
        if (!object.similarity_keys.empty())
          if (auto keys =
                  connection.run(kInsertSimilarityKeys,
                                 similarity_key_parameters(object.id, object.similarity_keys));
              !keys)
            return keys.error();
      return inserted;
    });
  }

  Result<ObjectPage> query_objects(std::string_view collection_id,
                                   const ObjectQuery& query) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    auto collection = collection_number(connection, collection_id);
    if (!collection)
      return collection.error();

    // In an agency's view, a version's date_added is its release instant.
    std::string sql = std::string("SELECT o.id, o.type, o.spec_version, o.version, "
                                  "o.version_micros, ") +
                      (query.released_to ? "r.released" : "o.date_added") +
                      (query.with_json ? ", o.json FROM " : " FROM ");
    Parameters parameters;
    auto after = std::max(query.added_after.value_or(0), query.after_cursor.value_or(0));
    if (query.released_to) {
      sql += "releases r JOIN objects o ON o.date_added = r.date_added "
             "WHERE r.agency = $1 AND r.released > $2 AND (r.until IS NULL OR r.until > $3) "
             "AND o.collection = $4";
      parameters.text(*query.released_to).integer(after).integer(query.now).integer(*collection);
    } else if (query.newest_first) {
      sql += "objects o WHERE o.collection = $1 AND o.date_added > $2 AND o.date_added < $3";
      parameters.integer(*collection)
          .integer(query.added_after.value_or(0))
          .integer(query.after_cursor.value_or(std::numeric_limits<std::int64_t>::max()));
    } else {
      sql += "objects o WHERE o.collection = $1 AND o.date_added > $2";
      parameters.integer(*collection).integer(after);
    }
    append_filters(sql, parameters, query);
    append_version_filter(sql, parameters, query.versions);
    sql += query.released_to    ? " ORDER BY r.released"
           : query.newest_first ? " ORDER BY o.date_added DESC"
                                : " ORDER BY o.date_added";
    sql += " LIMIT " + next_placeholder(parameters);
    parameters.integer(static_cast<std::int64_t>(
        std::min<size_t>(query.limit, std::numeric_limits<std::int64_t>::max() - 1) + 1));

    auto rows = connection.run(sql, parameters);
    if (!rows)
      return rows.error();
    ObjectPage page;
    int count = rows->count();
    int kept = static_cast<int>(std::min<size_t>(static_cast<size_t>(count), query.limit));
    page.more = count > kept;
    page.objects.reserve(static_cast<size_t>(kept));
    for (int row = 0; row < kept; ++row)
      page.objects.push_back(object_row(*rows, row, query.with_json));
    if (!page.objects.empty())
      page.next_cursor = page.objects.back().date_added;
    return page;
  }

  Result<size_t> delete_object(std::string_view collection_id, std::string_view object_id,
                               const ObjectQuery& versions) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    auto collection = collection_number(connection, collection_id);
    if (!collection)
      return collection.error();
    std::string sql = "DELETE FROM objects o WHERE o.collection = $1 AND o.id = $2";
    Parameters parameters;
    parameters.integer(*collection).text(object_id);
    if (!versions.spec_versions.empty()) {
      sql += " AND o.spec_version = ANY(" + next_placeholder(parameters) + "::text[])";
      parameters.text_array(versions.spec_versions);
    }
    append_version_filter(sql, parameters, versions.versions);
    return in_transaction(connection, [&]() -> Result<size_t> {
      // Serialised with add_objects, which reads the marks this rewrites.
      if (auto clock = connection.run("SELECT 1 FROM store_clock FOR UPDATE"); !clock)
        return clock.error();
      // What the DELETE takes away, per (type, TLP), for object_counts.
      std::string counting = "SELECT o.type, o.tlp, COUNT(*) FROM objects o" +
                             sql.substr(std::string_view("DELETE FROM objects o").size()) +
                             " GROUP BY o.type, o.tlp";
      auto removed_rows = connection.run(counting, parameters);
      if (!removed_rows)
        return removed_rows.error();
      std::map<std::pair<std::string, std::string>, std::int64_t> removed;
      for (int row = 0; row < removed_rows->count(); ++row)
        removed[{std::string(removed_rows->text(row, 0)),
                 std::string(removed_rows->text(row, 1))}] = removed_rows->integer(row, 2);
      if (auto counted = change_counts(connection, *collection, removed, -1); !counted)
        return counted.error();
      auto deleted = connection.run(sql, parameters);
      if (!deleted)
        return deleted.error();
      auto marks = connection.run(
          "UPDATE objects o SET is_first = (o.version_micros = m.oldest), "
          "is_last = (o.version_micros = m.newest) FROM (SELECT MIN(version_micros) AS oldest, "
          "MAX(version_micros) AS newest FROM objects WHERE collection = $1 AND id = $2) m "
          "WHERE o.collection = $1 AND o.id = $2",
          Parameters().integer(*collection).text(object_id));
      if (!marks)
        return marks.error();
      return deleted->affected();
    });
  }

  Result<std::vector<TypeCount>> count_types(std::string_view collection_id) override {
    return count_grouped<TypeCount>(
        collection_id, "SELECT type, SUM(n) AS total FROM object_counts WHERE collection = $1 "
                       "GROUP BY type HAVING SUM(n) > 0 ORDER BY total DESC, type");
  }

  Result<std::vector<TlpCount>> count_tlps(std::string_view collection_id) override {
    return count_grouped<TlpCount>(
        collection_id, "SELECT tlp, SUM(n) AS total FROM object_counts WHERE collection = $1 "
                       "GROUP BY tlp HAVING SUM(n) > 0 ORDER BY total DESC, tlp");
  }

  Result<std::vector<OriginCount>> count_origins(std::string_view collection_id) override {
    return count_grouped<OriginCount>(
        collection_id,
        "SELECT p.received_from, COUNT(*) AS total FROM provenance p JOIN objects o ON "
        "o.id = p.object_id AND o.collection = $1 AND o.version_micros = p.version_micros "
        "GROUP BY p.received_from ORDER BY total DESC, p.received_from");
  }

  // A "SELECT key, count ... WHERE collection = $1" query into {key, count} pairs.
  template <typename Count>
  Result<std::vector<Count>> count_grouped(std::string_view collection_id, const char* sql) {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    auto collection = collection_number(**lease, collection_id);
    if (!collection)
      return collection.error();
    auto rows = (*lease)->run(sql, Parameters().integer(*collection));
    if (!rows)
      return rows.error();
    std::vector<Count> counts;
    for (int row = 0; row < rows->count(); ++row)
      counts.push_back(
          Count{std::string(rows->text(row, 0)), static_cast<size_t>(rows->integer(row, 1))});
    return counts;
  }

  Result<size_t> count_added_after(std::string_view collection_id,
                                   MicrosSinceEpoch after) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    auto collection = collection_number(**lease, collection_id);
    if (!collection)
      return collection.error();
    auto rows =
        (*lease)->run("SELECT COUNT(*) FROM objects WHERE collection = $1 AND date_added > $2",
                      Parameters().integer(*collection).integer(after));
    if (!rows)
      return rows.error();
    return static_cast<size_t>(rows->integer(0, 0));
  }

  Result<std::vector<StoredObject>> find_referrers(std::string_view collection_id,
                                                   std::string_view object_id,
                                                   const std::vector<std::string>& types,
                                                   size_t limit) override {
    if (types.empty() || limit == 0)
      return std::vector<StoredObject>();
    return read<StoredObject>(
        std::string("SELECT ") + kObjectColumns +
            " FROM object_references r JOIN objects o ON o.date_added = r.date_added "
            "WHERE r.target = $1 AND o.collection = (SELECT number FROM collections WHERE id = $2) "
            "AND o.is_last AND o.type = ANY($3::text[]) ORDER BY o.date_added LIMIT $4",
        Parameters()
            .text(object_id)
            .text(collection_id)
            .text_array(types)
            .integer(static_cast<std::int64_t>(limit)),
        [](const Rows& rows, int row) { return object_row(rows, row); });
  }

  Result<void> add_similarity_keys(std::string_view object_id,
                                   std::span<const std::uint64_t> keys) override {
    if (keys.empty())
      return {};
    return write(kInsertSimilarityKeys, similarity_key_parameters(object_id, keys),
                 "add similarity keys");
  }

  Result<std::vector<std::string>> find_by_similarity_keys(std::span<const std::uint64_t> keys,
                                                           size_t limit) override {
    if (keys.empty() || limit == 0)
      return std::vector<std::string>();
    std::vector<std::int64_t> signed_keys(keys.begin(), keys.end());
    return read<std::string>(
        "SELECT object_id FROM similarity_keys WHERE key = ANY($1::bigint[]) "
        "GROUP BY object_id ORDER BY COUNT(*) DESC, object_id LIMIT $2",
        Parameters().integer_array(signed_keys).integer(static_cast<std::int64_t>(limit)),
        [](const Rows& rows, int row) { return std::string(rows.text(row, 0)); });
  }

  Result<std::optional<StoredObject>> find_latest(std::string_view object_id) override {
    return read_one<StoredObject>(std::string("SELECT ") + kObjectColumns +
                                      " FROM objects o WHERE o.id = $1 "
                                      "ORDER BY o.version_micros DESC, o.date_added DESC LIMIT 1",
                                  Parameters().text(object_id),
                                  [](const Rows& rows, int row) { return object_row(rows, row); });
  }

  Result<std::vector<StoredObject>> latest_of_type(std::string_view type) override {
    // Per id, the newest version among all collections.
    return read<StoredObject>(std::string("SELECT DISTINCT ON (o.id) ") + kObjectColumns +
                                  " FROM objects o WHERE o.type = $1 "
                                  "ORDER BY o.id, o.version_micros DESC, o.date_added DESC",
                              Parameters().text(type),
                              [](const Rows& rows, int row) { return object_row(rows, row); });
  }

  Result<void> add_user(const User& user) override {
    return write("INSERT INTO users(name, role, password_hash, revoked, created, agency) "
                 "VALUES ($1, $2, $3, $4, $5, $6)",
                 Parameters()
                     .text(user.name)
                     .text(role_name(user.role))
                     .text(user.password_hash)
                     .boolean(user.revoked)
                     .integer(user.created)
                     .text(user.agency),
                 "add user");
  }

  Result<std::optional<User>> find_user(std::string_view name) override {
    return read_one<User>("SELECT name, role, password_hash, revoked, created, agency FROM users "
                          "WHERE name = $1",
                          Parameters().text(name), user_row);
  }

  Result<std::vector<User>> list_users() override {
    return read<User>("SELECT name, role, password_hash, revoked, created, agency FROM users "
                      "ORDER BY name",
                      {}, user_row);
  }

  Result<void> revoke_user(std::string_view name) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    return in_transaction(connection, [&]() -> Result<void> {
      auto revoked = connection.run("UPDATE users SET revoked = true WHERE name = $1",
                                    Parameters().text(name));
      if (!revoked)
        return revoked.error();
      if (revoked->affected() == 0)
        return make_error(Error::Kind::not_found, "no such user", std::string(name));
      auto tokens =
          connection.run("DELETE FROM tokens WHERE user_name = $1", Parameters().text(name));
      if (!tokens)
        return tokens.error();
      return {};
    });
  }

  Result<void> add_token(std::string_view user_name, std::string_view token_hash,
                         std::string_view label) override {
    auto written = write("INSERT INTO tokens(token_hash, user_name, label) VALUES ($1, $2, $3)",
                         Parameters().text(token_hash).text(user_name).text(label), "add token");
    if (!written && written.error().kind == Error::Kind::not_found)
      return make_error(Error::Kind::not_found, "add token: no such user", std::string(user_name));
    return written;
  }

  Result<std::optional<User>> find_user_by_token(std::string_view token_hash) override {
    return read_one<User>("SELECT u.name, u.role, u.password_hash, u.revoked, u.created, u.agency "
                          "FROM tokens t JOIN users u ON u.name = t.user_name "
                          "WHERE t.token_hash = $1 AND NOT u.revoked",
                          Parameters().text(token_hash), user_row);
  }

  Result<void> set_access(std::string_view user_name, std::string_view collection_id,
                          Access access) override {
    return write(
        "INSERT INTO access(user_name, collection_id, can_read, can_write) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (user_name, collection_id) DO UPDATE SET "
        "can_read = excluded.can_read, can_write = excluded.can_write",
        Parameters().text(user_name).text(collection_id).boolean(access.read).boolean(access.write),
        "set access");
  }

  Result<Access> access(std::string_view user_name, std::string_view collection_id) override {
    auto found = read_one<Access>(
        "SELECT can_read, can_write FROM access WHERE user_name = $1 AND collection_id = $2",
        Parameters().text(user_name).text(collection_id), [](const Rows& rows, int row) {
          return Access{rows.boolean(row, 0), rows.boolean(row, 1)};
        });
    if (!found)
      return found.error();
    return found->value_or(Access{});
  }

  Result<void> put_status(std::string_view status_id, std::string_view json) override {
    return write("INSERT INTO statuses(id, json) VALUES ($1, $2) "
                 "ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                 Parameters().text(status_id).text(json), "save status");
  }

  Result<std::optional<std::string>> find_status(std::string_view status_id) override {
    return read_one<std::string>(
        "SELECT json FROM statuses WHERE id = $1", Parameters().text(status_id),
        [](const Rows& rows, int row) { return std::string(rows.text(row, 0)); });
  }

  Result<void> replace_releases(std::string_view agency,
                                std::span<const Release> releases) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    return in_transaction(connection, [&]() -> Result<void> {
      // Rows that stay keep their release instant: drop the rows the new set
      // does not name, then upsert the set.
      std::vector<std::int64_t> kept;
      for (const auto& release : releases)
        kept.push_back(release.date_added);
      auto dropped = connection.run(
          "DELETE FROM releases WHERE agency = $1 AND NOT (date_added = ANY($2::bigint[]))",
          Parameters().text(agency).integer_array(kept));
      if (!dropped)
        return dropped.error();
      return insert_releases(connection, agency, releases);
    });
  }

  Result<void> add_releases(std::string_view agency, std::span<const Release> releases) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    return in_transaction(connection,
                          [&] { return insert_releases(connection, agency, releases); });
  }

  Result<std::vector<MicrosSinceEpoch>> released_versions(std::string_view agency) override {
    return read<MicrosSinceEpoch>(
        "SELECT date_added FROM releases WHERE agency = $1 ORDER BY date_added",
        Parameters().text(agency), [](const Rows& rows, int row) { return rows.integer(row, 0); });
  }

  Result<void> add_partner(const Partner& partner) override {
    return write("INSERT INTO partners(name, agency, api_root_url, collection, "
                 "local_collection, token, agreement, push_collection) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                 Parameters()
                     .text(partner.name)
                     .text(partner.agency)
                     .text(partner.api_root_url)
                     .text(partner.collection)
                     .text(partner.local_collection)
                     .text(partner.token)
                     .text(partner.agreement)
                     .text(partner.push_collection),
                 "add partner");
  }

  Result<std::vector<Partner>> list_partners() override {
    return read<Partner>(
        "SELECT name, agency, api_root_url, collection, local_collection, token, agreement, "
        "cursor, last_success, last_error, push_collection, push_cursor FROM partners "
        "ORDER BY name",
        {}, [](const Rows& rows, int row) {
          Partner partner;
          partner.name = rows.text(row, 0);
          partner.agency = rows.text(row, 1);
          partner.api_root_url = rows.text(row, 2);
          partner.collection = rows.text(row, 3);
          partner.local_collection = rows.text(row, 4);
          partner.token = rows.text(row, 5);
          partner.agreement = rows.text(row, 6);
          partner.cursor = rows.text(row, 7);
          partner.last_success = rows.integer(row, 8);
          partner.last_error = rows.text(row, 9);
          partner.push_collection = rows.text(row, 10);
          partner.push_cursor = rows.integer(row, 11);
          return partner;
        });
  }

  Result<void> record_sync(std::string_view name, std::string_view cursor, MicrosSinceEpoch time,
                           std::string_view error) override {
    if (!error.empty())
      return write("UPDATE partners SET last_error = $1 WHERE name = $2",
                   Parameters().text(error).text(name), "record sync");
    if (cursor.empty())
      return write("UPDATE partners SET last_success = $1, last_error = '' WHERE name = $2",
                   Parameters().integer(time).text(name), "record sync");
    return write(
        "UPDATE partners SET cursor = $1, last_success = $2, last_error = '' WHERE name = $3",
        Parameters().text(cursor).integer(time).text(name), "record sync");
  }

  Result<void> record_push(std::string_view name, MicrosSinceEpoch cursor) override {
    return write("UPDATE partners SET push_cursor = $1 WHERE name = $2",
                 Parameters().integer(cursor).text(name), "record push");
  }

  Result<void> add_provenance(std::span<const Provenance> records) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    return in_transaction(connection, [&]() -> Result<void> {
      for (const auto& record : records)
        if (auto inserted = connection.run(
                "INSERT INTO provenance(object_id, version_micros, received_from, agreement, "
                "received) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                Parameters()
                    .text(record.object_id)
                    .integer(record.version_micros)
                    .text(record.received_from)
                    .text(record.agreement)
                    .integer(record.received));
            !inserted)
          return inserted.error();
      return {};
    });
  }

  Result<std::vector<Provenance>> provenance_of(std::string_view object_id) override {
    return read<Provenance>(
        "SELECT object_id, version_micros, received_from, agreement, received FROM provenance "
        "WHERE object_id = $1 ORDER BY version_micros DESC, received DESC",
        Parameters().text(object_id), [](const Rows& rows, int row) {
          return Provenance{std::string(rows.text(row, 0)), rows.integer(row, 1),
                            std::string(rows.text(row, 2)), std::string(rows.text(row, 3)),
                            rows.integer(row, 4)};
        });
  }

  Result<void> append_audit(std::span<const AuditRecord> records) override {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    Connection& connection = **lease;
    return in_transaction(connection, [&]() -> Result<void> {
      // Held to the end of the transaction: the next appender sees this one's records.
      if (auto locked =
              connection.run("SELECT pg_advisory_xact_lock($1)", Parameters().integer(kAuditLock));
          !locked)
        return locked.error();
      auto last = connection.run("SELECT COALESCE(MAX(sequence), 0) FROM audit");
      if (!last)
        return last.error();
      std::int64_t expected = last->integer(0, 0) + 1;
      for (const auto& record : records) {
        if (record.sequence != expected++)
          return make_error(Error::Kind::conflict, "audit records must follow the log without gaps",
                            "audit sequence " + std::to_string(record.sequence));
        if (auto inserted = connection.run(
                "INSERT INTO audit(sequence, time, action, actor, partner, object_id, "
                "agreement_id, detail, previous_hash, hash) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                Parameters()
                    .integer(record.sequence)
                    .integer(record.time)
                    .text(record.action)
                    .text(record.actor)
                    .text(record.partner)
                    .text(record.object_id)
                    .text(record.agreement_id)
                    .text(record.detail)
                    .text(record.previous_hash)
                    .text(record.hash));
            !inserted)
          return inserted.error();
      }
      return {};
    });
  }

  Result<std::optional<AuditRecord>> last_audit() override {
    return read_one<AuditRecord>(std::string("SELECT ") + kAuditColumns +
                                     " FROM audit ORDER BY sequence DESC LIMIT 1",
                                 {}, audit_row);
  }

  Result<std::vector<AuditCount>> count_audit_since(MicrosSinceEpoch since) override {
    // A scan of the log (no index on time): fine for the console's weekly
    // figures on logs of a few million records.
    return read<AuditCount>("SELECT partner, action, COUNT(*) FROM audit WHERE time >= $1 "
                            "GROUP BY partner, action ORDER BY partner, action",
                            Parameters().integer(since), [](const Rows& rows, int row) {
                              return AuditCount{std::string(rows.text(row, 0)),
                                                std::string(rows.text(row, 1)),
                                                static_cast<size_t>(rows.integer(row, 2))};
                            });
  }

  Result<std::vector<AuditRecord>> read_audit(std::int64_t after, size_t limit,
                                              std::string_view object_id) override {
    auto bounded = static_cast<std::int64_t>(
        std::min<size_t>(limit, std::numeric_limits<std::int64_t>::max()));
    if (object_id.empty())
      return read<AuditRecord>(std::string("SELECT ") + kAuditColumns +
                                   " FROM audit WHERE sequence > $1 ORDER BY sequence LIMIT $2",
                               Parameters().integer(after).integer(bounded), audit_row);
    return read<AuditRecord>(std::string("SELECT ") + kAuditColumns +
                                 " FROM audit WHERE sequence > $1 AND object_id = $2 "
                                 "ORDER BY sequence LIMIT $3",
                             Parameters().integer(after).text(object_id).integer(bounded),
                             audit_row);
  }

private:
  // Runs a query on a pooled connection; `row` turns each result row into a T.
  template <typename T, typename Row>
  Result<std::vector<T>> read(const std::string& sql, const Parameters& parameters, Row row) {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    auto rows = (*lease)->run(sql, parameters);
    if (!rows)
      return rows.error();
    std::vector<T> values;
    values.reserve(static_cast<size_t>(rows->count()));
    for (int index = 0; index < rows->count(); ++index)
      values.push_back(row(*rows, index));
    return values;
  }

  template <typename T, typename Row>
  Result<std::optional<T>> read_one(const std::string& sql, const Parameters& parameters, Row row) {
    auto values = read<T>(sql, parameters, row);
    if (!values)
      return values.error();
    if (values->empty())
      return std::optional<T>();
    return std::optional<T>(std::move(values->front()));
  }

  Result<void> write(const std::string& sql, const Parameters& parameters,
                     std::string_view during) {
    auto lease = pool_.take();
    if (!lease)
      return lease.error();
    auto done = (*lease)->run(sql, parameters);
    if (!done) {
      Error error = done.error();
      if (error.where.empty() || error.where == "query")
        error.where = std::string(during);
      return error;
    }
    return {};
  }

  static Collection collection_row(const Rows& rows, int row) {
    return Collection{std::string(rows.text(row, 0)), std::string(rows.text(row, 1)),
                      std::string(rows.text(row, 2))};
  }

  // Collections are never deleted or renumbered, so a number once found is
  // kept; a miss asks the database (another node process may have created it).
  Result<std::int64_t> collection_number(Connection& connection, std::string_view id) {
    {
      std::lock_guard lock(collections_mutex_);
      if (auto found = collection_numbers_.find(std::string(id));
          found != collection_numbers_.end())
        return found->second;
    }
    auto rows =
        connection.run("SELECT number FROM collections WHERE id = $1", Parameters().text(id));
    if (!rows)
      return rows.error();
    if (rows->count() == 0)
      return make_error(Error::Kind::not_found, "no such collection", std::string(id));
    std::int64_t number = rows->integer(0, 0);
    std::lock_guard lock(collections_mutex_);
    collection_numbers_.emplace(std::string(id), number);
    return number;
  }

  // Inside add_objects' transaction: takes the clock (serialising writers),
  // reads what the collection holds of the batch's ids, works out duplicates
  // and first/last marks, and inserts the new versions with one COPY.
  Result<std::vector<AddOutcome>> insert_versions(Connection& connection, std::int64_t collection,
                                                  std::span<const NewObject> objects) {
    auto clock = connection.run("SELECT last_date_added FROM store_clock FOR UPDATE");
    if (!clock)
      return clock.error();
    MicrosSinceEpoch last_date_added = clock->integer(0, 0);

    std::unordered_map<std::string_view, VersionsOfId> ids;
    std::vector<std::string> id_list;
    for (const NewObject& object : objects)
      if (ids.try_emplace(object.id).second)
        id_list.emplace_back(object.id);
    auto stored = connection.run("SELECT id, version_micros FROM objects "
                                 "WHERE collection = $1 AND id = ANY($2::text[])",
                                 Parameters().integer(collection).text_array(id_list));
    if (!stored)
      return stored.error();
    for (int row = 0; row < stored->count(); ++row)
      ids.find(stored->text(row, 0))->second.versions.insert(stored->integer(row, 1));

    std::vector<NewRow> rows;
    std::vector<AddOutcome> outcomes;
    outcomes.reserve(objects.size());
    std::vector<std::string> clear_first, clear_last;
    for (const NewObject& object : objects) {
      VersionsOfId& known = ids.find(object.id)->second;
      if (!known.versions.insert(object.version_micros).second) {
        outcomes.push_back(AddOutcome::duplicate);
        continue;
      }
      bool only = known.versions.size() == 1;
      bool is_first = only || object.version_micros == *known.versions.begin();
      bool is_last = only || object.version_micros == *known.versions.rbegin();
      // The mark moves to the new row: off a new row of this batch, or off
      // the stored row (once per id).
      if (is_first && !only) {
        if (known.first_pending)
          rows[*known.first_pending].is_first = false;
        else if (!known.clear_stored_first) {
          known.clear_stored_first = true;
          clear_first.emplace_back(object.id);
        }
      }
      if (is_last && !only) {
        if (known.last_pending)
          rows[*known.last_pending].is_last = false;
        else if (!known.clear_stored_last) {
          known.clear_stored_last = true;
          clear_last.emplace_back(object.id);
        }
      }
      if (is_first)
        known.first_pending = rows.size();
      if (is_last)
        known.last_pending = rows.size();
      last_date_added = std::max(last_date_added + 1, stix::now_micros());
      rows.push_back(NewRow{last_date_added, &object, is_first, is_last});
      outcomes.push_back(AddOutcome::added);
    }
    if (rows.empty())
      return outcomes;

    // Before the COPY, so that the new rows' marks stay as computed.
    if (!clear_first.empty())
      if (auto cleared = connection.run("UPDATE objects SET is_first = false WHERE collection = $1 "
                                        "AND id = ANY($2::text[]) AND is_first",
                                        Parameters().integer(collection).text_array(clear_first));
          !cleared)
        return cleared.error();
    if (!clear_last.empty())
      if (auto cleared = connection.run("UPDATE objects SET is_last = false WHERE collection = $1 "
                                        "AND id = ANY($2::text[]) AND is_last",
                                        Parameters().integer(collection).text_array(clear_last));
          !cleared)
        return cleared.error();

    std::string data;
    size_t bytes = 0;
    for (const NewRow& row : rows)
      bytes += row.object->json.size() + row.object->id.size() + 128;
    data.reserve(bytes);
    std::string collection_text = std::to_string(collection);
    for (const NewRow& row : rows) {
      const NewObject& object = *row.object;
      data += std::to_string(row.date_added);
      data += '\t';
      data += collection_text;
      data += '\t';
      postgres::append_copy_field(data, object.id);
      data += '\t';
      postgres::append_copy_field(data, object.type);
      data += '\t';
      postgres::append_copy_field(data, object.spec_version);
      data += '\t';
      postgres::append_copy_field(data, object.version);
      data += '\t';
      data += std::to_string(object.version_micros);
      data += row.is_first ? "\tt\t" : "\tf\t";
      data += row.is_last ? "t\t" : "f\t";
      postgres::append_copy_field(data, object.json);
      data += '\t';
      postgres::append_copy_field(data, object.tlp);
      data += '\n';
    }
    if (auto copied = connection.copy_in(
            "COPY objects(date_added, collection, id, type, spec_version, version, "
            "version_micros, is_first, is_last, json, tlp) FROM STDIN",
            data);
        !copied)
      return copied.error();
    // What the new versions name, and the counts they change.
    std::string references;
    std::map<std::pair<std::string, std::string>, std::int64_t> added;
    std::vector<std::string_view> named;
    for (const NewRow& row : rows) {
      named.clear();
      stix::scan_references(row.object->json, named,
                            {"object_marking_refs", "marking_ref", "created_by_ref"});
      std::sort(named.begin(), named.end());
      named.erase(std::unique(named.begin(), named.end()), named.end());
      for (std::string_view target : named) {
        postgres::append_copy_field(references, target);
        references += '\t';
        references += std::to_string(row.date_added);
        references += '\n';
      }
      ++added[{std::string(row.object->type), std::string(row.object->tlp)}];
    }
    if (!references.empty())
      if (auto copied = connection.copy_in("COPY object_references(target, date_added) FROM STDIN",
                                           references);
          !copied)
        return copied.error();
    if (auto counted = change_counts(connection, collection, added, 1); !counted)
      return counted.error();
    if (auto advanced = connection.run("UPDATE store_clock SET last_date_added = $1",
                                       Parameters().integer(last_date_added));
        !advanced)
      return advanced.error();
    return outcomes;
  }

  // Inside a transaction: adds sign × count to each (type, TLP) row of a collection.
  Result<void>
  change_counts(Connection& connection, std::int64_t collection,
                const std::map<std::pair<std::string, std::string>, std::int64_t>& changes,
                int sign) {
    for (const auto& [kind, count] : changes)
      if (auto upserted = connection.run(
              "INSERT INTO object_counts(collection, type, tlp, n) VALUES ($1, $2, $3, $4) "
              "ON CONFLICT (collection, type, tlp) DO UPDATE SET n = object_counts.n + excluded.n",
              Parameters()
                  .integer(collection)
                  .text(kind.first)
                  .text(kind.second)
                  .integer(sign * count));
          !upserted)
        return upserted.error();
    return {};
  }

  // Inside a transaction: upserts the releases, each new one at a fresh
  // instant from the clock; an existing one keeps its instant.
  Result<void> insert_releases(Connection& connection, std::string_view agency,
                               std::span<const Release> releases) {
    auto clock = connection.run("SELECT last_released FROM store_clock FOR UPDATE");
    if (!clock)
      return clock.error();
    MicrosSinceEpoch last_released = clock->integer(0, 0);
    // One row per version (the last mention wins, as upserting in turn would).
    std::map<MicrosSinceEpoch, size_t> position;
    std::vector<std::int64_t> versions;
    std::vector<std::optional<std::int64_t>> untils;
    std::vector<std::int64_t> instants;
    for (const auto& release : releases) {
      last_released = std::max(last_released + 1, stix::now_micros());
      auto [found, fresh] = position.try_emplace(release.date_added, versions.size());
      if (fresh) {
        versions.push_back(release.date_added);
        untils.push_back(release.until);
        instants.push_back(last_released);
      } else {
        untils[found->second] = release.until;
      }
    }
    if (versions.empty())
      return {};
    if (auto inserted =
            connection.run("INSERT INTO releases(agency, date_added, until, released) "
                           "SELECT $1, d, u, r FROM unnest($2::bigint[], $3::bigint[], "
                           "$4::bigint[]) AS t(d, u, r) "
                           "ON CONFLICT (agency, date_added) DO UPDATE SET until = excluded.until",
                           Parameters()
                               .text(agency)
                               .integer_array(versions)
                               .nullable_integer_array(untils)
                               .integer_array(instants));
        !inserted)
      return inserted.error();
    if (auto advanced = connection.run("UPDATE store_clock SET last_released = $1",
                                       Parameters().integer(last_released));
        !advanced)
      return advanced.error();
    return {};
  }

  ConnectionPool pool_;
  std::mutex collections_mutex_;
  std::unordered_map<std::string, std::int64_t> collection_numbers_;
};

} // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& conninfo, bool create) {
  auto store = std::make_unique<PostgresStore>(conninfo);
  if (auto ready = store->initialise(create); !ready)
    return make_error(ready.error().kind, ready.error().message, "PostgreSQL store");
  return std::unique_ptr<Store>(std::move(store));
}

} // namespace tansiq::store
