// Questions (issue 3): on a collection of N objects (default 1,000,000),
//  - how fast does a client page through TAXII GET with limit=1000, compared
//    with reading the same rows straight out of SQLite in-process?
//  - what is the p99 latency of a filtered match[type] request?
//  - how fast are objects POSTed, compared with bare SQLite inserts?
//  - how much memory does the server use (peak RSS)?
// The server is the real `tansiq serve` process; the client speaks HTTP/1.1
// with keep-alive over loopback.
#include "audit/audit_log.h"
#include "auth/credentials.h"
#include "bench_support.h"
#include "node/node.h"
#include "sync/sync_loop.h"
#include "synthetic_holding.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <simdjson.h>
#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tansiq;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

extern char** environ;

namespace {

constexpr const char* kMedia = "application/taxii+json;version=2.1";

struct ServerProcess {
  pid_t pid = -1;
  unsigned short port = 0;
  ~ServerProcess() {
    if (pid > 0) {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
  }
  double peak_rss_mb() const {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("VmHWM:", 0) == 0)
        return std::stod(line.substr(6)) / 1024.0;
    return 0;
  }
};

bool start_server(const std::string& binary, const std::string& node, ServerProcess& server) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0)
    return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> args = {binary, "--dir", node, "serve", "--port", "0"};
  std::vector<char*> argv;
  for (auto& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  int spawned = posix_spawn(&server.pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0)
    return false;
  std::string line;
  char c;
  while (read(pipe_fds[0], &c, 1) == 1 && c != '\n')
    line += c;
  close(pipe_fds[0]);
  auto colon = line.find("127.0.0.1:");
  if (colon == std::string::npos)
    return false;
  server.port = static_cast<unsigned short>(std::stoi(line.substr(colon + 10)));
  return true;
}

class Client {
public:
  Client(unsigned short port, std::string token) : socket_(io_), token_(std::move(token)) {
    socket_.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  }
  http::response<http::string_body> send(http::verb verb, const std::string& target,
                                         std::string body = {}) {
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::accept, kMedia);
    request.set(http::field::authorization, "Bearer " + token_);
    if (!body.empty()) {
      request.set(http::field::content_type, kMedia);
      request.body() = std::move(body);
    }
    request.prepare_payload();
    http::write(socket_, request);
    http::response_parser<http::string_body> parser;
    parser.body_limit(1ull << 30);
    http::read(socket_, buffer_, parser);
    return parser.release();
  }

private:
  boost::asio::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::string token_;
};

// In-process baseline: every row's JSON, in date_added order, straight from SQLite.
double sqlite_read_rate(const std::string& path, size_t& rows) {
  sqlite3* db;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement;
  sqlite3_prepare_v2(db, "SELECT json FROM objects ORDER BY date_added", -1, &statement, nullptr);
  bench::Stopwatch clock;
  rows = 0;
  size_t bytes = 0;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    bytes += static_cast<size_t>(sqlite3_column_bytes(statement, 0));
    ++rows;
  }
  double seconds = clock.seconds();
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return bytes > 0 ? rows / seconds : 0;
}

