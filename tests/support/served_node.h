// `tansiq serve --port 0` on a node directory, as a child process: started
// when constructed, ready once it has printed the port it listens on, killed
// (SIGKILL) when destroyed.
#pragma once

#include "support/process.h"

#include <chrono>
#include <memory>
#include <string>

namespace tansiq::test_support {

class ServedNode {
public:
  // Starts the server and waits (at most `timeout`) for its "serving ... on
  // http://127.0.0.1:PORT/taxii2/" line; throws if it does not come.
  explicit ServedNode(const std::string& node_directory,
                      std::chrono::milliseconds timeout = std::chrono::seconds(30));

  unsigned short port() const { return port_; }
  pid_t pid() const { return process_->pid(); }

  // SIGTERM (a clean stop) or SIGKILL (a crash); returns how the server ended.
  ProcessResult stop(int signal);

private:
  std::unique_ptr<BackgroundProcess> process_;
  unsigned short port_ = 0;
};

} // namespace tansiq::test_support
