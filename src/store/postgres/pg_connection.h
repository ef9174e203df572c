// A thin RAII layer over one libpq connection: parameters passed as text with
// explicit lengths (never spliced into SQL), statements prepared once per
// connection and cached by their SQL text, errors as values.
//
// libpq directly rather than libpqxx 6.4: libpqxx reports every failure by
// exception (the store's boundary returns Result values), and its 6.x
// parameter passing copies each value into a NUL-terminated string, where
// libpq takes (pointer, length) pairs straight from the caller's string_views
// (object JSON is passed without a copy) and offers COPY for bulk inserts.
#pragma once

#include "core/result.h"

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tansiq::store::postgres {

// Parameters $1..$N, each text or NULL. Integers are formatted into storage
// the Parameters own; string_views must outlive the call that uses them.
class Parameters {
public:
  // Text-typed parameters only (sent as their bytes, in binary format).
  Parameters& text(std::string_view value);
  Parameters& integer(std::int64_t value);
  Parameters& boolean(bool value);
  Parameters& null();
  // A text[] or bigint[] literal ({"a","b"} / {1,2}) for "= ANY($n)".
  Parameters& text_array(const std::vector<std::string>& values);
  Parameters& integer_array(const std::vector<std::int64_t>& values);
  Parameters& nullable_integer_array(const std::vector<std::optional<std::int64_t>>& values);

  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> pointers() const;
  std::vector<int> lengths() const;
  std::vector<int> formats() const;

private:
  struct Value {
    std::string_view view;
    std::optional<size_t> owned; // index into owned_ when the value is owned
    bool is_null = false;
  };
  std::vector<Value> values_;
  std::vector<std::string> owned_;
};

// A query's rows (text format). Owns the PGresult.
class Rows {
public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}
  int count() const { return PQntuples(result_.get()); }
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column); }
  std::string_view text(int row, int column) const {
    return {PQgetvalue(result_.get(), row, column),
            static_cast<size_t>(PQgetlength(result_.get(), row, column))};
  }
  std::int64_t integer(int row, int column) const;
  bool boolean(int row, int column) const { return text(row, column) == "t"; }
  const PGresult* raw() const { return result_.get(); }
  // Rows changed by an INSERT, UPDATE or DELETE.
  size_t affected() const;

private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class Connection {
public:
  // Connects, and makes the session's settings explicit: UTF-8 client
  // encoding, synchronous commit (an acknowledged write is on disk), plans
  // that page in index order.
  static Result<std::unique_ptr<Connection>> open(const std::string& conninfo);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (prepared on first use on this connection) with `parameters`.
  // Constraint violations come back as conflict / not_found errors.
  Result<Rows> run(const std::string& sql, const Parameters& parameters = {});
  // Runs one or more statements without parameters (DDL, BEGIN, COMMIT...).
  Result<void> execute(const std::string& sql);
  // COPY ... FROM STDIN: `copy_sql` starts it, `data` is the whole text-format payload.
  Result<void> copy_in(const std::string& copy_sql, std::string_view data);

  // Broken connections are not given back to the pool.
  bool healthy() const { return PQstatus(connection_) == CONNECTION_OK; }
  bool in_transaction() const { return PQtransactionStatus(connection_) != PQTRANS_IDLE; }

private:
  explicit Connection(PGconn* connection) : connection_(connection) {}
  Error error_from(const PGresult* result, std::string_view during) const;

  PGconn* connection_;
  std::unordered_map<std::string, std::string> prepared_; // SQL -> statement name
};

// Escapes `value` for COPY's text format (backslash, tab, newline, return).
void append_copy_field(std::string& out, std::string_view value);

} // namespace tansiq::store::postgres
