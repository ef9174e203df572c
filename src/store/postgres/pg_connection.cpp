#include "store/postgres/pg_connection.h"

#include <charconv>
#include <cstring>

namespace tansiq::store::postgres {
namespace {

// SQLSTATE classes the store turns into its own error kinds.
constexpr std::string_view kUniqueViolation = "23505";
constexpr std::string_view kForeignKeyViolation = "23503";

std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

void append_array_element(std::string& out, std::string_view value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  out += '"';
}

} // namespace

Parameters& Parameters::text(std::string_view value) {
  values_.push_back(Value{value, std::nullopt, false});
  return *this;
}

Parameters& Parameters::boolean(bool value) {
  owned_.push_back(value ? "t" : "f");
  values_.push_back(Value{{}, owned_.size() - 1, false});
  return *this;
}

Parameters& Parameters::integer(std::int64_t value) {
  owned_.push_back(std::to_string(value));
  values_.push_back(Value{{}, owned_.size() - 1, false});
  return *this;
}

Parameters& Parameters::null() {
  values_.push_back(Value{{}, std::nullopt, true});
  return *this;
}

Parameters& Parameters::text_array(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i)
      literal += ',';
    append_array_element(literal, values[i]);
  }
  literal += '}';
  owned_.push_back(std::move(literal));
  values_.push_back(Value{{}, owned_.size() - 1, false});
  return *this;
}

Parameters& Parameters::integer_array(const std::vector<std::int64_t>& values) {
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i)
      literal += ',';
    literal += std::to_string(values[i]);
  }
  literal += '}';
  owned_.push_back(std::move(literal));
  values_.push_back(Value{{}, owned_.size() - 1, false});
  return *this;
}

Parameters&
Parameters::nullable_integer_array(const std::vector<std::optional<std::int64_t>>& values) {
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i)
      literal += ',';
    literal += values[i] ? std::to_string(*values[i]) : "NULL";
  }
  literal += '}';
  owned_.push_back(std::move(literal));
  values_.push_back(Value{{}, owned_.size() - 1, false});
  return *this;
}

std::vector<const char*> Parameters::pointers() const {
  std::vector<const char*> pointers;
  pointers.reserve(values_.size());
  for (const auto& value : values_) {
    if (value.is_null)
      pointers.push_back(nullptr);
    else if (value.owned)
      pointers.push_back(owned_[*value.owned].data());
    else
      pointers.push_back(value.view.data() ? value.view.data() : "");
  }
  return pointers;
}

std::vector<int> Parameters::lengths() const {
  std::vector<int> lengths;
  lengths.reserve(values_.size());
  for (const auto& value : values_)
    lengths.push_back(value.owned ? static_cast<int>(owned_[*value.owned].size())
                                  : static_cast<int>(value.view.size()));
  return lengths;
}

std::vector<int> Parameters::formats() const {
  // libpq reads a text-format parameter up to its NUL and ignores its length;
  // a caller's string_view has no NUL, so it goes in binary format, which for
  // text is the bytes themselves. Owned values (numbers, literals) are
  // NUL-terminated std::strings sent as text.
  std::vector<int> formats;
  formats.reserve(values_.size());
  for (const auto& value : values_)
    formats.push_back(!value.is_null && !value.owned ? 1 : 0);
  return formats;
}

std::int64_t Rows::integer(int row, int column) const {
  std::string_view value = text(row, column);
  std::int64_t number = 0;
  std::from_chars(value.data(), value.data() + value.size(), number);
  return number;
}

size_t Rows::affected() const {
  const char* tuples = PQcmdTuples(result_.get());
  return tuples && *tuples ? static_cast<size_t>(std::strtoull(tuples, nullptr, 10)) : 0;
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  std::unique_ptr<Connection> connection(new Connection(raw));
  if (!raw || PQstatus(raw) != CONNECTION_OK)
    return make_error(Error::Kind::unavailable,
                      "cannot connect to PostgreSQL: " +
                          trimmed(raw ? PQerrorMessage(raw) : "out of memory"));
  // Bitmap scans off: the store's reads are pages in index order (LIMIT n),
  // and on a table just filled by COPY (no statistics yet) the planner would
  // otherwise pick a bitmap scan plus a sort of everything after the cursor,
  // for every page: a scan of N objects then costs O(N^2).
  if (auto set = connection->execute("SET client_encoding TO 'UTF8'; "
                                     "SET synchronous_commit TO on; "
                                     "SET enable_bitmapscan TO off; "
                                     "SET client_min_messages TO warning");
      !set)
    return set.error();
  return connection;
}

Connection::~Connection() {
  if (connection_)
    PQfinish(connection_);
}

Error Connection::error_from(const PGresult* result, std::string_view during) const {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = trimmed(result ? PQresultErrorMessage(result) : "");
  if (message.empty())
    message = trimmed(PQerrorMessage(connection_));
  if (state && state == kUniqueViolation)
    return make_error(Error::Kind::conflict, std::string(during) + ": it exists already");
  if (state && state == kForeignKeyViolation)
    return make_error(Error::Kind::not_found,
                      std::string(during) + ": it names something that does not exist");
  return make_error(Error::Kind::unavailable, "PostgreSQL: " + message, std::string(during));
}

Result<Rows> Connection::run(const std::string& sql, const Parameters& parameters) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    std::string name = "tansiq_" + std::to_string(prepared_.size());
    Rows prepared(PQprepare(connection_, name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.raw()) != PGRES_COMMAND_OK)
      return error_from(prepared.raw(), "prepare");
    found = prepared_.emplace(sql, std::move(name)).first;
  }
  auto pointers = parameters.pointers();
  auto lengths = parameters.lengths();
  auto formats = parameters.formats();
  Rows rows(PQexecPrepared(connection_, found->second.c_str(), parameters.size(), pointers.data(),
                           lengths.data(), formats.data(), 0));
  auto status = PQresultStatus(rows.raw());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    return error_from(rows.raw(), "query");
  return rows;
}

Result<void> Connection::execute(const std::string& sql) {
  Rows rows(PQexec(connection_, sql.c_str()));
  auto status = PQresultStatus(rows.raw());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    return error_from(rows.raw(), "execute");
  return {};
}

Result<void> Connection::copy_in(const std::string& copy_sql, std::string_view data) {
  {
    Rows started(PQexec(connection_, copy_sql.c_str()));
    if (PQresultStatus(started.raw()) != PGRES_COPY_IN)
      return error_from(started.raw(), "copy");
  }
  // Sent in slices: PQputCopyData takes an int length.
  constexpr size_t kSlice = 1u << 20;
  for (size_t offset = 0; offset < data.size(); offset += kSlice) {
    size_t size = std::min(kSlice, data.size() - offset);
    if (PQputCopyData(connection_, data.data() + offset, static_cast<int>(size)) != 1)
      return make_error(Error::Kind::unavailable,
                        "PostgreSQL: " + trimmed(PQerrorMessage(connection_)), "copy");
  }
  if (PQputCopyEnd(connection_, nullptr) != 1)
    return make_error(Error::Kind::unavailable,
                      "PostgreSQL: " + trimmed(PQerrorMessage(connection_)), "copy");
  Result<void> outcome;
  while (PGresult* raw = PQgetResult(connection_)) {
    Rows finished(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && outcome)
      outcome = error_from(raw, "copy");
  }
  return outcome;
}

void append_copy_field(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += c;
    }
  }
}

} // namespace tansiq::store::postgres
