// STIX Cyber-observable Objects (section 6) and their predefined extensions:
// per-type property tables and co-constraints.
#include "stix/validate_internal.h"

#include <arpa/inet.h>

namespace tansiq::stix::detail {
namespace {

using simdjson::dom::element;

constexpr Property str(std::string_view name, bool required = false, const Vocab* vocab = nullptr) {
  return {.name = name, .kind = Kind::string, .required = required, .vocab = vocab};
}
constexpr Property strings(std::string_view name, bool required = false,
                           const Vocab* vocab = nullptr) {
  return {.name = name, .kind = Kind::string_list, .required = required, .vocab = vocab};
}
constexpr Property when(std::string_view name) {
  return {.name = name, .kind = Kind::timestamp};
}
constexpr Property flag(std::string_view name) {
  return {.name = name, .kind = Kind::boolean};
}
constexpr Property integer(std::string_view name, std::int64_t min = INT64_MIN,
                           std::int64_t max = INT64_MAX, bool required = false) {
  return {.name = name, .kind = Kind::integer, .required = required, .min = min, .max = max};
}
constexpr Property count(std::string_view name) {
  return integer(name, 0);
}
constexpr Property hex(std::string_view name, bool required = false) {
  return {.name = name, .kind = Kind::hex, .required = required};
}
constexpr Property ref(std::string_view name, const RefRule& rule) {
  return {.name = name, .kind = Kind::identifier, .refs = &rule};
}
constexpr Property refs_list(std::string_view name, const RefRule& rule, bool required = false) {
  return {.name = name, .kind = Kind::identifier_list, .required = required, .refs = &rule};
}
constexpr Property dictionary(std::string_view name) {
  return {.name = name, .kind = Kind::dictionary};
}
constexpr Property hashes(std::string_view name) {
  return {.name = name, .kind = Kind::hashes};
}

// "MUST contain at least one property from this object (or its extensions)".
template <const auto& Own> void require_any(Checker& checker) {
  for (const Property& property : Own)
    if (checker.has(property.name))
      return;
  if (checker.has("extensions"))
    return;
  checker.error_here(cat(checker.schema.def->what,
                         " MUST contain at least one of its own properties besides the common "
                         "ones"));
}

bool is_ipv4(std::string_view text, bool allow_prefix) {
  size_t slash = text.find('/');
  std::string_view address = text.substr(0, slash);
  int parts = 0;
  size_t start = 0;
  while (true) {
    size_t end = address.find('.', start);
    std::string_view part =
        address.substr(start, end == std::string_view::npos ? end : end - start);
    if (part.empty() || part.size() > 3)
      return false;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9')
        return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255 || (part.size() > 1 && part[0] == '0'))
      return false;
    ++parts;
    if (end == std::string_view::npos)
      break;
    start = end + 1;
  }
  if (parts != 4)
    return false;
  if (slash == std::string_view::npos)
    return true;
  std::string_view prefix = text.substr(slash + 1);
  if (!allow_prefix || prefix.empty() || prefix.size() > 2)
    return false;
  int bits = 0;
  for (char c : prefix) {
    if (c < '0' || c > '9')
      return false;
    bits = bits * 10 + (c - '0');
  }
  return bits <= 32;
}

bool is_ipv6(std::string_view text) {
  size_t slash = text.find('/');
  std::string_view address = text.substr(0, slash);
  if (address.size() >= INET6_ADDRSTRLEN)
    return false;
  char buffer[INET6_ADDRSTRLEN];
  address.copy(buffer, address.size());
  buffer[address.size()] = '\0';
  unsigned char parsed[16];
  if (inet_pton(AF_INET6, buffer, parsed) != 1)
    return false;
  if (slash == std::string_view::npos)
    return true;
  std::string_view prefix = text.substr(slash + 1);
  if (prefix.empty() || prefix.size() > 3)
    return false;
  int bits = 0;
  for (char c : prefix) {
    if (c < '0' || c > '9')
      return false;
    bits = bits * 10 + (c - '0');
  }
  return bits <= 128;
}

bool is_mac(std::string_view text) {
  if (text.size() != 17)
    return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i % 3 == 2 ? c != ':' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return false;
  }
  return true;
}

// --- artifact ---------------------------------------------------------------

