// A thin RAII layer over one sqlite3 connection: cached prepared statements,
// binding and stepping, errors as values.
#pragma once

#include "core/result.h"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tansiq::store::sqlite {

// A prepared statement borrowed from a connection's cache; reset when released.
class Statement {
public:
  explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
  Statement(Statement&& other) noexcept : statement_(other.statement_) {
    other.statement_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement() {
    if (statement_) {
      sqlite3_reset(statement_);
      sqlite3_clear_bindings(statement_);
    }
  }

  // Binds parameters 1..N in order.
  template <typename... Args> void bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
  }
  // Text, never NULL: an empty view without storage (string_view{}) is "".
  void bind(int index, std::string_view text) {
    sqlite3_bind_text(statement_, index, text.data() ? text.data() : "",
                      static_cast<int>(text.size()), SQLITE_STATIC);
  }
  void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
  void bind(int index, const char* text) { bind(index, std::string_view(text)); }
  void bind(int index, std::int64_t value) { sqlite3_bind_int64(statement_, index, value); }
  void bind(int index, int value) { sqlite3_bind_int64(statement_, index, value); }
  void bind(int index, bool value) { sqlite3_bind_int64(statement_, index, value ? 1 : 0); }
  void bind_null(int index) { sqlite3_bind_null(statement_, index); }

  // Makes the statement ready to be bound and run again.
  void reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(statement_); }

  std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  std::string_view text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return data ? std::string_view(data, sqlite3_column_bytes(statement_, column))
                : std::string_view();
  }

private:
  sqlite3_stmt* statement_;
};

class Connection {
public:
  static Result<std::unique_ptr<Connection>> open(const std::string& path, bool create);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows.
  Result<void> execute(std::string_view sql);
  // A cached prepared statement for `sql` (prepared on first use).
  Result<Statement> prepare(const std::string& sql);
  // An error describing the connection's last failure.
  Error last_error(std::string_view during) const;

  sqlite3* handle() const { return db_; }

private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

} // namespace tansiq::store::sqlite
