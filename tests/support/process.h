// Child processes for integration tests: run a program to completion (stdin
// fed, stdout and stderr captured, bounded in time), or keep one running in the
// background and read its stdout line by line. Children never outlive their
// owner: a timeout or a destructor kills them (SIGKILL) and reaps them.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tansiq::test_support {

struct ProcessResult {
  int exit_code = -1; // the exit status, or -1 when killed by a signal
  int signal = 0;     // the signal that killed it, else 0
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is looked up in PATH when it has no '/'), writes `input`
// to its stdin then closes it, and waits at most `timeout`.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(60));

// The `tansiq` binary under test: $TANSIQ_BINARY (set by CTest), else build/src/cli/tansiq.
std::string tansiq_binary();

// `tansiq ARGS...` with the binary under test.
ProcessResult run_tansiq(const std::vector<std::string>& args, const std::string& input = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(60));

// A child running in the background; stdout is a pipe read with read_line(),
// stdin is /dev/null and stderr is the test's own.
class BackgroundProcess {
public:
  explicit BackgroundProcess(const std::vector<std::string>& argv);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  pid_t pid() const { return pid_; }
  bool running() const { return pid_ > 0; }

  // The next line of stdout (without '\n'); nullopt on end of file or timeout.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);

  // Sends `signal` and waits at most `timeout` for the exit; on timeout the
  // child is killed with SIGKILL. Returns how it ended.
  ProcessResult stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(20));

private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffered_;
};

} // namespace tansiq::test_support
