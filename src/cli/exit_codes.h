// The exit codes of every tansiq command (documented in README.md).
#pragma once

#include "core/result.h"

namespace tansiq::cli {

enum ExitCode : int {
  kSuccess = 0,
  kFailure = 1,       // the store, a file or the network failed
  kUsage = 2,         // wrong command-line arguments
  kInvalidInput = 3,  // the input is not valid (bad JSON, invalid STIX, rejected objects)
  kNotFound = 4,      // no node, collection or user of that name
  kConflict = 5,      // it exists already
};

// Prints "tansiq: <error>" to stderr and returns the matching exit code.
int report(const Error& error);

} // namespace tansiq::cli
