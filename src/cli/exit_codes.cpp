#include "cli/exit_codes.h"

#include <cstdio>

namespace tansiq::cli {

int report(const Error& error) {
  std::fprintf(stderr, "tansiq: %s\n", error.describe().c_str());
  switch (error.kind) {
  case Error::Kind::invalid_input:
    return kInvalidInput;
  case Error::Kind::not_found:
    return kNotFound;
  case Error::Kind::conflict:
    return kConflict;
  default:
    return kFailure;
  }
}

} // namespace tansiq::cli
