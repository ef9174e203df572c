#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace tansiq::test_support {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
      throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
    read = fds[0];
    write = fds[1];
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_read() {
    if (read >= 0)
      ::close(read);
    read = -1;
  }
  void close_write() {
    if (write >= 0)
      ::close(write);
    write = -1;
  }
};

class SpawnSetup {
public:
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    // The test process may ignore SIGPIPE; the child starts with the defaults.
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;

  pid_t spawn(const std::vector<std::string>& argv) {
    if (argv.empty())
      throw std::invalid_argument("spawn: empty argv");
    std::vector<char*> pointers;
    for (const auto& argument : argv)
      pointers.push_back(const_cast<char*>(argument.c_str()));
    pointers.push_back(nullptr);
    pid_t pid = -1;
    int error =
        posix_spawnp(&pid, argv[0].c_str(), &actions, &attributes, pointers.data(), environ);
    if (error != 0)
      throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(error));
    return pid;
  }

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
};

void ignore_sigpipe() {
  // Writing to a child that has exited must be an error, not the test's death.
  static const bool done = [] {
    ::signal(SIGPIPE, SIG_IGN);
    return true;
  }();
  (void)done;
}

void record_status(ProcessResult& result, int status) {
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = -1;
    result.signal = WTERMSIG(status);
  }
}

// Reads what is available on `fd` into `into`; false once the pipe is at its end.
bool drain(int fd, std::string& into) {
  char chunk[65536];
  for (;;) {
    ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got > 0) {
      into.append(chunk, static_cast<size_t>(got));
      continue;
    }
    if (got == 0)
      return false;
    if (errno == EINTR)
      continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

int milliseconds_until(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Waits for `pid` until `deadline`, reading `fd` (if open) meanwhile so that a
// chatty child cannot block on a full pipe; SIGKILL at the deadline.
void reap(pid_t pid, Clock::time_point deadline, ProcessResult& result, int fd, std::string* out) {
  for (;;) {
    int status = 0;
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      record_status(result, status);
      return;
    }
    if (done < 0 && errno != EINTR)
      return;
    if (Clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      if (::waitpid(pid, &status, 0) == pid)
        record_status(result, status);
      return;
    }
    if (fd >= 0 && out) {
      pollfd poll_fd{fd, POLLIN, 0};
      if (::poll(&poll_fd, 1, 2) > 0 && !drain(fd, *out))
        fd = -1;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
}

} // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          std::chrono::milliseconds timeout) {
  ignore_sigpipe();
  auto deadline = Clock::now() + timeout;
  Pipe in, out, err;
  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, in.read, 0);
  posix_spawn_file_actions_adddup2(&setup.actions, out.write, 1);
  posix_spawn_file_actions_adddup2(&setup.actions, err.write, 2);
  pid_t pid = setup.spawn(argv);
  in.close_read();
  out.close_write();
  err.close_write();
  for (int fd : {in.write, out.read, err.read})
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  ProcessResult result;
  size_t written = 0;
  if (input.empty())
    in.close_write();
  while ((in.write >= 0 || out.read >= 0 || err.read >= 0) && Clock::now() < deadline) {
    std::vector<pollfd> fds;
    if (in.write >= 0)
      fds.push_back({in.write, POLLOUT, 0});
    if (out.read >= 0)
      fds.push_back({out.read, POLLIN, 0});
    if (err.read >= 0)
      fds.push_back({err.read, POLLIN, 0});
    int ready = ::poll(fds.data(), fds.size(), milliseconds_until(deadline));
    if (ready < 0 && errno != EINTR)
      break;
    for (const auto& fd : fds) {
      if (fd.revents == 0)
        continue;
      if (fd.fd == in.write) {
        ssize_t put = ::write(in.write, input.data() + written, input.size() - written);
        if (put > 0)
          written += static_cast<size_t>(put);
        if ((put < 0 && errno != EAGAIN && errno != EINTR) || written == input.size())
          in.close_write();
      } else if (fd.fd == out.read) {
        if (!drain(out.read, result.out))
          out.close_read();
      } else if (fd.fd == err.read) {
        if (!drain(err.read, result.err))
          err.close_read();
      }
    }
  }
  reap(pid, deadline, result, -1, nullptr);
  return result;
}

std::string tansiq_binary() {
  const char* binary = std::getenv("TANSIQ_BINARY");
  return binary && *binary ? binary : "build/src/cli/tansiq";
}

ProcessResult run_tansiq(const std::vector<std::string>& args, const std::string& input,
                         std::chrono::milliseconds timeout) {
  std::vector<std::string> argv{tansiq_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input, timeout);
}

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv) {
  ignore_sigpipe();
  Pipe out;
  SpawnSetup setup;
  posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&setup.actions, out.write, 1);
  pid_ = setup.spawn(argv);
  out.close_write();
  stdout_fd_ = out.read;
  out.read = -1;
  ::fcntl(stdout_fd_, F_SETFL, ::fcntl(stdout_fd_, F_GETFL) | O_NONBLOCK);
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (stdout_fd_ >= 0)
    ::close(stdout_fd_);
}

std::optional<std::string> BackgroundProcess::read_line(std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  for (;;) {
    size_t newline = buffered_.find('\n');
    if (newline != std::string::npos) {
      std::string line = buffered_.substr(0, newline);
      buffered_.erase(0, newline + 1);
      return line;
    }
    if (stdout_fd_ < 0 || Clock::now() >= deadline)
      return std::nullopt;
    pollfd fd{stdout_fd_, POLLIN, 0};
    int ready = ::poll(&fd, 1, milliseconds_until(deadline));
    if (ready < 0 && errno != EINTR)
      return std::nullopt;
    if (ready > 0 && !drain(stdout_fd_, buffered_)) {
      ::close(stdout_fd_);
      stdout_fd_ = -1;
    }
  }
}

ProcessResult BackgroundProcess::stop(int signal, std::chrono::milliseconds timeout) {
  ProcessResult result;
  if (pid_ <= 0)
    return result;
  ::kill(pid_, signal);
  reap(pid_, Clock::now() + timeout, result, stdout_fd_, &buffered_);
  pid_ = -1;
  result.out = std::move(buffered_);
  buffered_.clear();
  return result;
}

} // namespace tansiq::test_support
