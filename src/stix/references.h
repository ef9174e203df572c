// The identifiers an object refers to: every "*_ref" string and "*_refs" list,
// at any depth (extensions, embedded types), except those named in `skip`.
#pragma once

#include <simdjson.h>
#include <string_view>
#include <vector>

namespace tansiq::stix {

void collect_references(simdjson::dom::element object, std::vector<std::string_view>& out,
                        std::initializer_list<std::string_view> skip = {});

// The same from an object's minified JSON text, without parsing it (the
// store's write path): in valid JSON an unescaped quote always ends a string,
// so `_ref":"` and `_refs":[` can only stand where such a key ends. The views
// point into `json`.
void scan_references(std::string_view json, std::vector<std::string_view>& out,
                     std::initializer_list<std::string_view> skip = {});

} // namespace tansiq::stix
