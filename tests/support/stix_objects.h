// STIX 2.1 test objects as JSON text: fresh identifiers, indicators, and the
// containers they travel in (a TAXII envelope, a STIX bundle).
#pragma once

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace tansiq::test_support {

// "<type>--<random version 4 UUID>".
inline std::string new_stix_id(const std::string& type) {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  std::uint64_t high = random(), low = random();
  high = (high & ~std::uint64_t{0xf000}) | 0x4000;                        // version 4
  low = (low & ~(std::uint64_t{0xc} << 60)) | (std::uint64_t{0x8} << 60); // RFC 4122 variant
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xffff),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return type + "--" + text;
}

// A valid, minified indicator.
inline std::string indicator_json(const std::string& id,
                                  const std::string& modified = "2020-01-01T00:00:00.000Z") {
  return R"({"type":"indicator","spec_version":"2.1","id":")" + id +
         R"(","created":"2020-01-01T00:00:00.000Z","modified":")" + modified +
         R"(","name":"test indicator","pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2020-01-01T00:00:00Z"})";
}

inline std::string join_objects(const std::vector<std::string>& objects) {
  std::string joined;
  for (const auto& object : objects) {
    if (!joined.empty())
      joined += ',';
    joined += object;
  }
  return joined;
}

// A TAXII 2.1 envelope (what POST .../objects/ takes).
inline std::string envelope_json(const std::vector<std::string>& objects) {
  return "{\"objects\":[" + join_objects(objects) + "]}";
}

// A STIX 2.1 bundle (what `tansiq import` takes).
inline std::string bundle_json(const std::vector<std::string>& objects) {
  return "{\"type\":\"bundle\",\"id\":\"" + new_stix_id("bundle") + "\",\"objects\":[" +
         join_objects(objects) + "]}";
}

} // namespace tansiq::test_support
