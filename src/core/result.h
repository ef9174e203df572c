// A small value-or-error type for component boundaries (std::expected is C++23;
// this project builds with C++20 on Debian 12's g++ 12).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace tansiq {

// What went wrong, said so that a user can act on it: `message` says what and
// why, `where` says where (a JSON path, a file name, a collection id...).
struct Error {
  enum class Kind {
    invalid_input,  // the caller's data is wrong (bad JSON, invalid STIX, bad argument)
    not_found,      // the named thing does not exist
    conflict,       // the thing exists already, or the request contradicts the state
    forbidden,      // the caller may not do this
    unavailable,    // a resource (file, database, network) failed
    internal,       // a bug
  };
  Kind kind = Kind::internal;
  std::string message;
  std::string where;

  std::string describe() const { return where.empty() ? message : where + ": " + message; }
};

inline Error make_error(Error::Kind kind, std::string message, std::string where = {}) {
  return Error{kind, std::move(message), std::move(where)};
}

template <typename T> class [[nodiscard]] Result {
public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(state_); }

private:
  std::variant<T, Error> state_;
};

// Result of an operation that yields nothing but may fail.
template <> class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(failed_); return error_; }

private:
  Error error_;
  bool failed_ = false;
};

} // namespace tansiq