constexpr Property artifact[] = {str("mime_type"),
                                 {.name = "payload_bin", .kind = Kind::binary},
                                 str("url"),
                                 hashes("hashes"),
                                 str("encryption_algorithm", false, &vocab::encryption_algorithm),
                                 str("decryption_key")};

void check_artifact(Checker& checker) {
  bool payload = checker.has("payload_bin"), url = checker.has("url");
  if (payload && url)
    checker.error("url", "\"url\" MUST NOT be present together with \"payload_bin\"");
  else if (!payload && !url)
    checker.error_here("an artifact MUST have one of \"payload_bin\" or \"url\"");
  if (url && !payload && !checker.has("hashes"))
    checker.error("hashes", "\"hashes\" MUST be present when \"url\" is");
  if (checker.has("decryption_key") && !checker.has("encryption_algorithm"))
    checker.error("decryption_key",
                  "\"decryption_key\" MUST NOT be present without \"encryption_algorithm\"");
}

// --- simple observables --------------------------------------------------------

constexpr Property autonomous_system[] = {integer("number", 0, 4294967295, true), str("name"),
                                          str("rir")};

constexpr Property directory[] = {
    str("path", true), str("path_enc"), when("ctime"),
    when("mtime"),     when("atime"),   refs_list("contains_refs", refs::file_or_directory)};

constexpr Property domain_name[] = {str("value", true),
                                    refs_list("resolves_to_refs", refs::domain_resolution)};

constexpr Property email_addr[] = {str("value", true), str("display_name"),
                                   ref("belongs_to_ref", refs::user_account)};

void check_email_addr(Checker& checker) {
  std::string_view value;
  if (checker.get_string("value", value)) {
    size_t at = value.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 == value.size())
      checker.error("value", cat(quoted(value), " is not an email address (addr-spec, "
                                                "local@domain)"));
  }
}

constexpr Property ip_v4[] = {str("value", true), refs_list("resolves_to_refs", refs::mac_addr),
                              refs_list("belongs_to_refs", refs::autonomous_system)};

void check_ipv4(Checker& checker) {
  std::string_view value;
  if (checker.get_string("value", value) && !is_ipv4(value, true))
    checker.error("value", cat(quoted(value), " is not an IPv4 address or CIDR block"));
}

void check_ipv6(Checker& checker) {
  std::string_view value;
  if (checker.get_string("value", value) && !is_ipv6(value))
    checker.error("value", cat(quoted(value), " is not an IPv6 address or CIDR block"));
}

constexpr Property mac_addr[] = {str("value", true)};

void check_mac(Checker& checker) {
  std::string_view value;
  if (checker.get_string("value", value) && !is_mac(value))
    checker.error("value", cat(quoted(value), " is not a MAC-48 address in lowercase, "
                                              "colon-delimited form with leading zeros "
                                              "(e.g. \"d2:fb:49:24:37:18\")"));
}

constexpr Property mutex[] = {str("name", true)};

constexpr Property software[] = {str("name", true),    str("cpe"),    str("swid"),
                                 strings("languages"), str("vendor"), str("version")};

void check_software(Checker& checker) {
  element languages;
  simdjson::dom::array list;
  if (!checker.get("languages", languages) || languages.get_array().get(list))
    return;
  PathNode list_path = child(checker.path, "languages");
  std::int64_t i = 0;
  for (element language : list) {
    PathNode at = at_index(list_path, i++);
    std::string_view text;
    if (!language.get_string().get(text) && !is_language_tag(text))
      checker.ctx.error(at, cat(quoted(text), " is not an ISO 639-2 code or RFC 5646 tag"));
  }
  std::string_view cpe;
  if (checker.get_string("cpe", cpe) && !cpe.starts_with("cpe:2.3:"))
    checker.error("cpe", cat(quoted(cpe), " is not a CPE 2.3 formatted string (cpe:2.3:...)"));
}

constexpr Property url[] = {str("value", true)};

void check_url(Checker& checker) {
  std::string_view value;
  if (!checker.get_string("value", value))
    return;
  size_t colon = value.find(':');
  bool ok = colon != std::string_view::npos && colon > 0;
  for (size_t i = 0; ok && i < colon; ++i) {
    char c = value[i];
    ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
  }
  if (!ok)
    checker.error("value", cat(quoted(value), " is not a URL (RFC 3986: it must start with a "
                                              "scheme such as http:)"));
}

// --- email-message ----------------------------------------------------------