// Baseline for POST: bare inserts of the same bytes, one transaction per batch.
double sqlite_insert_rate(const std::vector<std::string>& batches_json, size_t per_batch) {
  auto path = std::filesystem::temp_directory_path() / "tansiq-bench-insert.sqlite";
  std::filesystem::remove(path);
  sqlite3* db;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE o(json TEXT)",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert;
  sqlite3_prepare_v2(db, "INSERT INTO o VALUES (?)", -1, &insert, nullptr);
  bench::Stopwatch clock;
  simdjson::ondemand::parser parser;
  for (const auto& envelope : batches_json) {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    simdjson::padded_string padded(envelope);
    auto document = parser.iterate(padded);
    for (auto element : document["objects"].get_array()) {
      simdjson::ondemand::object object = element.get_object();
      std::string_view raw = object.raw_json();
      sqlite3_bind_text(insert, 1, raw.data(), static_cast<int>(raw.size()), SQLITE_STATIC);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  double seconds = clock.seconds();
  sqlite3_finalize(insert);
  sqlite3_close(db);
  std::filesystem::remove(path);
  return batches_json.size() * per_batch / seconds;
}

} // namespace

int main(int argc, char** argv) {
  size_t total = 1000000;
  bool smoke = false;
  std::string binary = "build/src/cli/tansiq";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--smoke")
      smoke = true, total = 20000;
    else if (arg == "--objects" && i + 1 < argc)
      total = std::stoul(argv[++i]);
    else if (arg == "--binary" && i + 1 < argc)
      binary = argv[++i];
  }
  if (const char* from_env = std::getenv("TANSIQ_BINARY"))
    binary = from_env;

  auto node_dir = (std::filesystem::temp_directory_path() / "tansiq-bench-taxii").string();
  std::filesystem::remove_all(node_dir);
  node::NodeConfig config;
  config.port = 0;
  auto created = node::create_node(node_dir, config);
  if (!created) {
    std::fprintf(stderr, "%s\n", created.error().describe().c_str());
    return 1;
  }
  const std::string collection = created->default_collection_id;
  {
    auto opened = node::open_node(node_dir);
    bench::Stopwatch load_clock;
    if (auto loaded = bench::load_synthetic_holding(*opened->store, collection, 1, total);
        !loaded) {
      std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
      return 1;
    }
    std::printf("Loaded %zu synthetic objects into the store in %.1f s\n", total,
                load_clock.seconds());
  }

  // A partner agency with an agreement covering the holding: the server
  // publishes every object to it when it starts (timed below).
  const std::string partner_agency = "identity--00000000-0000-4000-8000-0000000000ff";
  std::string partner_token = auth::new_token();
  {
    auto opened = node::open_node(node_dir);
    auto& store = *opened->store;
    std::string agreement_id = "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a1";
    std::string agreement =
        R"({"type":"x-tansiq-agreement","spec_version":"2.1","id":")" + agreement_id +
        R"(","created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","name":"bench","parties":[")" +
        opened->config.agency + R"(",")" + partner_agency +
        R"("],"categories":["terrorism"],"highest_tlp":"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421","valid_from":"2020-01-01T00:00:00Z"})";
    store::NewObject object{agreement_id,
                            "x-tansiq-agreement",
                            "2.1",
                            "2020-01-01T00:00:00.000Z",
                            *stix::parse_timestamp("2020-01-01T00:00:00Z"),
                            agreement};
    (void)store.add_objects(collection, std::span<const store::NewObject>(&object, 1));
    (void)store.add_user({"partner", store::Role::partner, "", false, 1, partner_agency});
    (void)store.add_token("partner", auth::hash_token(partner_token), "");
    (void)store.set_access("partner", collection, {true, false});
  }
  const size_t in_collection = total + 1; // with the agreement

  size_t rows = 0;
  double baseline_read = sqlite_read_rate(node_dir + "/store.sqlite", rows);

  ServerProcess server;
  bench::Stopwatch start_clock; // includes publishing every object to the partner
  bool started = start_server(binary, node_dir, server);
  double publish_seconds = start_clock.seconds();
  if (!started) {
    std::fprintf(stderr, "cannot start %s serve\n", binary.c_str());
    return 1;
  }
  Client client(server.port, created->admin_token);
  const std::string objects_path = "/tansiq/collections/" + collection + "/objects/";

  // Full scan, limit=1000.
  bench::Stopwatch scan_clock;
  size_t seen = 0;
  std::string next;
  std::vector<std::string> page_starts; // date_added of each page's first object
  simdjson::dom::parser parser;
  for (;;) {
    auto response = client.send(http::verb::get, objects_path + "?limit=1000" +
                                                     (next.empty() ? "" : "&next=" + next));
    if (response.result_int() != 200) {
      std::fprintf(stderr, "GET failed: %d %s\n", response.result_int(), response.body().c_str());
      return 1;
    }
    page_starts.emplace_back(response["X-TAXII-Date-Added-First"]);
    simdjson::dom::element page = parser.parse(response.body());
    simdjson::dom::array objects;
    if (!page["objects"].get_array().get(objects))
      seen += objects.size();
    bool more = page["more"].get_bool().value();
    if (!more)
      break;
    next = std::string(page["next"].get_string().value());
  }
  double scan_rate = seen / scan_clock.seconds();
  if (seen != in_collection) {
    std::fprintf(stderr, "the scan saw %zu objects, expected %zu\n", seen, in_collection);
    return 1;
  }

  // Filtered requests: match[type] from random positions in the collection.
  std::mt19937_64 random(7);
  std::uniform_int_distribution<size_t> position(0, page_starts.size() - 1);
  std::vector<double> latencies;
  const char* filter_types[] = {"location", "malware", "report", "identity"};
  for (int i = 0; i < (smoke ? 200 : 2000); ++i) {
    std::string target = objects_path + "?limit=100&match%5Btype%5D=" + filter_types[i % 4] +
                         "&added_after=" + page_starts[position(random)];
    bench::Stopwatch clock;
    auto response = client.send(http::verb::get, target);
    latencies.push_back(clock.seconds() * 1000);
    if (response.result_int() != 200)
      return 1;
  }
  std::sort(latencies.begin(), latencies.end());
  double p50 = latencies[latencies.size() / 2];
  double p99 = latencies[latencies.size() * 99 / 100];

  Client partner_client(server.port, partner_token);
  bench::Stopwatch partner_clock;
  size_t partner_seen = 0;
  next.clear();
  for (;;) {
    auto response = partner_client.send(http::verb::get, objects_path + "?limit=1000" +
                                                             (next.empty() ? "" : "&next=" + next));
    simdjson::dom::element page = parser.parse(response.body());
    simdjson::dom::array objects;
    if (!page["objects"].get_array().get(objects))
      partner_seen += objects.size();
    if (!page["more"].get_bool().value())
      break;
    next = std::string(page["next"].get_string().value());
  }
  double partner_rate = partner_seen / partner_clock.seconds();

  // Sync: a second node pulls the whole collection through the partner account.
  auto mirror_dir = (std::filesystem::temp_directory_path() / "tansiq-bench-mirror").string();
  std::filesystem::remove_all(mirror_dir);
  node::NodeConfig mirror_config;
  auto mirror = node::create_node(mirror_dir, mirror_config);
  double sync_seconds = 0;
  size_t synced = 0;
  {
    auto opened = node::open_node(mirror_dir);
    audit::AuditLog log(*opened->store, mirror_dir + "/audit.head");
    store::Partner source{"source",
                          partner_agency,
                          "http://127.0.0.1:" + std::to_string(server.port) + "/tansiq/",
                          collection,
                          mirror->default_collection_id,
                          partner_token,
                          "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a1",
                          "",
                          0,
                          ""};
    (void)opened->store->add_partner(source);
    bench::Stopwatch sync_clock;
    // Each pass is bounded (1000 pages); passes go on until nothing is new.
    for (;;) {
      auto added = sync::sync_all_partners(*opened->store, log, opened->config.agency,
                                           std::chrono::seconds(60));
      if (!added || *added == 0)
        break;
      synced += *added;
    }
    sync_seconds = sync_clock.seconds();
    if (auto partners = opened->store->list_partners();
        partners && !partners->empty() && !partners->front().last_error.empty())
      std::fprintf(stderr, "sync error: %s\n", partners->front().last_error.c_str());
  }
  std::filesystem::remove_all(mirror_dir);

  // POST: batches of 1000 new objects.
  std::vector<std::string> envelopes;
  const size_t per_batch = 1000, batches = smoke ? 5 : 30;
  for (size_t b = 0; b < batches; ++b) {
    std::string envelope = "{\"objects\":[";
    for (size_t n = 0; n < per_batch; ++n) {
      if (n)
        envelope += ',';
      envelope += bench::synthetic_object(2 + b, n).json;
    }
    envelope += "]}";
    envelopes.push_back(std::move(envelope));
  }
  bench::Stopwatch post_clock;
  for (const auto& envelope : envelopes) {
    auto response = client.send(http::verb::post, objects_path, envelope);
    if (response.result_int() != 202) {
      std::fprintf(stderr, "POST failed: %d %s\n", response.result_int(), response.body().c_str());
      return 1;
    }
  }
  double post_rate = batches * per_batch / post_clock.seconds();
  double baseline_insert = sqlite_insert_rate(envelopes, per_batch);

  double rss = server.peak_rss_mb();
  std::printf("TAXII over loopback, %zu objects in the collection\n", total);
  bench::print_ratio("GET scan limit=1000 (objects/s)", scan_rate, baseline_read, "obj/s",
                     "target >= 200000 obj/s");
  std::printf("%-34s p50 %.2f ms   p99 %.2f ms   (target p99 < 10 ms)\n",
              "GET match[type] limit=100 at random added_after", p50, p99);
  bench::print_ratio("POST 1000/request (objects/s)", post_rate, baseline_insert, "obj/s",
                     "target >= 30000 obj/s");
  bench::print_ratio("GET scan as a partner (objects/s)", partner_rate, scan_rate, "obj/s",
                     "target ratio >= 0.80: the policy filter costs at most 20%");
  std::printf("%-34s %zu objects in %.1f s, %.0f obj/s   (target: 1,000,000 in < 60 s)\n",
              "sync between two nodes", synced, sync_seconds, synced / sync_seconds);
  std::printf("%-34s %.0f MB   (target < 300 MB)\n", "server peak RSS", rss);
  std::printf("%-34s %.1f s for %zu objects   (includes the server's start)\n",
              "publishing to the partner", publish_seconds, in_collection);
  if (synced != in_collection || partner_seen != in_collection) {
    std::fprintf(stderr, "the partner saw %zu and the mirror received %zu of %zu objects\n",
                 partner_seen, synced, in_collection);
    return 1;
  }
  std::filesystem::remove_all(node_dir);
  return 0;
}
