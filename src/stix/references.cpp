#include "stix/references.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace tansiq::stix {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

void walk(simdjson::dom::element element, std::vector<std::string_view>& out,
          std::initializer_list<std::string_view> skip) {
  simdjson::dom::array array;
  if (!element.get_array().get(array)) {
    for (auto item : array)
      walk(item, out, skip);
    return;
  }
  simdjson::dom::object object;
  if (element.get_object().get(object))
    return;
  for (auto field : object) {
    std::string_view key = field.key;
    if (std::find(skip.begin(), skip.end(), key) != skip.end())
      continue;
    std::string_view text;
    if (ends_with(key, "_ref") && !field.value.get_string().get(text)) {
      out.push_back(text);
    } else if (ends_with(key, "_refs") && !field.value.get_array().get(array)) {
      for (auto item : array)
        if (!item.get_string().get(text))
          out.push_back(text);
    } else {
      walk(field.value, out, skip);
    }
  }
}

} // namespace

void collect_references(simdjson::dom::element object, std::vector<std::string_view>& out,
                        std::initializer_list<std::string_view> skip) {
  walk(object, out, skip);
}

namespace {

// The string starting at json[at] (which must be '"'): its content, and the
// position after its closing quote. Identifiers hold no escapes.
std::optional<std::pair<std::string_view, size_t>> string_at(std::string_view json, size_t at) {
  if (at >= json.size() || json[at] != '"')
    return std::nullopt;
  size_t close = json.find('"', at + 1);
  if (close == std::string_view::npos)
    return std::nullopt;
  return std::pair{json.substr(at + 1, close - at - 1), close + 1};
}

} // namespace

void scan_references(std::string_view json, std::vector<std::string_view>& out,
                     std::initializer_list<std::string_view> skip) {
  size_t from = 0;
  for (;;) {
    size_t found = json.find("_ref", from);
    if (found == std::string_view::npos)
      return;
    size_t end = found + 4;
    bool list = end < json.size() && json[end] == 's';
    if (list)
      ++end;
    from = end;
    if (json.substr(end, 2) != "\":")
      continue; // "_ref" inside a longer key or a value
    size_t key_start = json.rfind('"', found);
    if (key_start == std::string_view::npos)
      return;
    std::string_view key = json.substr(key_start + 1, end - key_start - 1);
    if (std::find(skip.begin(), skip.end(), key) != skip.end())
      continue;
    size_t at = end + 2;
    if (!list) {
      if (auto value = string_at(json, at)) {
        out.push_back(value->first);
        from = value->second;
      }
      continue;
    }
    if (at >= json.size() || json[at] != '[')
      continue;
    ++at;
    while (auto value = string_at(json, at)) {
      out.push_back(value->first);
      at = value->second;
      if (at >= json.size() || json[at] != ',')
        break;
      ++at;
    }
    from = at;
  }
}

} // namespace tansiq::stix