constexpr Property mime_part[] = {str("body"), ref("body_raw_ref", refs::file_or_artifact),
                                  str("content_type"), str("content_disposition")};

void check_mime_part(Checker& checker) {
  bool body = checker.has("body"), raw = checker.has("body_raw_ref");
  if (body && raw)
    checker.error("body_raw_ref", "a MIME part MUST NOT have both \"body\" and \"body_raw_ref\"");
  else if (!body && !raw)
    checker.error_here("a MIME part MUST have one of \"body\" or \"body_raw_ref\"");
}

const SchemaDef mime_part_schema{"a MIME part", {}, mime_part, check_mime_part};

constexpr Property email_message[] = {
    flag("is_multipart"),
    when("date"),
    str("content_type"),
    ref("from_ref", refs::email_addr),
    ref("sender_ref", refs::email_addr),
    refs_list("to_refs", refs::email_addr),
    refs_list("cc_refs", refs::email_addr),
    refs_list("bcc_refs", refs::email_addr),
    str("message_id"),
    str("subject"),
    strings("received_lines"),
    dictionary("additional_header_fields"),
    str("body"),
    {.name = "body_multipart", .kind = Kind::nested_list, .nested = &mime_part_schema},
    ref("raw_email_ref", refs::artifact)};

void check_email_message(Checker& checker) {
  bool multipart = false;
  if (!checker.get_bool("is_multipart", multipart)) {
    if (!checker.has("is_multipart"))
      checker.error("is_multipart", "required property \"is_multipart\" of email-message is "
                                    "missing");
    return;
  }
  if (multipart && checker.has("body"))
    checker.error("body", "\"body\" MUST NOT be present when \"is_multipart\" is true (use "
                          "\"body_multipart\")");
  if (!multipart && checker.has("body_multipart"))
    checker.error("body_multipart",
                  "\"body_multipart\" MUST NOT be present when \"is_multipart\" is false");
}

// --- file and its extensions ----------------------------------------------------

constexpr Property file[] = {hashes("hashes"),
                             count("size"),
                             str("name"),
                             str("name_enc"),
                             hex("magic_number_hex"),
                             str("mime_type"),
                             when("ctime"),
                             when("mtime"),
                             when("atime"),
                             ref("parent_directory_ref", refs::directory),
                             refs_list("contains_refs", refs::sco),
                             ref("content_ref", refs::artifact)};

void check_file(Checker& checker) {
  if (!checker.has("hashes") && !checker.has("name"))
    checker.error_here("a file MUST have at least one of \"hashes\" or \"name\"");
}

constexpr Property archive_ext[] = {refs_list("contains_refs", refs::file_or_directory, true),
                                    str("comment")};

constexpr Property alternate_data_stream[] = {str("name", true), hashes("hashes"), count("size")};
const SchemaDef alternate_data_stream_schema{
    "an alternate data stream", {}, alternate_data_stream, nullptr};

constexpr Property ntfs_ext[] = {str("sid"),
                                 {.name = "alternate_data_streams",
                                  .kind = Kind::nested_list,
                                  .nested = &alternate_data_stream_schema}};

constexpr Property pdf_ext[] = {str("version"), flag("is_optimized"),
                                dictionary("document_info_dict"), str("pdfid0"), str("pdfid1")};

constexpr Property raster_image_ext[] = {integer("image_height"), integer("image_width"),
                                         integer("bits_per_pixel"), dictionary("exif_tags")};

constexpr Property pe_optional_header[] = {hex("magic_hex"),
                                           integer("major_linker_version"),
                                           integer("minor_linker_version"),
                                           count("size_of_code"),
                                           count("size_of_initialized_data"),
                                           count("size_of_uninitialized_data"),
                                           integer("address_of_entry_point"),
                                           integer("base_of_code"),
                                           integer("base_of_data"),
                                           integer("image_base"),
                                           integer("section_alignment"),
                                           integer("file_alignment"),
                                           integer("major_os_version"),
                                           integer("minor_os_version"),
                                           integer("major_image_version"),
                                           integer("minor_image_version"),
                                           integer("major_subsystem_version"),
                                           integer("minor_subsystem_version"),
                                           hex("win32_version_value_hex"),
                                           count("size_of_image"),
                                           count("size_of_headers"),
                                           hex("checksum_hex"),
                                           hex("subsystem_hex"),
                                           hex("dll_characteristics_hex"),
                                           count("size_of_stack_reserve"),
                                           count("size_of_stack_commit"),
                                           count("size_of_heap_reserve"),
                                           count("size_of_heap_commit"),
                                           hex("loader_flags_hex"),
                                           integer("number_of_rva_and_sizes"),
                                           hashes("hashes")};
