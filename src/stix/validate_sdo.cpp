// STIX Domain Objects (section 4) and STIX Relationship Objects (section 5):
// per-type property tables and co-constraints.
#include "stix/validate_internal.h"

namespace tansiq::stix::detail {
namespace {

using simdjson::dom::element;

constexpr Property str(std::string_view name, bool required = false, const Vocab* vocab = nullptr) {
  return {.name = name, .kind = Kind::string, .required = required, .vocab = vocab};
}
constexpr Property strings(std::string_view name, const Vocab* vocab = nullptr) {
  return {.name = name, .kind = Kind::string_list, .vocab = vocab};
}
constexpr Property when(std::string_view name, bool required = false) {
  return {.name = name, .kind = Kind::timestamp, .required = required};
}
constexpr Property ref(std::string_view name, const RefRule& rule, bool required = false) {
  return {.name = name, .kind = Kind::identifier, .required = required, .refs = &rule};
}
constexpr Property refs_list(std::string_view name, const RefRule& rule, bool required = false) {
  return {.name = name, .kind = Kind::identifier_list, .required = required, .refs = &rule};
}
constexpr Property phases{.name = "kill_chain_phases", .kind = Kind::kill_chain_phases};
constexpr Property description = str("description");

void seen_order(Checker& checker) {
  check_order(checker, "first_seen", "last_seen", false);
}

// --- SDOs -----------------------------------------------------------------

constexpr Property attack_pattern[] = {str("name", true), description, strings("aliases"), phases};

constexpr Property campaign[] = {str("name", true),  description,       strings("aliases"),
                                 when("first_seen"), when("last_seen"), str("objective")};

constexpr Property course_of_action[] = {str("name", true), description};

constexpr Property grouping[] = {str("name"), description,
                                 str("context", true, &vocab::grouping_context),
                                 refs_list("object_refs", refs::any_object, true)};

constexpr Property identity[] = {str("name", true),
                                 description,
                                 strings("roles"),
                                 str("identity_class", false, &vocab::identity_class),
                                 strings("sectors", &vocab::industry_sector),
                                 str("contact_information")};

constexpr Property incident[] = {str("name", true), description, phases};

constexpr Property indicator[] = {str("name"),
                                  description,
                                  strings("indicator_types", &vocab::indicator_type),
                                  str("pattern", true),
                                  str("pattern_type", true, &vocab::pattern_type),
                                  str("pattern_version"),
                                  when("valid_from", true),
                                  when("valid_until"),
                                  phases};

void check_indicator(Checker& checker) {
  check_order(checker, "valid_from", "valid_until", true);
  std::string_view pattern;
  if (checker.get_string("pattern", pattern) && pattern.empty())
    checker.error("pattern", "must not be empty: an indicator's pattern is its detection logic");
}

constexpr Property infrastructure[] = {
    str("name", true),  description, strings("infrastructure_types", &vocab::infrastructure_type),
    strings("aliases"), phases,      when("first_seen"),
    when("last_seen")};

constexpr Property intrusion_set[] = {str("name", true),
                                      description,
                                      strings("aliases"),
                                      when("first_seen"),
                                      when("last_seen"),
                                      strings("goals"),
                                      str("resource_level", false, &vocab::attack_resource_level),
                                      str("primary_motivation", false, &vocab::attack_motivation),
                                      strings("secondary_motivations", &vocab::attack_motivation)};

constexpr Property location[] = {
    str("name"),
    description,
    {.name = "latitude", .kind = Kind::number, .min = -90, .max = 90},
    {.name = "longitude", .kind = Kind::number, .min = -180, .max = 180},
    {.name = "precision", .kind = Kind::number, .min = 0},
    str("region", false, &vocab::region),
    str("country"),
    str("administrative_area"),
    str("city"),
    str("street_address"),
    str("postal_code")};

void check_location(Checker& checker) {
  bool latitude = checker.has("latitude"), longitude = checker.has("longitude");
  if (latitude != longitude)
    checker.error(latitude ? "longitude" : "latitude",
                  "\"latitude\" and \"longitude\" MUST be given together");
  if (checker.has("precision") && !(latitude && longitude))
    checker.error("precision", "\"precision\" requires both \"latitude\" and \"longitude\"");
  if (!checker.has("region") && !checker.has("country") && !(latitude && longitude))
    checker.error_here("a location MUST have at least one of \"region\", \"country\", or "
                       "\"latitude\" with \"longitude\"");
}

constexpr Property malware[] = {
    str("name"),
    description,
    strings("malware_types", &vocab::malware_type),
    {.name = "is_family", .kind = Kind::boolean, .required = true},
    strings("aliases"),
    phases,
    when("first_seen"),
    when("last_seen"),
    refs_list("operating_system_refs", refs::software),
    strings("architecture_execution_envs", &vocab::processor_architecture),
    strings("implementation_languages", &vocab::implementation_language),
    strings("capabilities", &vocab::malware_capabilities),
    refs_list("sample_refs", refs::file_or_artifact)};

void check_malware(Checker& checker) {
  seen_order(checker);
  bool is_family = false;
  if (checker.get_bool("is_family", is_family) && is_family && !checker.has("name"))
    checker.error("name", "required property \"name\" is missing: a malware family "
                          "(\"is_family\": true) MUST have a name");
}

constexpr Property malware_analysis[] = {str("product", true),
                                         str("version"),
                                         ref("host_vm_ref", refs::software),
                                         ref("operating_system_ref", refs::software),
                                         refs_list("installed_software_refs", refs::software),
                                         str("configuration_version"),
                                         strings("modules"),
                                         str("analysis_engine_version"),
                                         str("analysis_definition_version"),
                                         when("submitted"),
                                         when("analysis_started"),
                                         when("analysis_ended"),
                                         str("result_name"),
                                         str("result", false, &vocab::malware_av_result),
                                         refs_list("analysis_sco_refs", refs::sco),
                                         ref("sample_ref", refs::sample)};

void check_malware_analysis(Checker& checker) {
  if (!checker.has("result") && !checker.has("analysis_sco_refs"))
    checker.error_here(
        "a malware-analysis MUST have \"result\" or \"analysis_sco_refs\" (or both)");
}

constexpr Property note[] = {str("abstract"), str("content", true), strings("authors"),
                             refs_list("object_refs", refs::any_object, true)};

constexpr Property observed_data[] = {when("first_observed", true),
                                      when("last_observed", true),
                                      {.name = "number_observed",
                                       .kind = Kind::integer,
                                       .required = true,
                                       .min = 1,
                                       .max = 999999999},
                                      {.name = "objects", .kind = Kind::object},
                                      refs_list("object_refs", refs::sco_or_sro)};

void check_observed_data(Checker& checker) {
  check_order(checker, "first_observed", "last_observed", false);
  bool objects = checker.has("objects"), object_refs = checker.has("object_refs");
  if (objects && object_refs)
    checker.error("objects", "\"objects\" MUST NOT be present together with \"object_refs\"");
  else if (!objects && !object_refs)
    checker.error("object_refs", "required property \"object_refs\" of observed-data is missing");
  else if (objects)
    checker.warn("objects", "\"objects\" is deprecated in STIX 2.1; use \"object_refs\" to "
                            "reference SCOs");
}

constexpr Property opinion[] = {str("explanation"), strings("authors"),
                                str("opinion", true, &vocab::opinion),
                                refs_list("object_refs", refs::any_object, true)};

constexpr Property report[] = {
    str("name", true), description, strings("report_types", &vocab::report_type),
    when("published", true), refs_list("object_refs", refs::any_object, true)};

constexpr Property threat_actor[] = {
    str("name", true),
    description,
    strings("threat_actor_types", &vocab::threat_actor_type),
    strings("aliases"),
    when("first_seen"),
    when("last_seen"),
    strings("roles", &vocab::threat_actor_role),
    strings("goals"),
    str("sophistication", false, &vocab::threat_actor_sophistication),
    str("resource_level", false, &vocab::attack_resource_level),
    str("primary_motivation", false, &vocab::attack_motivation),
    strings("secondary_motivations", &vocab::attack_motivation),
    strings("personal_motivations", &vocab::attack_motivation)};

constexpr Property tool[] = {
    str("name", true),  description, strings("tool_types", &vocab::tool_type),
    strings("aliases"), phases,      str("tool_version")};

constexpr Property vulnerability[] = {str("name", true), description};

// --- SROs -----------------------------------------------------------------

constexpr Property relationship[] = {str("relationship_type", true),
                                     description,
                                     ref("source_ref", refs::sdo_or_sco, true),
                                     ref("target_ref", refs::sdo_or_sco, true),
                                     when("start_time"),
                                     when("stop_time")};

void check_relationship(Checker& checker) {
  check_order(checker, "start_time", "stop_time", true);
  std::string_view type;
  if (!checker.get_string("relationship_type", type))
    return;
  bool ok = type.size() >= 3 && type.size() <= 250 && type.front() != '-' && type.back() != '-';
  for (char c : type)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok)
    checker.error("relationship_type",
                  cat(quoted(type), " is not a valid relationship type: 3-250 characters of "
                                    "a-z, 0-9 and '-'"));
}

constexpr Property sighting[] = {
    description,
    when("first_seen"),
    when("last_seen"),
    {.name = "count", .kind = Kind::integer, .min = 0, .max = 999999999},
    ref("sighting_of_ref", refs::sdo, true),
    refs_list("observed_data_refs", refs::observed_data),
    refs_list("where_sighted_refs", refs::identity_or_location),
    {.name = "summary", .kind = Kind::boolean}};

#define TANSIQ_SDO(var, type, check)                                                               \
  const SchemaDef var##_schema{type, sdo_common_properties, var, check};
TANSIQ_SDO(attack_pattern, "attack-pattern", nullptr)
TANSIQ_SDO(campaign, "campaign", seen_order)
TANSIQ_SDO(course_of_action, "course-of-action", nullptr)
TANSIQ_SDO(grouping, "grouping", nullptr)
TANSIQ_SDO(identity, "identity", nullptr)
TANSIQ_SDO(incident, "incident", nullptr)
TANSIQ_SDO(indicator, "indicator", check_indicator)
TANSIQ_SDO(infrastructure, "infrastructure", seen_order)
TANSIQ_SDO(intrusion_set, "intrusion-set", seen_order)
TANSIQ_SDO(location, "location", check_location)
TANSIQ_SDO(malware, "malware", check_malware)
TANSIQ_SDO(malware_analysis, "malware-analysis", check_malware_analysis)
TANSIQ_SDO(note, "note", nullptr)
TANSIQ_SDO(observed_data, "observed-data", check_observed_data)
TANSIQ_SDO(opinion, "opinion", nullptr)
TANSIQ_SDO(report, "report", nullptr)
TANSIQ_SDO(threat_actor, "threat-actor", seen_order)
TANSIQ_SDO(tool, "tool", nullptr)
TANSIQ_SDO(vulnerability, "vulnerability", nullptr)
TANSIQ_SDO(relationship, "relationship", check_relationship)
TANSIQ_SDO(sighting, "sighting", seen_order)
#undef TANSIQ_SDO

const TypeDef types[] = {
    {"attack-pattern", Category::sdo, &attack_pattern_schema},
    {"campaign", Category::sdo, &campaign_schema},
    {"course-of-action", Category::sdo, &course_of_action_schema},
    {"grouping", Category::sdo, &grouping_schema},
    {"identity", Category::sdo, &identity_schema},
    {"incident", Category::sdo, &incident_schema},
    {"indicator", Category::sdo, &indicator_schema},
    {"infrastructure", Category::sdo, &infrastructure_schema},
    {"intrusion-set", Category::sdo, &intrusion_set_schema},
    {"location", Category::sdo, &location_schema},
    {"malware", Category::sdo, &malware_schema},
    {"malware-analysis", Category::sdo, &malware_analysis_schema},
    {"note", Category::sdo, &note_schema},
    {"observed-data", Category::sdo, &observed_data_schema},
    {"opinion", Category::sdo, &opinion_schema},
    {"report", Category::sdo, &report_schema},
    {"threat-actor", Category::sdo, &threat_actor_schema},
    {"tool", Category::sdo, &tool_schema},
    {"vulnerability", Category::sdo, &vulnerability_schema},
    {"relationship", Category::sro, &relationship_schema},
    {"sighting", Category::sro, &sighting_schema},
};

} // namespace

std::span<const TypeDef> sdo_types() {
  return types;
}

} // namespace tansiq::stix::detail
