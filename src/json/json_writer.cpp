#include "json/json_writer.h"

namespace tansiq::json {

void append_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  size_t clean_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    out.append(text.data() + clean_start, i - clean_start);
    clean_start = i + 1;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
  out.append(text.data() + clean_start, text.size() - clean_start);
  out += '"';
}

void Writer::separate() {
  if (needs_comma_)
    out_ += ',';
}

Writer& Writer::begin_object() {
  separate();
  out_ += '{';
  needs_comma_ = false;
  return *this;
}

Writer& Writer::end_object() {
  out_ += '}';
  needs_comma_ = true;
  return *this;
}

Writer& Writer::begin_array() {
  separate();
  out_ += '[';
  needs_comma_ = false;
  return *this;
}

Writer& Writer::end_array() {
  out_ += ']';
  needs_comma_ = true;
  return *this;
}

Writer& Writer::key(std::string_view name) {
  separate();
  append_string(out_, name);
  out_ += ':';
  needs_comma_ = false;
  return *this;
}

Writer& Writer::string(std::string_view value) {
  separate();
  append_string(out_, value);
  needs_comma_ = true;
  return *this;
}

Writer& Writer::number(std::int64_t value) {
  separate();
  out_ += std::to_string(value);
  needs_comma_ = true;
  return *this;
}

Writer& Writer::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  needs_comma_ = true;
  return *this;
}

Writer& Writer::raw(std::string_view json) {
  separate();
  out_ += json;
  needs_comma_ = true;
  return *this;
}

} // namespace tansiq::json