const SchemaDef pe_optional_header_schema{
    "a Windows PE optional header", {}, pe_optional_header, require_any<pe_optional_header>};

constexpr Property pe_section[] = {
    str("name", true), count("size"), {.name = "entropy", .kind = Kind::number}, hashes("hashes")};
const SchemaDef pe_section_schema{"a Windows PE section", {}, pe_section, nullptr};

constexpr Property windows_pebinary_ext[] = {
    str("pe_type", true, &vocab::windows_pebinary_type),
    str("imphash"),
    hex("machine_hex"),
    count("number_of_sections"),
    when("time_date_stamp"),
    hex("pointer_to_symbol_table_hex"),
    count("number_of_symbols"),
    count("size_of_optional_header"),
    hex("characteristics_hex"),
    hashes("file_header_hashes"),
    {.name = "optional_header", .kind = Kind::nested, .nested = &pe_optional_header_schema},
    {.name = "sections", .kind = Kind::nested_list, .nested = &pe_section_schema}};

// --- network-traffic and its extensions ------------------------------------------

constexpr Property network_traffic[] = {when("start"),
                                        when("end"),
                                        flag("is_active"),
                                        ref("src_ref", refs::address),
                                        ref("dst_ref", refs::address),
                                        integer("src_port", 0, 65535),
                                        integer("dst_port", 0, 65535),
                                        strings("protocols", true),
                                        count("src_byte_count"),
                                        count("dst_byte_count"),
                                        count("src_packets"),
                                        count("dst_packets"),
                                        dictionary("ipfix"),
                                        ref("src_payload_ref", refs::artifact),
                                        ref("dst_payload_ref", refs::artifact),
                                        refs_list("encapsulates_refs", refs::network_traffic),
                                        ref("encapsulated_by_ref", refs::network_traffic)};

void check_network_traffic(Checker& checker) {
  if (!checker.has("src_ref") && !checker.has("dst_ref"))
    checker.error_here("network-traffic MUST have at least one of \"src_ref\" or \"dst_ref\"");
  bool active = false;
  if (checker.get_bool("is_active", active) && active && checker.has("end"))
    checker.error("end", "\"end\" MUST NOT be present when \"is_active\" is true");
  check_order(checker, "start", "end", false);
}

constexpr Property http_request_ext[] = {str("request_method", true),
                                         str("request_value", true),
                                         str("request_version"),
                                         dictionary("request_header"),
                                         integer("message_body_length", 0),
                                         ref("message_body_data_ref", refs::artifact)};

constexpr Property icmp_ext[] = {hex("icmp_type_hex", true), hex("icmp_code_hex", true)};

constexpr Property socket_ext[] = {
    str("address_family", true, &vocab::network_socket_address_family),
    flag("is_blocking"),
    flag("is_listening"),
    dictionary("options"),
    str("socket_type", false, &vocab::network_socket_type),
    count("socket_descriptor"),
    integer("socket_handle")};

constexpr Property tcp_ext[] = {hex("src_flags_hex"), hex("dst_flags_hex")};

// --- process and its extensions -----------------------------------------------------

constexpr Property process[] = {flag("is_hidden"),
                                integer("pid"),
                                when("created_time"),
                                str("cwd"),
                                str("command_line"),
                                dictionary("environment_variables"),
                                refs_list("opened_connection_refs", refs::network_traffic),
                                ref("creator_user_ref", refs::user_account),
                                ref("image_ref", refs::file),
                                ref("parent_ref", refs::process),
                                refs_list("child_refs", refs::process)};

constexpr Property windows_process_ext[] = {
    flag("aslr_enabled"),
    flag("dep_enabled"),
    str("priority"),
    str("owner_sid"),
    str("window_title"),
    dictionary("startup_info"),
    str("integrity_level", false, &vocab::windows_integrity_level)};

