// Writes JSON text into a string: objects, arrays, escaped strings, numbers,
// and pre-serialised fragments (stored STIX objects go out as their own bytes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tansiq::json {

// Appends `text` as a JSON string literal (quotes included).
void append_string(std::string& out, std::string_view text);

class Writer {
public:
  explicit Writer(std::string& out) : out_(out) {}

  Writer& begin_object();
  Writer& end_object();
  Writer& begin_array();
  Writer& end_array();
  Writer& key(std::string_view name);
  Writer& string(std::string_view value);
  Writer& number(std::int64_t value);
  Writer& boolean(bool value);
  // Appends an already valid JSON value as it is.
  Writer& raw(std::string_view json);

  // Shorthands for "key": value.
  Writer& field(std::string_view name, std::string_view value) { return key(name).string(value); }
  Writer& field(std::string_view name, const char* value) { return key(name).string(value); }
  Writer& field(std::string_view name, std::int64_t value) { return key(name).number(value); }
  Writer& field(std::string_view name, bool value) { return key(name).boolean(value); }

private:
  void separate();
  std::string& out_;
  bool needs_comma_ = false;
};

} // namespace tansiq::json
