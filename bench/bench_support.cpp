#include "bench_support.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tansiq::bench {

std::string read_attack_bundle(const std::string& repository_root) {
  std::string command =
      "zstd -dc '" + repository_root + "/../shared/data/attack/enterprise-attack.json.zst'";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe)
    throw std::runtime_error("cannot run " + command);
  std::string bytes;
  std::array<char, 1 << 16> chunk;
  size_t got;
  while ((got = std::fread(chunk.data(), 1, chunk.size(), pipe)) > 0)
    bytes.append(chunk.data(), got);
  if (pclose(pipe) != 0 || bytes.empty())
    throw std::runtime_error("cannot decompress the ATT&CK bundle with: " + command);
  return bytes;
}

double print_ratio(const char* name, double value, double baseline, const char* unit,
                   const char* target) {
  double ratio = baseline > 0 ? value / baseline : 0;
  std::printf("%-34s %12.0f %s   baseline %12.0f %s   ratio %.2f   (%s)\n", name, value, unit,
              baseline, unit, ratio, target);
  return ratio;
}

double peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0)
      return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

} // namespace tansiq::bench