constexpr Property windows_service_ext[] = {
    str("service_name"),
    strings("descriptions"),
    str("display_name"),
    str("group_name"),
    str("start_type", false, &vocab::windows_service_start_type),
    refs_list("service_dll_refs", refs::file),
    str("service_type", false, &vocab::windows_service_type),
    str("service_status", false, &vocab::windows_service_status)};

// --- user-account ----------------------------------------------------------------------

constexpr Property user_account[] = {str("user_id"),
                                     str("credential"),
                                     str("account_login"),
                                     str("account_type", false, &vocab::account_type),
                                     str("display_name"),
                                     flag("is_service_account"),
                                     flag("is_privileged"),
                                     flag("can_escalate_privs"),
                                     flag("is_disabled"),
                                     when("account_created"),
                                     when("account_expires"),
                                     when("credential_last_changed"),
                                     when("account_first_login"),
                                     when("account_last_login")};

constexpr Property unix_account_ext[] = {integer("gid"), strings("groups"), str("home_dir"),
                                         str("shell")};

// --- windows-registry-key ------------------------------------------------------------------

constexpr Property registry_value[] = {str("name"), str("data"),
                                       str("data_type", false, &vocab::windows_registry_datatype)};
const SchemaDef registry_value_schema{
    "a Windows registry value", {}, registry_value, require_any<registry_value>};

constexpr Property windows_registry_key[] = {
    str("key"),
    {.name = "values", .kind = Kind::nested_list, .nested = &registry_value_schema},
    when("modified_time"),
    ref("creator_user_ref", refs::user_account),
    count("number_of_subkeys")};

// --- x509-certificate -------------------------------------------------------------------------

constexpr Property x509_v3_extensions[] = {str("basic_constraints"),
                                           str("name_constraints"),
                                           str("policy_constraints"),
                                           str("key_usage"),
                                           str("extended_key_usage"),
                                           str("subject_key_identifier"),
                                           str("authority_key_identifier"),
                                           str("subject_alternative_name"),
                                           str("issuer_alternative_name"),
                                           str("subject_directory_attributes"),
                                           str("crl_distribution_points"),
                                           str("inhibit_any_policy"),
                                           when("private_key_usage_period_not_before"),
                                           when("private_key_usage_period_not_after"),
                                           str("certificate_policies"),
                                           str("policy_mappings")};
const SchemaDef x509_v3_extensions_schema{
    "the X.509 v3 extensions", {}, x509_v3_extensions, require_any<x509_v3_extensions>};

constexpr Property x509_certificate[] = {
    flag("is_self_signed"),
    hashes("hashes"),
    str("version"),
    str("serial_number"),
    str("signature_algorithm"),
    str("issuer"),
    when("validity_not_before"),
    when("validity_not_after"),
    str("subject"),
    str("subject_public_key_algorithm"),
    str("subject_public_key_modulus"),
    integer("subject_public_key_exponent"),
    {.name = "x509_v3_extensions", .kind = Kind::nested, .nested = &x509_v3_extensions_schema}};

void check_x509(Checker& checker) {
  require_any<x509_certificate>(checker);
  check_order(checker, "validity_not_before", "validity_not_after", false);
}

// --- registries -----------------------------------------------------------------------------

#define TANSIQ_SCHEMA(var, what, common, check)                                                    \
  const SchemaDef var##_schema{what, common, var, check};
TANSIQ_SCHEMA(artifact, "artifact", sco_common_properties, check_artifact)
TANSIQ_SCHEMA(autonomous_system, "autonomous-system", sco_common_properties, nullptr)
TANSIQ_SCHEMA(directory, "directory", sco_common_properties, nullptr)
TANSIQ_SCHEMA(domain_name, "domain-name", sco_common_properties, nullptr)
TANSIQ_SCHEMA(email_addr, "email-addr", sco_common_properties, check_email_addr)
TANSIQ_SCHEMA(email_message, "email-message", sco_common_properties, check_email_message)
TANSIQ_SCHEMA(file, "file", sco_common_properties, check_file)
TANSIQ_SCHEMA(mac_addr, "mac-addr", sco_common_properties, check_mac)
TANSIQ_SCHEMA(mutex, "mutex", sco_common_properties, nullptr)
TANSIQ_SCHEMA(network_traffic, "network-traffic", sco_common_properties, check_network_traffic)
TANSIQ_SCHEMA(process, "process", sco_common_properties, require_any<process>)
TANSIQ_SCHEMA(software, "software", sco_common_properties, check_software)
TANSIQ_SCHEMA(url, "url", sco_common_properties, check_url)
TANSIQ_SCHEMA(user_account, "user-account", sco_common_properties, require_any<user_account>)
TANSIQ_SCHEMA(windows_registry_key, "windows-registry-key", sco_common_properties,
              require_any<windows_registry_key>)
