// Reads a STIX 2.1 bundle (or a TAXII 2.1 envelope) into validated objects,
// each kept as its exact minified JSON bytes so that they can be stored once and
// served verbatim.
#pragma once

#include "core/result.h"
#include "stix/timestamp.h"
#include "stix/violation.h"

#include <string>
#include <string_view>
#include <vector>

namespace tansiq::stix {

struct ParsedObject {
  std::string id;
  std::string type;
  std::string spec_version;
  std::string version; // "modified", else "created", else empty (some SCOs)
  MicrosSinceEpoch version_micros = 0;
  std::string json; // the object as received, whitespace removed
  std::string path; // "$.objects[N]"
  std::vector<std::string> object_marking_refs = {};
};

struct RejectedObject {
  std::string id; // may be empty when the object had no usable id
  std::string path;
  std::vector<Violation> violations;
};

struct ParsedBundle {
  std::vector<ParsedObject> accepted;
  std::vector<RejectedObject> rejected;
  std::vector<Violation> warnings; // on accepted objects
};

enum class Container {
  bundle,   // {"type":"bundle","id":"bundle--...","objects":[...]}
  envelope, // TAXII 2.1: {"objects":[...], "more":..., "next":...}
  either,
};

// Fails (with what and where) only when the input is not JSON or not a
// bundle/envelope at all; invalid objects are listed in `rejected`.
Result<ParsedBundle> read_bundle(std::string_view bytes, Container container);

} // namespace tansiq::stix
