#include "store/sqlite/sqlite_connection.h"

namespace tansiq::store::sqlite {

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_close(db);
    return make_error(Error::Kind::unavailable, "cannot open the store: " + message, path);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 10000);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& [sql, statement] : statements_)
    sqlite3_finalize(statement);
  sqlite3_close(db_);
}

Error Connection::last_error(std::string_view during) const {
  return make_error(Error::Kind::unavailable, std::string("store error during ") +
                                                  std::string(during) + ": " + sqlite3_errmsg(db_));
}

Result<void> Connection::execute(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = message ? message : "unknown error";
    sqlite3_free(message);
    return make_error(Error::Kind::unavailable, "store error: " + error);
  }
  return {};
}

Result<Statement> Connection::prepare(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found != statements_.end())
    return Statement(found->second);
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &statement, nullptr) != SQLITE_OK)
    return last_error("prepare");
  statements_.emplace(sql, statement);
  return Statement(statement);
}

} // namespace tansiq::store::sqlite
