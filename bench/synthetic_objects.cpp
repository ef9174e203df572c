#include "synthetic_objects.h"
#include "stix/tlp.h"

#include <cstdio>
#include <optional>

namespace tansiq::bench {
namespace {

const char* const kTypes[] = {"indicator", "indicator",    "identity",  "location",
                              "malware",   "threat-actor", "indicator", "report"};
const char* const kPlaces[] = {"Sabha", "Ubari",    "Ghadames", "Hun",
                               "Rabat", "Brussels", "Madrid",   "Paris"};

// The n-th object's TLP level, if it has one.
std::optional<stix::Tlp> level_of(std::uint64_t n, Markings markings) {
  using stix::Tlp;
  if (markings == Markings::green)
    return Tlp::green;
  std::uint64_t slot = n % 20;
  if (slot == 19)
    return std::nullopt;
  return slot < 12 ? Tlp::green : slot < 16 ? Tlp::amber : slot < 18 ? Tlp::clear : Tlp::red;
}

std::string uuid_for(std::uint64_t seed, std::uint64_t n) {
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-8%03x-%012llx",
                static_cast<unsigned>(seed & 0xffffffff), static_cast<unsigned>((n >> 48) & 0xffff),
                static_cast<unsigned>((n >> 36) & 0xfff), static_cast<unsigned>((n >> 24) & 0xfff),
                static_cast<unsigned long long>(n & 0xffffffffffffULL));
  return text;
}

} // namespace

SyntheticObject synthetic_object(std::uint64_t seed, std::uint64_t n, Markings markings) {
  SyntheticObject object;
  object.type = kTypes[n % 8];
  object.id = object.type + "--" + uuid_for(seed, n);
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "2024-%02d-%02dT%02d:%02d:%02d.%03dZ",
                static_cast<int>(1 + n % 12), static_cast<int>(1 + n % 28),
                static_cast<int>(n % 24), static_cast<int>(n % 60), static_cast<int>(n / 60 % 60),
                static_cast<int>(n % 1000));
  object.modified = stamp;
  const char* place = kPlaces[n / 8 % 8];
  // Marked as a node's own objects are: a TLP level, a scope category.
  std::string marking_refs;
  if (auto level = level_of(n, markings)) {
    object.tlp = stix::tlp_name(*level);
    marking_refs =
        ",\"object_marking_refs\":[\"" + std::string(stix::tlp_marking_id(*level)) + "\"]";
  }
  std::string common = "\"type\":\"" + object.type + "\",\"spec_version\":\"2.1\",\"id\":\"" +
                       object.id + "\",\"created\":\"" + object.modified + "\",\"modified\":\"" +
                       object.modified + "\",\"labels\":[\"terrorism\"]" + marking_refs;
  std::string body;
  if (object.type == "indicator")
    body = ",\"name\":\"Weapons cache seen near " + std::string(place) +
           "\",\"description\":\"Synthetic indicator number " + std::to_string(n) +
           " for load tests; it mirrors the size of a real analyst indicator with a pattern and "
           "a description of a few sentences.\",\"indicator_types\":[\"malicious-activity\"],"
           "\"pattern\":\"[ipv4-addr:value = '198.51." +
           std::to_string(n / 256 % 256) + "." + std::to_string(n % 256) +
           "']\",\"pattern_type\":\"stix\",\"valid_from\":\"" + object.modified + "\"";
  else if (object.type == "identity")
    body = ",\"name\":\"Agency " + std::to_string(n) +
           "\",\"identity_class\":\"organization\",\"sectors\":[\"government-national\"]";
  else if (object.type == "location")
    body = ",\"name\":\"" + std::string(place) + " " + std::to_string(n) +
           "\",\"country\":\"LY\",\"city\":\"" + place + "\"";
  else if (object.type == "malware")
    body = ",\"name\":\"Tool " + std::to_string(n) + "\",\"is_family\":false";
  else if (object.type == "threat-actor")
    body = ",\"name\":\"Cell " + std::to_string(n) +
           "\",\"threat_actor_types\":[\"terrorist\"],\"aliases\":[\"خلية " + std::to_string(n) +
           "\"]";
  else
    body = ",\"name\":\"Report " + std::to_string(n) + "\",\"published\":\"" + object.modified +
           "\",\"report_types\":[\"threat-report\"],\"object_refs\":[\"indicator--" +
           uuid_for(seed, n > 0 ? n - 1 : 0) + "\"]";
  object.json = "{" + common + body + "}";
  return object;
}

} // namespace tansiq::bench
