#include "stix/identifier.h"

#include <cstdlib>
#include <sodium.h>

namespace tansiq::stix {
namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36)
    return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? text[i] != '-' : !is_hex(text[i]))
      return false;
  }
  return true;
}

} // namespace

bool is_valid_type_name(std::string_view type) {
  if (type.size() < 3 || type.size() > 250 || type.front() == '-' || type.back() == '-')
    return false;
  for (size_t i = 0; i < type.size(); ++i) {
    char c = type[i];
    bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed || (c == '-' && type[i + 1] == '-'))
      return false;
  }
  return true;
}

std::string_view identifier_type(std::string_view id) {
  size_t separator = id.find("--");
  if (separator == std::string_view::npos || id.size() - separator - 2 != 36)
    return {};
  std::string_view type = id.substr(0, separator);
  if (!is_valid_type_name(type) || !is_uuid(id.substr(separator + 2)))
    return {};
  return type;
}

bool is_valid_identifier(std::string_view id) { return !identifier_type(id).empty(); }

std::string make_identifier(std::string_view type) {
  if (sodium_init() < 0) // idempotent; only fails when no entropy source exists
    std::abort();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  static constexpr char digits[] = "0123456789abcdef";
  std::string id(type);
  id += "--";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10)
      id += '-';
    id += digits[bytes[i] >> 4];
    id += digits[bytes[i] & 0x0f];
  }
  return id;
}

} // namespace tansiq::stix
