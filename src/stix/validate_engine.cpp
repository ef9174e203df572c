// The table-driven core of the validator: compiled schemas, the single pass over
// an object's members, violation reporting and JSON-path rendering.
#include "stix/validate_internal.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace tansiq::stix::detail {
namespace {

bool plain_key(std::string_view key) {
  if (key.empty())
    return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-'))
      return false;
  return true;
}

void render_into(const PathNode& node, std::string& out) {
  if (node.parent == nullptr) {
    out.append(node.key);
    return;
  }
  render_into(*node.parent, out);
  if (node.index >= 0) {
    out += '[';
    out += std::to_string(node.index);
    out += ']';
  } else if (plain_key(node.key)) {
    out += '.';
    out.append(node.key);
  } else {
    out += "['";
    for (char c : node.key) {
      if (c == '\'' || c == '\\')
        out += '\\';
      out += c;
    }
    out += "']";
  }
}

// Every schema reachable from the type and extension registries, compiled once.
class Registry {
public:
  Registry() {
    for (auto group : {sdo_types(), sco_types(), meta_types()})
      for (const TypeDef& def : group)
        types_.emplace(def.type, &add(*def.schema));
    for (const ExtensionDef& def : predefined_extensions())
      add(*def.schema);
    custom_sdo_def_ = SchemaDef{"custom object", sdo_common_properties, {}, nullptr};
    custom_sco_def_ = SchemaDef{"custom observable object", sco_common_properties, {}, nullptr};
    custom_sdo_ = &add(custom_sdo_def_);
    custom_sco_ = &add(custom_sco_def_);
  }

  const Schema* type(std::string_view name) const {
    auto found = types_.find(name);
    return found == types_.end() ? nullptr : found->second;
  }
  const Schema& schema(const SchemaDef& def) const {
    auto found = compiled_.find(&def);
    if (found == compiled_.end())
      std::abort(); // a SchemaDef not reachable from the registry: a programming error
    return found->second;
  }
  const Schema& custom(bool observable) const { return observable ? *custom_sco_ : *custom_sdo_; }

private:
  const Schema& add(const SchemaDef& def) {
    auto [it, inserted] = compiled_.try_emplace(&def);
    if (!inserted)
      return it->second;
    Schema& schema = it->second;
    schema.def = &def;
    for (auto part : {def.common, def.own})
      for (const Property& property : part) {
        // An object's own definition of a name overrides the common one.
        auto same = std::find_if(schema.sorted.begin(), schema.sorted.end(),
                                 [&](const Property* p) { return p->name == property.name; });
        if (same != schema.sorted.end())
          *same = &property;
        else
          schema.sorted.push_back(&property);
        if (property.nested)
          add(*property.nested);
      }
    std::sort(schema.sorted.begin(), schema.sorted.end(),
              [](const Property* a, const Property* b) { return a->name < b->name; });
    if (schema.sorted.size() > static_cast<size_t>(max_properties))
      std::abort();
    return schema;
  }

  std::unordered_map<const SchemaDef*, Schema> compiled_;
  std::unordered_map<std::string_view, const Schema*> types_;
  SchemaDef custom_sdo_def_{}, custom_sco_def_{};
  const Schema* custom_sdo_ = nullptr;
  const Schema* custom_sco_ = nullptr;
};

const Registry& registry() {
  static const Registry instance;
  return instance;
}

const char* json_type_name(simdjson::dom::element_type type) {
  using T = simdjson::dom::element_type;
  switch (type) {
  case T::ARRAY:
    return "a list";
  case T::OBJECT:
    return "an object";
  case T::INT64:
  case T::UINT64:
    return "an integer";
  case T::DOUBLE:
    return "a number";
  case T::STRING:
    return "a string";
  case T::BOOL:
    return "a boolean";
  case T::NULL_VALUE:
    return "null";
  }
  return "a value";
}

} // namespace

std::string render(const PathNode& node) {
  std::string out;
  render_into(node, out);
  return out;
}

