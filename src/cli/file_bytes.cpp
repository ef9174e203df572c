#include "cli/file_bytes.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace tansiq::cli {

Result<std::string> read_file_bytes(const std::string& path, std::uintmax_t max_bytes,
                                    Error::Kind unreadable) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error)
    return make_error(unreadable, error.message(), path);
  if (size > max_bytes)
    return make_error(Error::Kind::invalid_input,
                      "file of " + std::to_string(size) + " bytes is over the " +
                          std::to_string(max_bytes) + "-byte limit",
                      path);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(Error::Kind::unavailable, "cannot open the file", path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad())
    return make_error(Error::Kind::unavailable, "read error", path);
  return bytes;
}

} // namespace tansiq::cli
