#include "taxii/media_type.h"

#include <cctype>
#include <string>

namespace tansiq::taxii {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Does one media range (e.g. "application/taxii+json; version=2.1; q=0.5") admit TAXII 2.1?
bool range_admits_taxii(std::string_view range) {
  std::string text = lower(range);
  std::string_view view(text);
  size_t semicolon = view.find(';');
  std::string_view type = trim(view.substr(0, semicolon));
  std::string_view version;
  bool zero_quality = false;
  while (semicolon != std::string_view::npos) {
    view.remove_prefix(semicolon + 1);
    semicolon = view.find(';');
    std::string_view parameter = trim(view.substr(0, semicolon));
    size_t equals = parameter.find('=');
    if (equals == std::string_view::npos)
      continue;
    std::string_view name = trim(parameter.substr(0, equals));
    std::string_view value = trim(parameter.substr(equals + 1));
    if (!value.empty() && value.front() == '"' && value.back() == '"' && value.size() >= 2)
      value = value.substr(1, value.size() - 2);
    if (name == "version")
      version = value;
    else if (name == "q")
      zero_quality = value.find_first_not_of("0.") == std::string_view::npos;
  }
  if (zero_quality)
    return false;
  if (type == "*/*" || type == "application/*")
    return true;
  return type == "application/taxii+json" && (version.empty() || version == "2.1");
}

} // namespace

bool accepts_taxii(std::string_view accept) {
  if (trim(accept).empty())
    return true;
  size_t start = 0;
  while (start <= accept.size()) {
    size_t comma = accept.find(',', start);
    if (range_admits_taxii(accept.substr(start, comma - start)))
      return true;
    if (comma == std::string_view::npos)
      break;
    start = comma + 1;
  }
  return false;
}

bool is_taxii_content(std::string_view content_type) {
  std::string text = lower(content_type);
  std::string_view view(text);
  size_t semicolon = view.find(';');
  if (trim(view.substr(0, semicolon)) != "application/taxii+json")
    return false;
  if (semicolon == std::string_view::npos)
    return true;
  std::string_view rest = view.substr(semicolon + 1);
  size_t version = rest.find("version");
  if (version == std::string_view::npos)
    return true;
  std::string_view value = trim(rest.substr(rest.find('=', version) + 1));
  value = value.substr(0, value.find(';'));
  return trim(value) == "2.1";
}

} // namespace tansiq::taxii
