// Shared pieces of the benchmarks: timing, reading the ATT&CK bundle,
// printing a figure next to its baseline.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace tansiq::bench {

class Stopwatch {
public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

private:
  std::chrono::steady_clock::time_point start_;
};

// The decompressed MITRE ATT&CK Enterprise bundle (../shared relative to the repo root).
std::string read_attack_bundle(const std::string& repository_root);

// A whole file's bytes ("" when it cannot be read: the benches check what they read).
std::string read_file(const std::string& path);

// Prints "name: value unit (baseline: b unit, ratio r, target: ...)" and returns the ratio.
double print_ratio(const char* name, double value, double baseline, const char* unit,
                   const char* target);

// Resident set size high-water mark of this process, in MB.
double peak_rss_mb();

} // namespace tansiq::bench