TANSIQ_SCHEMA(x509_certificate, "x509-certificate", sco_common_properties, check_x509)
TANSIQ_SCHEMA(archive_ext, "the archive-ext extension", {}, nullptr)
TANSIQ_SCHEMA(ntfs_ext, "the ntfs-ext extension", {}, require_any<ntfs_ext>)
TANSIQ_SCHEMA(pdf_ext, "the pdf-ext extension", {}, require_any<pdf_ext>)
TANSIQ_SCHEMA(raster_image_ext, "the raster-image-ext extension", {}, require_any<raster_image_ext>)
TANSIQ_SCHEMA(windows_pebinary_ext, "the windows-pebinary-ext extension", {}, nullptr)
TANSIQ_SCHEMA(http_request_ext, "the http-request-ext extension", {}, nullptr)
TANSIQ_SCHEMA(icmp_ext, "the icmp-ext extension", {}, nullptr)
TANSIQ_SCHEMA(socket_ext, "the socket-ext extension", {}, nullptr)
TANSIQ_SCHEMA(tcp_ext, "the tcp-ext extension", {}, require_any<tcp_ext>)
TANSIQ_SCHEMA(windows_process_ext, "the windows-process-ext extension", {},
              require_any<windows_process_ext>)
TANSIQ_SCHEMA(windows_service_ext, "the windows-service-ext extension", {},
              require_any<windows_service_ext>)
TANSIQ_SCHEMA(unix_account_ext, "the unix-account-ext extension", {}, require_any<unix_account_ext>)
#undef TANSIQ_SCHEMA
const SchemaDef ipv4_addr_schema{"ipv4-addr", sco_common_properties, ip_v4, check_ipv4};
const SchemaDef ipv6_addr_schema{"ipv6-addr", sco_common_properties, ip_v4, check_ipv6};

const TypeDef types[] = {
    {"artifact", Category::sco, &artifact_schema},
    {"autonomous-system", Category::sco, &autonomous_system_schema},
    {"directory", Category::sco, &directory_schema},
    {"domain-name", Category::sco, &domain_name_schema},
    {"email-addr", Category::sco, &email_addr_schema},
    {"email-message", Category::sco, &email_message_schema},
    {"file", Category::sco, &file_schema},
    {"ipv4-addr", Category::sco, &ipv4_addr_schema},
    {"ipv6-addr", Category::sco, &ipv6_addr_schema},
    {"mac-addr", Category::sco, &mac_addr_schema},
    {"mutex", Category::sco, &mutex_schema},
    {"network-traffic", Category::sco, &network_traffic_schema},
    {"process", Category::sco, &process_schema},
    {"software", Category::sco, &software_schema},
    {"url", Category::sco, &url_schema},
    {"user-account", Category::sco, &user_account_schema},
    {"windows-registry-key", Category::sco, &windows_registry_key_schema},
    {"x509-certificate", Category::sco, &x509_certificate_schema},
};

const ExtensionDef extensions[] = {
    {"archive-ext", "file", &archive_ext_schema},
    {"ntfs-ext", "file", &ntfs_ext_schema},
    {"pdf-ext", "file", &pdf_ext_schema},
    {"raster-image-ext", "file", &raster_image_ext_schema},
    {"windows-pebinary-ext", "file", &windows_pebinary_ext_schema},
    {"http-request-ext", "network-traffic", &http_request_ext_schema},
    {"icmp-ext", "network-traffic", &icmp_ext_schema},
    {"socket-ext", "network-traffic", &socket_ext_schema},
    {"tcp-ext", "network-traffic", &tcp_ext_schema},
    {"windows-process-ext", "process", &windows_process_ext_schema},
    {"windows-service-ext", "process", &windows_service_ext_schema},
    {"unix-account-ext", "user-account", &unix_account_ext_schema},
};

} // namespace

std::span<const TypeDef> sco_types() {
  return types;
}
std::span<const ExtensionDef> predefined_extensions() {
  return extensions;
}

} // namespace tansiq::stix::detail
