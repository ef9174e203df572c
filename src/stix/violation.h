// One finding of the STIX validator: where in the JSON, what is wrong, how bad.
#pragma once

#include <string>

namespace tansiq::stix {

enum class Severity {
  error,   // the object is not valid STIX 2.1 and is rejected
  warning, // valid, but off a recommendation (e.g. a value outside an open vocabulary)
};

struct Violation {
  Severity severity = Severity::error;
  std::string path;    // JSONPath of the offending value, e.g. "$.objects[3].created"
  std::string message; // what is wrong and why, e.g. "must be a timestamp ending in Z"
};

} // namespace tansiq::stix
