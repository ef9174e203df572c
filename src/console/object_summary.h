// A stored STIX object as a row of the console's lists: what a person needs
// to recognise it (type, display name, dates, TLP, labels) and nothing more.
#pragma once

#include "core/result.h"
#include "json/json_writer.h"

#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::console {

struct ObjectSummary {
  std::string id;
  std::string type;
  // name, else value (observables), else relationship_type, else the id.
  std::string display_name;
  std::string created;
  std::string modified;
  std::string tlp; // "TLP:AMBER"..., empty when the object carries no TLP marking
  std::vector<std::string> labels;
  std::string created_by_ref;
  std::string date_added; // when the store took it; filled by callers that know it
};

// Reads the summary from an object's JSON; an error when it is not a JSON object.
Result<ObjectSummary> summarise_object(simdjson::dom::parser& parser, std::string_view json);

// Writes the summary as one JSON object.
void write_summary(json::Writer& writer, const ObjectSummary& summary);

} // namespace tansiq::console
