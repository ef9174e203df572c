#include "audit/audit_log.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "console/console_api.h"
#include "node/node.h"
#include "node/partner_push.h"
#include "node/policy_state.h"
#include "node/publish_loop.h"
#include "search/catch_up.h"
#include "search/index_loop.h"
#include "search/search_index.h"
#include "server/http_server.h"
#include "sync/sync_loop.h"
#include "taxii/api.h"
#include "json/json_writer.h"

#include <cstdio>
#include <optional>
#include <thread>

namespace tansiq::cli {
namespace {

// Flood protection for pushes: objects each partner agency may push a minute
// (a full sync of a million objects at TAXII page size goes through in ten minutes).
constexpr std::size_t kPushObjectsPerMinute = 100000;

} // namespace

void add_serve_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("serve", "Serve the node's TAXII 2.1 API until Ctrl-C");
  auto port = std::make_shared<std::optional<unsigned>>();
  auto address = std::make_shared<std::optional<std::string>>();
  auto sync_seconds = std::make_shared<unsigned>(30);
  command->add_option("--port", *port, "Override the configured port (0: any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--address", *address, "Override the configured listen address");
  command->add_option("--sync-interval", *sync_seconds, "Seconds between pulls from partners")
      ->check(CLI::Range(1, 86400));
  command->callback([&global, &exit_code, port, address, sync_seconds] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    taxii::ApiSettings api_settings;
    api_settings.title = opened->config.name;
    api_settings.max_content_length = opened->config.max_request_bytes;
    audit::AuditLog audit_log(*opened->store, audit_head_file(global.node_directory));
    node::PublishLoop publisher(
        *opened->store, audit_log, opened->config.agency, std::chrono::seconds(1),
        std::chrono::minutes(10), [](const Result<node::PublishSummary>& summary) {
          if (!summary)
            std::fprintf(stderr, "tansiq: publishing to partners failed: %s\n",
                         summary.error().describe().c_str());
        });
    search::IndexLoop indexer(*opened->store, search::index_directory(global.node_directory),
                              std::chrono::seconds(30), [](const Error& error) {
                                std::fprintf(stderr,
                                             "tansiq: updating the search index failed: %s\n",
                                             error.describe().c_str());
                              });
    api_settings.on_object_deleted = [&](const std::string& collection_id,
                                         const std::string& object_id) {
      // The indexer holds the index writer only while it catches up: retry briefly.
      for (int attempt = 0;; ++attempt) {
        auto refreshed =
            search::refresh_object(*opened->store, search::index_directory(global.node_directory),
                                   collection_id, object_id);
        if (refreshed || refreshed.error().kind != Error::Kind::unavailable || attempt == 20) {
          if (!refreshed)
            std::fprintf(stderr, "tansiq: taking %s out of the search index failed: %s\n",
                         object_id.c_str(), refreshed.error().describe().c_str());
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    };
    api_settings.on_objects_added = [&publisher, &indexer] {
      publisher.objects_added();
      indexer.objects_added();
    };
    api_settings.explain_release = [&opened](const std::string& object_id,
                                             const std::string& agency) -> Result<std::string> {
      auto state = node::load_policy_state(*opened->store);
      if (!state)
        return state.error();
      auto decision = node::decide_for_object(*opened->store, *state, opened->config.agency,
                                              object_id, agency, stix::now_micros());
      if (!decision)
        return decision.error();
      std::string body;
      json::Writer(body)
          .begin_object()
          .field("object", object_id)
          .field("to", agency)
          .field("release", decision->release)
          .field("agreement", decision->agreement_id)
          .field("reason", decision->reason)
          .end_object();
      return body;
    };
    node::PushAllowance push_allowance(kPushObjectsPerMinute);
    api_settings.receive_from_partner = [&](const store::User& account,
                                            const store::Collection& collection,
                                            const stix::ParsedBundle& objects) {
      return node::receive_partner_push(*opened->store, audit_log, push_allowance,
                                        opened->config.agency, account, collection, objects);
    };
    sync::SyncLoop puller(*opened->store, audit_log, opened->config.agency,
                          std::chrono::seconds(*sync_seconds), [&publisher, &indexer] {
                            publisher.objects_added();
                            indexer.objects_added();
                          });
    taxii::Api api(*opened->store, api_settings);

    server::ServerSettings settings;
    settings.address = address->value_or(opened->config.address);
    settings.port = static_cast<unsigned short>(port->value_or(opened->config.port));
    settings.max_request_bytes = opened->config.max_request_bytes;
    settings.threads = opened->config.threads;
    auto in_node = [&](const std::string& path) {
      return path.empty() || path.front() == '/' ? path : global.node_directory + "/" + path;
    };
    settings.tls_certificate_file = in_node(opened->config.tls_certificate);
    settings.tls_private_key_file = in_node(opened->config.tls_private_key);
    console::ConsoleApi console_api(*opened->store, {opened->config.name, opened->config.agency,
                                                     !settings.tls_certificate_file.empty(),
                                                     search::index_directory(global.node_directory),
                                                     opened->config.default_collection,
                                                     api_settings.on_objects_added});
    server::HttpServer server(
        [&](const taxii::Request& request) {
          std::string_view path = std::string_view(request.target)
                                      .substr(0, std::string_view(request.target).find('?'));
          return console::ConsoleApi::serves(path) ? console_api.handle(request)
                                                   : api.handle(request);
        },
        settings);
    auto published = publisher.start();
    if (!published) {
      exit_code = report(published.error());
      return;
    }
    auto bound = server.start();
    if (!bound) {
      exit_code = report(bound.error());
      return;
    }
    const char* scheme = settings.tls_certificate_file.empty() ? "http" : "https";
    std::printf("Tansiq node \"%s\" serving TAXII 2.1 on %s://%s:%u/taxii2/ (API root %s)\n",
                opened->config.name.c_str(), scheme, settings.address.c_str(), *bound,
                api_settings.api_root_path.c_str());
    std::printf("Analyst console: %s://%s:%u/console/\n", scheme, settings.address.c_str(), *bound);
    puller.start();
    indexer.start();
    if (published->partners > 0)
      std::printf("Published %zu object version(s) to %zu partner agenc%s\n", published->published,
                  published->partners, published->partners == 1 ? "y" : "ies");
    std::printf("Press Ctrl-C to stop.\n");
    std::fflush(stdout);
    server.run(true);
    indexer.stop();
    puller.stop();
    publisher.stop();
    std::printf("Stopped.\n");
  });
}

} // namespace tansiq::cli
