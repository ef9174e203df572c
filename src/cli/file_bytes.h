// Reads a whole file named on the command line, refusing it unread when it is
// over a size limit (the commands that take one file or many articles).
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace tansiq::cli {

// `unreadable`: the error kind when the file cannot even be sized (missing,
// not a regular file), which each command reports with its own exit status.
Result<std::string> read_file_bytes(const std::string& path, std::uintmax_t max_bytes,
                                    Error::Kind unreadable);

} // namespace tansiq::cli
