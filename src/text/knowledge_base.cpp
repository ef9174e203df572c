#include "text/knowledge_base.h"

#include "text/normalise.h"
#include "text/tokenise.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace tansiq::text {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (true) {
    std::size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos)
      break;
    i = j + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool parse_type(std::string_view s, EntityType& type) {
  static constexpr std::pair<std::string_view, EntityType> names[] = {
      {"person", EntityType::person},
      {"organization", EntityType::organization},
      {"organisation", EntityType::organization},
      {"group", EntityType::group},
      {"location", EntityType::location},
      {"place", EntityType::location},
      {"nationality", EntityType::nationality},
      {"given_name", EntityType::given_name}};
  for (const auto& [name, t] : names)
    if (name == s) {
      type = t;
      return true;
    }
  return false;
}

} // namespace

const char* to_string(EntityType type) {
  switch (type) {
  case EntityType::person:
    return "person";
  case EntityType::organization:
    return "organization";
  case EntityType::group:
    return "group";
  case EntityType::location:
    return "location";
  case EntityType::nationality:
    return "nationality";
  case EntityType::given_name:
    return "given_name";
  }
  return "?";
}

std::string KnowledgeBase::key_of(std::string_view name) {
  NormalisedText n = normalise(name);
  std::string key;
  for (const Token& t : tokenise(n)) {
    if (!key.empty())
      key += ' ';
    key += t.norm;
  }
  return key;
}

uint32_t KnowledgeBase::record_for(std::string_view id, EntityType type, std::string_view subtype) {
  auto it = by_id_.find(std::string(id));
  if (it != by_id_.end())
    return it->second;
  auto index = static_cast<uint32_t>(records_.size());
  EntityRecord record;
  record.id = std::string(id);
  record.type = type;
  record.subtype = std::string(subtype);
  records_.push_back(std::move(record));
  by_id_.emplace(std::string(id), index);
  return index;
}

void KnowledgeBase::add_name(uint32_t index, std::string_view name) {
  name = trim(name);
  if (name.empty())
    return;
  std::string key = key_of(name);
  if (key.empty())
    return;
  auto& names = records_[index].names;
  if (std::find(names.begin(), names.end(), name) == names.end())
    names.emplace_back(name);
  auto& list = by_key_[key];
  if (std::find(list.begin(), list.end(), index) == list.end())
    list.push_back(index);
  for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1))
    prefixes_.insert(key.substr(0, at));
}

Result<void> KnowledgeBase::add_tsv(std::string_view tsv, std::string_view origin) {
  std::size_t line_number = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_number;
    if (trim(line).empty() || trim(line)[0] == '#')
      continue;
    auto columns = split(line, '\t');
    std::string where = std::string(origin) + ":" + std::to_string(line_number);
    if (columns.size() < 3 || trim(columns[0]).empty())
      return make_error(Error::Kind::invalid_input, "expected id, type and names", where);
    std::string_view type_text = trim(columns[1]);
    std::string_view subtype;
    if (auto colon = type_text.find(':'); colon != std::string_view::npos) {
      subtype = type_text.substr(colon + 1);
      type_text = type_text.substr(0, colon);
    }
    EntityType type;
    if (!parse_type(type_text, type))
      return make_error(Error::Kind::invalid_input, "unknown type '" + std::string(type_text) + "'",
                        where);
    uint32_t index = record_for(trim(columns[0]), type, subtype);
    for (std::size_t c = 2; c < std::min<std::size_t>(columns.size(), 6); ++c)
      for (std::string_view name : split(columns[c], '|'))
        add_name(index, name);
    if (columns.size() > 6 && records_[index].country.empty())
      records_[index].country = std::string(trim(columns[6]));
  }
  return {};
}

void KnowledgeBase::add_icu_countries() {
  const icu::Locale ar("ar"), fr("fr"), en("en");
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    icu::Locale country("", *code);
    std::string id = std::string("country:") + *code;
    uint32_t index = record_for(id, EntityType::location, "country");
    if (records_[index].country.empty())
      records_[index].country = *code;
    for (const icu::Locale* in : {&ar, &fr, &en}) {
      icu::UnicodeString name;
      country.getDisplayCountry(*in, name);
      std::string utf8;
      name.toUTF8String(utf8);
      if (!utf8.empty() && utf8 != *code)
        add_name(index, utf8);
    }
  }
}

const EntityRecord* KnowledgeBase::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &records_[it->second];
}

const std::vector<uint32_t>* KnowledgeBase::lookup(std::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &it->second;
}

} // namespace tansiq::text
