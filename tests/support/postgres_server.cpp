#include "support/postgres_server.h"

#include "support/process.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>

namespace tansiq::test_support {
namespace {

struct ServerAddress {
  std::string conninfo;   // keyword form, to the "postgres" database
  std::string socket_dir; // the server's Unix socket directory
};

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string read_state_dir(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  return line;
}

using PgConnection = std::unique_ptr<PGconn, void (*)(PGconn*)>;

void ignore_notice(void*, const char*) {}

// Quiet: DROP SCHEMA ... CASCADE's notices are no news to a test.
PgConnection connect(const std::string& conninfo) {
  PgConnection connection(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (connection)
    PQsetNoticeProcessor(connection.get(), ignore_notice, nullptr);
  return connection;
}

bool answers(const std::string& conninfo) {
  auto connection = connect(conninfo);
  return connection && PQstatus(connection.get()) == CONNECTION_OK;
}

// The cluster this process started itself, stopped when the process exits.
class OwnCluster {
public:
  OwnCluster()
      : state_(std::string(TANSIQ_TEST_BINARY_DIR) + "/pg-cluster-" + std::to_string(::getpid()) +
               ".state") {
    auto started =
        run_process({TANSIQ_PG_CLUSTER_SCRIPT, "start", state_}, {}, std::chrono::seconds(120));
    if (started.exit_code != 0)
      throw std::runtime_error("PostgreSQL did not start (" +
                               std::string(TANSIQ_PG_CLUSTER_SCRIPT) + "): " + started.err);
  }
  ~OwnCluster() { run_process({TANSIQ_PG_CLUSTER_SCRIPT, "stop", state_}); }
  const std::string& state() const { return state_; }

private:
  std::string state_;
};

ServerAddress server() {
  static std::mutex mutex;
  static std::unique_ptr<OwnCluster> own;
  std::lock_guard lock(mutex);
  std::string shared_state = TANSIQ_PG_STATE_FILE; // written by the CTest fixture
  std::string conninfo = first_line(shared_state);
  if (!conninfo.empty() && answers(conninfo))
    return {conninfo, read_state_dir(shared_state)};
  if (!own)
    own = std::make_unique<OwnCluster>();
  conninfo = first_line(own->state());
  if (conninfo.empty() || !answers(conninfo))
    throw std::runtime_error("PostgreSQL started but does not answer at \"" + conninfo + "\"");
  return {conninfo, read_state_dir(own->state())};
}

void execute(const std::string& conninfo, const std::string& sql) {
  auto connection = connect(conninfo);
  if (PQstatus(connection.get()) != CONNECTION_OK)
    throw std::runtime_error("cannot connect to the test PostgreSQL: " +
                             std::string(PQerrorMessage(connection.get())));
  std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(connection.get(), sql.c_str()),
                                                        &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
}

} // namespace

ScratchPostgres::ScratchPostgres() {
  auto address = server();
  std::random_device random;
  schema_ = "test_" + std::to_string(random()) + "_" + std::to_string(random());
  execute(address.conninfo, "CREATE SCHEMA " + schema_);
  // The schema alone on the search path: the store's unqualified tables land there.
  uri_ = "postgresql://tansiq@/postgres?host=" + address.socket_dir +
         "&port=5432&options=-csearch_path%3D" + schema_;
}

ScratchPostgres::~ScratchPostgres() {
  try {
    execute(uri_, "DROP SCHEMA " + schema_ + " CASCADE");
  } catch (const std::exception&) {
    // The cluster goes away at the end of the run anyway.
  }
}

} // namespace tansiq::test_support
