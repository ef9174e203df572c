// STIX objects with text, as JSON, for the search tests.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace tansiq::test_support {

inline std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

inline std::string json_strings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const auto& value : values)
    out += (out.size() > 1 ? "," : "") + json_string(value);
  return out + "]";
}

struct ReportSpec {
  std::string id, name, description, lang = "ar", published = "2021-12-21T00:00:00.000Z";
  std::vector<std::string> refs = {"identity--00000000-0000-4000-8000-0000000000ff"};
  std::string modified = "2024-01-01T00:00:00.000Z";
};

inline std::string report_json(const ReportSpec& r) {
  return R"({"type":"report","spec_version":"2.1","id":")" + r.id +
         R"(","created":"2024-01-01T00:00:00.000Z","modified":")" + r.modified + R"(","name":)" +
         json_string(r.name) + R"(,"description":)" + json_string(r.description) +
         R"(,"published":")" + r.published + R"(","lang":")" + r.lang + R"(","object_refs":)" +
         json_strings(r.refs) + "}";
}

inline std::string identity_json(const std::string& id, const std::string& name,
                                 const std::vector<std::string>& aliases,
                                 const std::string& description = {}) {
  std::string json =
      R"({"type":"identity","spec_version":"2.1","id":")" + id +
      R"(","created":"2023-05-01T00:00:00.000Z","modified":"2023-05-01T00:00:00.000Z","name":)" +
      json_string(name) + R"(,"identity_class":"organization")";
  if (!aliases.empty())
    json += R"(,"aliases":)" + json_strings(aliases);
  if (!description.empty())
    json += R"(,"description":)" + json_string(description);
  return json + "}";
}

inline std::string uuid_id(const std::string& type, int n) {
  char tail[16];
  std::snprintf(tail, sizeof tail, "%012d", n);
  return type + "--00000000-0000-4000-8000-" + tail;
}

} // namespace tansiq::test_support