std::string quoted(std::string_view text) {
  constexpr size_t limit = 80;
  std::string out = "\"";
  if (text.size() > limit) {
    out.append(text.substr(0, limit));
    out += "...";
  } else {
    out.append(text);
  }
  out += '"';
  return out;
}

std::string got(simdjson::dom::element value) {
  return json_type_name(value.type());
}

int Schema::find(std::string_view name) const {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), name,
                             [](const Property* p, std::string_view n) { return p->name < n; });
  if (it == sorted.end() || (*it)->name != name)
    return -1;
  return static_cast<int>(it - sorted.begin());
}

const Schema& compiled(const SchemaDef& def) {
  return registry().schema(def);
}
const Schema* schema_for_type(std::string_view type) {
  return registry().type(type);
}
const Schema& custom_object_schema(bool observable) {
  return registry().custom(observable);
}

const ExtensionDef* find_predefined_extension(std::string_view name) {
  for (const ExtensionDef& def : predefined_extensions()) // a dozen entries
    if (def.name == name)
      return &def;
  return nullptr;
}

void Context::error(const PathNode& at, std::string message) const {
  out.push_back(Violation{Severity::error, render(at), std::move(message)});
}

void Context::warn(const PathNode& at, std::string message) const {
  out.push_back(Violation{Severity::warning, render(at), std::move(message)});
}

bool Checker::has(std::string_view name) const {
  int index = schema.find(name);
  return index >= 0 && (seen >> index & 1);
}

bool Checker::get(std::string_view name, simdjson::dom::element& value) const {
  int index = schema.find(name);
  if (index < 0 || !(seen >> index & 1))
    return false;
  value = values[static_cast<size_t>(index)];
  return true;
}

bool Checker::get_string(std::string_view name, std::string_view& value) const {
  simdjson::dom::element element;
  return get(name, element) && !element.get_string().get(value);
}

bool Checker::get_bool(std::string_view name, bool& value) const {
  simdjson::dom::element element;
  return get(name, element) && !element.get_bool().get(value);
}

void Checker::error(std::string_view name, std::string message) const {
  ctx.error(child(path, name), std::move(message));
}

void Checker::warn(std::string_view name, std::string message) const {
  ctx.warn(child(path, name), std::move(message));
}

void validate_properties(Checker& checker) {
  const Schema& schema = checker.schema;
  const Context& ctx = checker.ctx;
  for (auto [key, value] : checker.object) {
    PathNode at = child(checker.path, key);
    int index = schema.find(key);
    if (index < 0) {
      check_custom_property(ctx, key, value, at);
      continue;
    }
    const Property& property = *schema.sorted[static_cast<size_t>(index)];
    if (property.kind == Kind::not_applicable) {
      ctx.error(at, cat("\"", key, "\" is not a property of ", schema.def->what,
                        " objects: STIX 2.1 marks it not applicable to them"));
      continue;
    }
    if (property.kind == Kind::reserved) {
      ctx.error(at,
                cat("\"", key, "\" is a reserved property name in STIX 2.1 and MUST NOT be used"));
      continue;
    }
    checker.seen |= std::uint64_t{1} << index;
    checker.values[static_cast<size_t>(index)] = value;
    check_value(ctx, property, value, at);
  }
  for (size_t i = 0; i < schema.sorted.size(); ++i)
    if (schema.sorted[i]->required && !(checker.seen >> i & 1))
      ctx.error(child(checker.path, schema.sorted[i]->name),
                cat("required property \"", schema.sorted[i]->name, "\" of ", schema.def->what,
                    " is missing"));
  if (schema.def->check)
    schema.def->check(checker);
}

void validate_nested(const Context& ctx, simdjson::dom::object object, const SchemaDef& def,
                     const PathNode& path) {
  Checker checker{ctx, compiled(def), object, path};
  validate_properties(checker);
}

} // namespace tansiq::stix::detail
