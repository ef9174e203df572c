// A real PostgreSQL server for tests. Under CTest, the `postgres` fixture has
// started one (tests/support/pg_cluster.sh) and left its conninfo in the build
// directory; a test binary run on its own starts one for itself on first use
// and stops it when it exits. No server is a failure, never a skip.
#pragma once

#include <string>

namespace tansiq::test_support {

// A fresh, empty schema in the test server's database, dropped afterwards: a
// store opened on uri() sees only its own tables. Throws std::runtime_error
// (saying why) when no PostgreSQL server can be reached or started.
class ScratchPostgres {
public:
  ScratchPostgres();
  ~ScratchPostgres();
  ScratchPostgres(const ScratchPostgres&) = delete;
  ScratchPostgres& operator=(const ScratchPostgres&) = delete;

  // A postgresql:// URI for libpq and `tansiq init --store`.
  const std::string& uri() const { return uri_; }

private:
  std::string schema_;
  std::string uri_;
};

} // namespace tansiq::test_support
