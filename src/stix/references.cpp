#include "stix/references.h"

#include <algorithm>

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

} // namespace tansiq::stix
