// The MITRE ATT&CK Enterprise bundle shipped in ../shared (zstd-compressed),
// decompressed for tests that run over real content. Empty when missing.
#pragma once

#include <cstdio>
#include <string>

namespace tansiq::test_support {

inline std::string read_attack_bundle() {
  std::string data;
  FILE* pipe = popen("zstd -dc ../shared/data/attack/enterprise-attack.json.zst 2>/dev/null", "r");
  if (!pipe)
    return data;
  char buffer[1 << 16];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    data.append(buffer, n);
  pclose(pipe);
  return data;
}

} // namespace tansiq::test_support
