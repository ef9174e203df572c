// Data markings (STIX 2.1 section 7.2): granular markings with their selectors,
// and the marking-definition co-constraints, including the four predefined
// TLP 1.0 marking definitions.
#include "stix/tlp.h"
#include "stix/validate_internal.h"

namespace tansiq::stix::detail {
namespace {

using simdjson::dom::element;

bool is_selector_key(std::string_view key) {
  if (key.empty() || key.size() > 250)
    return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-'))
      return false;
  return true;
}

bool is_index(std::string_view component, size_t& index) {
  if (component.size() < 3 || component.front() != '[' || component.back() != ']')
    return false;
  index = 0;
  for (char c : component.substr(1, component.size() - 2)) {
    if (c < '0' || c > '9')
      return false;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return true;
}

// Checks one selector's syntax and that it resolves inside `root`.
void check_selector(const Context& ctx, std::string_view selector, const PathNode& path) {
  if (selector.empty()) {
    ctx.error(path, "a selector must not be empty");
    return;
  }
  element current = ctx.root;
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t end = selector.find('.', start);
    std::string_view component =
        selector.substr(start, end == std::string_view::npos ? end : end - start);
    size_t index = 0;
    if (is_index(component, index)) {
      simdjson::dom::array list;
      if (first || current.get_array().get(list)) {
        ctx.error(path, cat("selector ", quoted(selector), ": component \"", component,
                            "\" indexes something that is not a list"));
        return;
      }
      if (list.at(index).get(current)) {
        ctx.error(path, cat("selector ", quoted(selector), " does not resolve: index ", component,
                            " is past the end of the list; selectors MUST refer to "
                            "content present in the object"));
        return;
      }
    } else if (is_selector_key(component)) {
      simdjson::dom::object object;
      if (current.get_object().get(object) || object[component].get(current)) {
        ctx.error(path,
                  cat("selector ", quoted(selector), " does not resolve: there is no \"", component,
                      "\" property there; selectors MUST refer to content "
                      "present in the object"));
        return;
      }
    } else {
      ctx.error(path,
                cat("selector ", quoted(selector), " is malformed: component ", quoted(component),
                    " is neither a property name nor a list index like [0]"));
      return;
    }
    if (end == std::string_view::npos)
      return;
    first = false;
    start = end + 1;
  }
}

void check_granular_marking(const Context& ctx, simdjson::dom::object marking,
                            const PathNode& path) {
  bool has_selectors = false, has_ref = false, has_lang = false;
  for (auto [key, value] : marking) {
    PathNode at = child(path, key);
    if (key == "selectors") {
      has_selectors = true;
      simdjson::dom::array list;
      if (value.get_array().get(list)) {
        ctx.error(at, cat("must be a list of selector strings; got ", got(value)));
        continue;
      }
      if (list.size() == 0)
        ctx.error(at, "must not be empty: a granular marking applies to at least one selector");
      std::int64_t i = 0;
      for (element item : list) {
        PathNode item_at = at_index(at, i++);
        std::string_view selector;
        if (item.get_string().get(selector))
          ctx.error(item_at, cat("a selector must be a string; got ", got(item)));
        else
          check_selector(ctx, selector, item_at);
      }
    } else if (key == "marking_ref") {
      has_ref = true;
      check_identifier(ctx, value, &refs::marking_definition, at);
    } else if (key == "lang") {
      has_lang = true;
      std::string_view lang;
      if (value.get_string().get(lang))
        ctx.error(at, cat("must be a string; got ", got(value)));
      else if (!is_language_tag(lang))
        ctx.error(at, cat(quoted(lang), " is not an RFC 5646 language tag"));
    } else {
      check_custom_property(ctx, key, value, at);
    }
  }
  if (!has_selectors)
    ctx.error(child(path, "selectors"),
              "required property \"selectors\" of a granular marking is missing");
  if (has_ref && has_lang)
    ctx.error(path, "a granular marking MUST NOT have both \"marking_ref\" and \"lang\"");
  else if (!has_ref && !has_lang)
    ctx.error(path, "a granular marking MUST have one of \"marking_ref\" or \"lang\"");
}

constexpr std::string_view tlp_created = "2017-01-20T00:00:00.000Z";

// One of the four TLP 1.0 definitions STIX 2.1 predefines (stix/tlp.h holds the ids).
const TlpMarking* find_tlp(std::string_view id) {
  for (const TlpMarking& tlp : tlp_markings())
    if (tlp.tlp_version == 1 && tlp.id == id)
      return &tlp;
  return nullptr;
}

// The TLP 1.0 definitions are fixed by the specification (section 7.2.1.4).
void check_tlp(Checker& checker, const TlpMarking& tlp, std::string_view definition_type,
               std::string_view level) {
  std::string_view name, created;
  if (!checker.get_string("name", name) || name != tlp.defined_name)
    checker.error("name", cat("the predefined ", tlp.defined_name,
                              " marking definition MUST have "
                              "\"name\": \"",
                              tlp.defined_name, "\""));
  if (!checker.get_string("created", created) || created != tlp_created)
    checker.error("created", cat("the predefined ", tlp.defined_name,
                                 " marking definition MUST have "
                                 "\"created\": \"",
                                 tlp_created, "\""));
  if (definition_type != "tlp")
    checker.error("definition_type", cat("the predefined ", tlp.defined_name,
                                         " marking definition MUST have \"definition_type\": "
                                         "\"tlp\""));
  if (level != tlp.defined_level)
    checker.error("definition", cat("the predefined ", tlp.defined_name,
                                    " marking definition MUST "
                                    "have \"definition\": {\"tlp\": \"",
                                    tlp.defined_level, "\"}"));
}

} // namespace

void check_granular_markings(const Context& ctx, element value, const PathNode& path) {
  simdjson::dom::array list;
  if (value.get_array().get(list)) {
    ctx.error(path, cat("must be a list of granular markings; got ", got(value)));
    return;
  }
  if (list.size() == 0)
    ctx.error(path, "must not be an empty list: STIX 2.1 prohibits empty lists");
  for_each_listed_object(ctx, list, path, "a granular marking must be an object",
                         [&](simdjson::dom::object marking, const PathNode& at) {
                           check_granular_marking(ctx, marking, at);
                         });
}

void check_marking_definition(Checker& checker) {
  std::string_view id, definition_type, level;
  checker.get_string("id", id);
  bool has_type = checker.get_string("definition_type", definition_type);
  element definition;
  bool has_definition = checker.get("definition", definition);
  if (!checker.has("extensions")) {
    if (!checker.has("definition_type"))
      checker.error("definition_type", "required property \"definition_type\" is missing: a "
                                       "marking definition without \"extensions\" MUST have it");
    if (!has_definition)
      checker.error("definition", "required property \"definition\" is missing: a marking "
                                  "definition without \"extensions\" MUST have it");
  } else if (checker.has("definition_type") != has_definition) {
    checker.error(has_definition ? "definition_type" : "definition",
                  "\"definition\" and \"definition_type\" MUST be given together");
  }
  simdjson::dom::object body;
  if (has_definition && has_type && !definition.get_object().get(body)) {
    PathNode definition_path = child(checker.path, "definition");
    if (definition_type == "statement") {
      element statement;
      if (body["statement"].get(statement))
        checker.ctx.error(child(definition_path, "statement"),
                          "a statement marking definition MUST have a \"statement\" string");
      else if (!statement.is_string())
        checker.ctx.error(child(definition_path, "statement"),
                          cat("must be a string; got ", got(statement)));
    } else if (definition_type == "tlp") {
      element tlp;
      if (body["tlp"].get(tlp) || tlp.get_string().get(level))
        checker.ctx.error(child(definition_path, "tlp"),
                          "a TLP marking definition MUST have a \"tlp\" string");
      else
        check_vocab(checker.ctx, vocab::tlp_level, level, child(definition_path, "tlp"));
      if (!find_tlp(id))
        checker.error("id", cat(quoted(id), " is not one of the four predefined TLP 1.0 "
                                            "marking definitions; other TLP marking "
                                            "definitions MUST NOT be created"));
    }
  }
  if (const TlpMarking* tlp = find_tlp(id))
    check_tlp(checker, *tlp, definition_type, level);
}

} // namespace tansiq::stix::detail
