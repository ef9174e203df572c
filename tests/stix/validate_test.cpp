// Rule-by-rule tests of the STIX 2.1 validator. Each case takes a valid object
// (which must produce no violation at all), breaks it in one way, and expects
// exactly one violation of the given severity at the given path.
#include "stix/validate.h"

#include <gtest/gtest.h>

using namespace tansiq::stix;

namespace {

// The objects below are written over several lines; cases match on one line.
// Drops each line break and the indentation after it.
std::string one_line(std::string_view json) {
  std::string out;
  bool indent = false;
  for (char c : json) {
    if (c == '\n')
      indent = true;
    else if (!(indent && c == ' ')) {
      indent = false;
      out += c;
    }
  }
  return out;
}

std::vector<Violation> violations_of(const std::string& json) {
  simdjson::dom::parser parser;
  std::vector<Violation> out;
  validate_object(parser.parse(json), "$", out);
  return out;
}

std::string describe(const std::vector<Violation>& violations) {
  std::string text;
  for (const auto& v : violations)
    text +=
        (v.severity == Severity::error ? "error " : "warning ") + v.path + ": " + v.message + "\n";
  return text;
}

// ---- valid objects -----------------------------------------------------------------------

const char* const indicator = R"({"type":"indicator","spec_version":"2.1",
"id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
"created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
"created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
"indicator_types":["malicious-activity"],"name":"Poison Ivy",
"pattern":"[file:hashes.'SHA-256' = 'aa']","pattern_type":"stix",
"valid_from":"2016-01-01T00:00:00Z","valid_until":"2017-01-01T00:00:00Z",
"labels":["x"],"confidence":50,"lang":"en","revoked":false,
"object_marking_refs":["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],
"external_references":[{"source_name":"capec","external_id":"CAPEC-163",
  "url":"https://capec.mitre.org/data/definitions/163.html",
  "hashes":{"SHA-256":"6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b"}}],
"kill_chain_phases":[{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"delivery"}],
"x_acme_score":3})";

const char* const malware = R"({"type":"malware","spec_version":"2.1",
"id":"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
"created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z",
"name":"Cryptolocker","is_family":true,"malware_types":["ransomware"],
"first_seen":"2016-01-01T00:00:00Z","last_seen":"2016-02-01T00:00:00Z",
"operating_system_refs":["software--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"],
"sample_refs":["file--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"],
"implementation_languages":["c"],"architecture_execution_envs":["x86"],
"capabilities":["evades-av"]})";

const char* const relationship = R"({"type":"relationship","spec_version":"2.1",
"id":"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
"created":"2016-04-06T20:06:37.000Z","modified":"2016-04-06T20:06:37.000Z",
"relationship_type":"indicates",
"source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
"target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
"start_time":"2016-01-01T00:00:00Z","stop_time":"2016-02-01T00:00:00Z"})";

const char* const sighting = R"({"type":"sighting","spec_version":"2.1",
"id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
"created":"2016-04-06T20:08:31.000Z","modified":"2016-04-06T20:08:31.000Z",
"first_seen":"2015-12-21T19:00:00Z","last_seen":"2015-12-21T19:00:00Z","count":50,
"sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
"observed_data_refs":["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
"where_sighted_refs":["identity--b67d30ff-02ac-498a-92f9-32f845f448ff"],"summary":false})";

const char* const observed_data = R"({"type":"observed-data","spec_version":"2.1",
"id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
"created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z",
"first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z",
"number_observed":50,
"object_refs":["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad"]})";

const char* const report = R"({"type":"report","spec_version":"2.1",
"id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
"created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z",
"name":"The Black Vine Cyberespionage Group","report_types":["campaign"],
"published":"2016-01-20T17:00:00.000Z",
"object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"]})";

const char* const location = R"({"type":"location","spec_version":"2.1",
"id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
"created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z",
"region":"south-eastern-asia","country":"th","latitude":13.7563,"longitude":100.5018,"precision":100.0})";

const char* const identity = R"({"type":"identity","spec_version":"2.1",
"id":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
"created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z",
"name":"Cole Powers","identity_class":"individual","sectors":["technology"]})";

const char* const statement_marking = R"({"type":"marking-definition","spec_version":"2.1",
"id":"marking-definition--a3b2c1d0-0000-4000-8000-000000000001",
"created":"2016-08-01T00:00:00.000Z","definition_type":"statement",
"definition":{"statement":"Copyright 2016, Example Corp"}})";

const char* const tlp_green = R"({"type":"marking-definition","spec_version":"2.1",
"id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
"created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:GREEN",
"definition":{"tlp":"green"}})";

const char* const tlp2_marking = R"({"type":"marking-definition","spec_version":"2.1",
"id":"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
"created":"2022-10-01T00:00:00.000Z","name":"TLP:GREEN",
"extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
  {"extension_type":"property-extension","tlp_2_0":"green"}}})";

const char* const campaign = R"({"type":"campaign","spec_version":"2.1",
"id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
"created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z",
"name":"Green Group Attacks Against Finance","description":"Campaign by Green Group",
"aliases":["GG"],
"granular_markings":[
  {"marking_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da","selectors":["description","aliases.[0]"]},
  {"lang":"en","selectors":["name"]}]})";

const char* const file = R"({"type":"file","spec_version":"2.1",
"id":"file--e277603e-1060-5ad4-9937-c26c97f1ca68","name":"foo.zip","size":25536,
"hashes":{"SHA-256":"35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b7100f",
  "MD5":"d41d8cd98f00b204e9800998ecf8427e"},
"magic_number_hex":"504B0304",
"extensions":{"archive-ext":{"contains_refs":["file--019fde1c-94ab-5f1f-8c6e-a6a1a5e4b2b6"]},
  "windows-pebinary-ext":{"pe_type":"exe","sections":[{"name":".text","entropy":7.1}]}}})";

const char* const minimal_file =
    R"({"type":"file","id":"file--e277603e-1060-5ad4-9937-c26c97f1ca68","name":"a.txt"})";

const char* const network_traffic = R"({"type":"network-traffic","spec_version":"2.1",
"id":"network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d",
"src_ref":"ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53","dst_port":443,
"protocols":["ipv4","tcp"],"is_active":true,"start":"2016-01-01T00:00:00Z",
"extensions":{"socket-ext":{"address_family":"AF_INET","socket_type":"SOCK_STREAM"},
  "tcp-ext":{"src_flags_hex":"00000002"}}})";

const char* const email_message = R"({"type":"email-message","spec_version":"2.1",
"id":"email-message--cf9b4b7f-14c8-5955-8065-020e0316b559","is_multipart":true,
"from_ref":"email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed","subject":"Hi",
"body_multipart":[{"content_type":"text/plain","body":"hello"},
  {"content_type":"application/zip","body_raw_ref":"artifact--4cce66f8-6eaa-53cb-85d5-3a85fca3a6c5"}]})";

const char* const artifact = R"({"type":"artifact","spec_version":"2.1",
"id":"artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641","mime_type":"application/zip",
"payload_bin":"aGVsbG8gd29ybGQ=","encryption_algorithm":"mime-type-indicated",
"decryption_key":"My voice is my passport"})";

const char* const ipv4 = R"({"type":"ipv4-addr","spec_version":"2.1",
"id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3/32",
"belongs_to_refs":["autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74"]})";

const char* const ipv6 =
    R"({"type":"ipv6-addr","id":"ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1","value":"2001:0db8::/96"})";
const char* const mac =
    R"({"type":"mac-addr","id":"mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00","value":"d2:fb:49:24:37:18"})";
const char* const url =
    R"({"type":"url","id":"url--c1477287-23ac-5971-a010-5c287877fa60","value":"https://example.com/index.html"})";
const char* const email_addr =
    R"({"type":"email-addr","id":"email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3","value":"john@example.com"})";
const char* const domain_name = R"({"type":"domain-name",
"id":"domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5","value":"example.com",
"resolves_to_refs":["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"]})";

const char* const extension_definition = R"({"type":"extension-definition","spec_version":"2.1",
"id":"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e",
"created_by_ref":"identity--11b76a96-5d2b-45e0-8a5a-f6994f370731",
"created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z",
"name":"New SDO 1","description":"Creates my-favorite-sdo",
"schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1",
"extension_types":["new-sdo"]})";

const char* const custom_sdo = R"({"type":"my-favorite-sdo","spec_version":"2.1",
"id":"my-favorite-sdo--ac97aae4-83f1-46ca-a351-7aeb76678189",
"created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z",
"name":"This is the name of my favorite","some_property_name1":"value1",
"extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-sdo"}}})";

const char* const language_content = R"({"type":"language-content","spec_version":"2.1",
"id":"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d",
"created":"2017-02-08T21:31:22.007Z","modified":"2017-02-08T21:31:22.007Z",
"object_ref":"campaign--12a111f0-b824-4baf-a224-83b80237a094",
"object_modified":"2017-02-08T21:31:22.007Z",
"contents":{"de":{"name":"Bank Angriff 1"},"fr":{"name":"Attaque Bank 1"}}})";

const char* const opinion = R"({"type":"opinion","spec_version":"2.1",
"id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",
"created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z",
"opinion":"strongly-disagree",
"object_refs":["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"]})";

const char* const malware_analysis = R"({"type":"malware-analysis","spec_version":"2.1",
"id":"malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c",
"created":"2020-01-16T18:52:24.277Z","modified":"2020-01-16T18:52:24.277Z",
"product":"microsoft","result":"malicious",
"sample_ref":"file--3a41e552-999b-4ad3-bedc-332b6d9ff80c"})";

const char* const grouping = R"({"type":"grouping","spec_version":"2.1",
"id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
"created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z",
"name":"Black Vine","context":"suspicious-activity",
"object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"]})";

const char* const threat_actor = R"({"type":"threat-actor","spec_version":"2.1",
"id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
"created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
"name":"Evil Org","threat_actor_types":["crime-syndicate"],"roles":["director"],
"sophistication":"advanced","resource_level":"organization","primary_motivation":"personal-gain"})";

const char* const process = R"({"type":"process","spec_version":"2.1",
"id":"process--f52a906a-0dfc-40bd-92f1-e7778ead38a9","pid":1221,
"extensions":{"windows-process-ext":{"aslr_enabled":true,"integrity_level":"high"}}})";

const char* const user_account = R"({"type":"user-account","spec_version":"2.1",
"id":"user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c","user_id":"1001","account_type":"unix",
"extensions":{"unix-account-ext":{"gid":1001,"groups":["wheel"]}}})";

const char* const registry_key = R"({"type":"windows-registry-key",
"id":"windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016",
"key":"hkey_local_machine\\system\\bar\\foo",
"values":[{"name":"Foo","data":"qwerty","data_type":"REG_SZ"}]})";

const char* const x509 = R"({"type":"x509-certificate",
"id":"x509-certificate--463d7b2a-8516-5a50-a3d7-6f801465d5de","issuer":"C=ZA",
"validity_not_before":"2016-03-12T12:00:00Z","validity_not_after":"2016-08-21T12:00:00Z"})";

const char* const autonomous_system = R"({"type":"autonomous-system",
"id":"autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74","number":15139})";

const char* const software = R"({"type":"software",
"id":"software--a1827f6d-ca53-5605-9e93-4316cd22a00a","name":"Word",
"cpe":"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*","languages":["en","fr-CA"]})";

const char* const all_valid[] = {indicator,
                                 malware,
                                 relationship,
                                 sighting,
                                 observed_data,
                                 report,
                                 location,
                                 identity,
                                 statement_marking,
                                 tlp_green,
                                 tlp2_marking,
                                 campaign,
                                 file,
                                 minimal_file,
                                 network_traffic,
                                 email_message,
                                 artifact,
                                 ipv4,
                                 ipv6,
                                 mac,
                                 url,
                                 email_addr,
                                 domain_name,
                                 extension_definition,
                                 custom_sdo,
                                 language_content,
                                 opinion,
                                 malware_analysis,
                                 grouping,
                                 threat_actor,
                                 process,
                                 user_account,
                                 registry_key,
                                 x509,
                                 autonomous_system,
                                 software};

// ---- one broken property per case -------------------------------------------------------

struct Case {
  const char* name;
  const char* base;
  const char* from; // replaced (first occurrence) ...
  const char* to;   // ... by this
  const char* path; // where the single violation must be reported
  Severity severity = Severity::error;
};

constexpr Severity W = Severity::warning;

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

const Case cases[] = {
    // Common properties.
    {"TypeMissing", indicator, R"("type":"indicator",)", "", "$.type"},
    {"TypeNameInvalid", indicator, R"("type":"indicator")", R"("type":"Indicator")", "$.type"},
    {"TypeReservedAction", custom_sdo, R"("type":"my-favorite-sdo")", R"("type":"action")",
     "$.type"},
    {"BundleIsNotAnObject", custom_sdo, R"("type":"my-favorite-sdo")", R"("type":"bundle")",
     "$.type"},
    {"IdMissing", indicator, R"("id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",)", "",
     "$.id"},
    {"IdMalformed", indicator, "indicator--8e2e2d2b-17d4", "indicator--8e2e2d2b17d4", "$.id"},
    {"IdPrefixNotType", indicator, R"("id":"indicator--)", R"("id":"malware--)", "$.id"},
    {"IdNotRfc4122", indicator, "17d4-4cbf", "17d4-0cbf", "$.id"},
    {"SpecVersionMissing", indicator, R"("spec_version":"2.1",)", "", "$.spec_version"},
    {"SpecVersionNot21", indicator, R"("spec_version":"2.1")", R"("spec_version":"2.0")",
     "$.spec_version"},
    {"CreatedMissing", indicator, R"("created":"2016-04-06T20:03:48.000Z",)", "", "$.created"},
    {"CreatedNotUtc", indicator, R"("created":"2016-04-06T20:03:48.000Z")",
     R"("created":"2016-04-06T20:03:48.000+01:00")", "$.created"},
    {"CreatedImpossibleDate", indicator, R"("created":"2016-04-06T20:03:48.000Z")",
     R"("created":"2016-02-30T20:03:48.000Z")", "$.created"},
    {"CreatedBelowMillisecond", indicator, R"("created":"2016-04-06T20:03:48.000Z")",
     R"("created":"2016-04-06T20:03:48Z")", "$.created"},
    {"ModifiedMissing", indicator, R"("modified":"2016-04-06T20:03:48.000Z",)", "", "$.modified"},
    {"ModifiedBeforeCreated", indicator, R"("modified":"2016-04-06T20:03:48.000Z")",
     R"("modified":"2016-04-05T20:03:48.000Z")", "$.modified"},
    {"CreatedByRefNotIdentity", indicator, R"("created_by_ref":"identity--)",
     R"("created_by_ref":"malware--)", "$.created_by_ref"},
    {"RevokedNotBoolean", indicator, R"("revoked":false)", R"("revoked":"no")", "$.revoked"},
    {"LabelsNotStrings", indicator, R"("labels":["x"])", R"("labels":[1])", "$.labels[0]"},
    {"LabelsEmpty", indicator, R"("labels":["x"])", R"("labels":[])", "$.labels"},
    {"ConfidenceOutOfRange", indicator, R"("confidence":50)", R"("confidence":101)",
     "$.confidence"},
    {"ConfidenceNotInteger", indicator, R"("confidence":50)", R"("confidence":50.5)",
     "$.confidence"},
    {"LangNotATag", indicator, R"("lang":"en")", R"("lang":"english!")", "$.lang"},
    {"ObjectMarkingRefNotMarking", indicator, R"(["marking-definition--34098fce)",
     R"(["identity--34098fce)", "$.object_marking_refs[0]"},
    {"ExternalReferenceWithoutSourceName", indicator, R"("source_name":"capec",)", "",
     "$.external_references[0].source_name"},
    {"ExternalReferenceWithoutDetail", indicator,
     R"("external_id":"CAPEC-163","url":"https://capec.mitre.org/data/definitions/163.html",)", "",
     "$.external_references[0]"},
    {"ExternalReferenceCapecIdMalformed", indicator, R"("CAPEC-163")", R"("163")",
     "$.external_references[0].external_id"},
    {"ExternalReferenceCveIdMalformed", indicator,
     R"("source_name":"capec","external_id":"CAPEC-163")",
     R"("source_name":"cve","external_id":"CVE-16-1")", "$.external_references[0].external_id"},
    {"ExternalReferenceUrlNotUrl", indicator,
     R"("https://capec.mitre.org/data/definitions/163.html")", R"("capec.mitre.org/163")",
     "$.external_references[0].url"},
    {"ExternalReferenceHashWrongLength", indicator,
     R"("6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b")", R"("6db12788")",
     "$.external_references[0].hashes.SHA-256"},
    {"ExternalReferenceHashKeyNotInVocabulary", indicator, R"({"SHA-256":)", R"({"sha256":)",
     "$.external_references[0].hashes.sha256"},
    {"KillChainPhaseMissingPhaseName", indicator, R"(,"phase_name":"delivery")", "",
     "$.kill_chain_phases[0].phase_name"},
    {"KillChainNameNotLowercase", indicator, R"("lockheed-martin-cyber-kill-chain")",
     R"("Lockheed Martin")", "$.kill_chain_phases[0].kill_chain_name", W},
    {"CustomPropertyWithoutXPrefix", indicator, R"("x_acme_score")", R"("acme_score")",
     "$.acme_score", W},
    {"CustomPropertyNameInvalid", indicator, R"("x_acme_score")", R"("X-Acme")", "$.X-Acme"},
    {"CustomPropertyNameTooShort", indicator, R"("x_acme_score")", R"("ab")", "$.ab"},
    {"CustomPropertyNull", indicator, R"("x_acme_score":3)", R"("x_acme_score":null)",
     "$.x_acme_score"},
    {"CustomPropertyEmptyList", indicator, R"("x_acme_score":3)", R"("x_acme_score":[])",
     "$.x_acme_score"},
    {"CustomHexPropertyNotHex", indicator, R"("x_acme_score":3)", R"("x_acme_hex":"zz")",
     "$.x_acme_hex"},
    {"CustomRefPropertyNotIdentifier", indicator, R"("x_acme_score":3)", R"("x_acme_ref":"")",
     "$.x_acme_ref", W},
    {"ReservedPropertyName", indicator, R"("x_acme_score":3)", R"("severity":3)", "$.severity"},
    {"DefangedNotApplicableToSdo", indicator, R"("x_acme_score":3)", R"("defanged":true)",
     "$.defanged"},
    {"ExtensionKeyUnknown", indicator, R"("x_acme_score":3)", R"("extensions":{"acme":{"a_b":1}})",
     "$.extensions.acme"},
    {"ExtensionDefinitionWithoutExtensionType", indicator, R"("x_acme_score":3)",
     R"("extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"rank":5}})",
     "$.extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type"},
    {"ExtensionTypeNotInEnumeration", indicator, R"("x_acme_score":3)",
     R"("extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-thing"}})",
     "$.extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type"},
    {"NewSdoExtensionOnSpecType", indicator, R"("x_acme_score":3)",
     R"("extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-sdo"}})",
     "$.extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type"},
    {"PredefinedExtensionOnSdo", indicator, R"("x_acme_score":3)",
     R"("extensions":{"archive-ext":{"contains_refs":["file--019fde1c-94ab-5f1f-8c6e-a6a1a5e4b2b6"]}})",
     "$.extensions.archive-ext"},
    {"ExtensionsEmpty", indicator, R"("x_acme_score":3)", R"("extensions":{})", "$.extensions"},
    // Custom object types.
    {"CustomTypeWithoutExtensionDefinition", custom_sdo,
     R"(,"extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-sdo"}})",
     "", "$.type", W},
    {"CustomTypeStillNeedsCreated", custom_sdo, R"("created":"2014-02-20T09:16:08.989Z",)", "",
     "$.created"},
    // Indicator.
    {"IndicatorPatternMissing", indicator, R"("pattern":"[file:hashes.'SHA-256' = 'aa']",)", "",
     "$.pattern"},
    {"IndicatorPatternTypeOutsideVocabulary", indicator, R"("pattern_type":"stix")",
     R"("pattern_type":"kql")", "$.pattern_type", W},
    {"IndicatorTypeOutsideVocabulary", indicator, R"(["malicious-activity"])", R"(["weird"])",
     "$.indicator_types[0]", W},
    {"IndicatorValidFromMissing", indicator, R"("valid_from":"2016-01-01T00:00:00Z",)", "",
     "$.valid_from"},
    {"IndicatorValidUntilNotAfterValidFrom", indicator, R"("valid_until":"2017-01-01T00:00:00Z")",
     R"("valid_until":"2016-01-01T00:00:00Z")", "$.valid_until"},
    // Malware and malware-analysis.
    {"MalwareIsFamilyMissing", malware, R"("is_family":true,)", "", "$.is_family"},
    {"MalwareIsFamilyNotBoolean", malware, R"("is_family":true)", R"("is_family":"yes")",
     "$.is_family"},
    {"MalwareFamilyWithoutName", malware, R"("name":"Cryptolocker",)", "", "$.name"},
    {"MalwareLastSeenBeforeFirstSeen", malware, R"("last_seen":"2016-02-01T00:00:00Z")",
     R"("last_seen":"2015-02-01T00:00:00Z")", "$.last_seen"},
    {"MalwareOperatingSystemRefNotSoftware", malware, R"(["software--0c7b)", R"(["file--0c7b)",
     "$.operating_system_refs[0]"},
    {"MalwareSampleRefNotFileOrArtifact", malware, R"(["file--0c7b)", R"(["process--0c7b)",
     "$.sample_refs[0]"},
    {"MalwareTypeOutsideVocabulary", malware, R"(["ransomware"])", R"(["nuisance"])",
     "$.malware_types[0]", W},
    {"MalwareCapabilityOutsideVocabulary", malware, R"(["evades-av"])", R"(["sings"])",
     "$.capabilities[0]", W},
    {"MalwareLanguageOutsideVocabulary", malware, R"(["c"])", R"(["cobol"])",
     "$.implementation_languages[0]", W},
    {"MalwareAnalysisWithoutResultOrScos", malware_analysis, R"("result":"malicious",)", "", "$"},
    {"MalwareAnalysisSampleRefWrongType", malware_analysis, R"("file--3a41)", R"("software--3a41)",
     "$.sample_ref"},
    {"MalwareAnalysisProductMissing", malware_analysis, R"("product":"microsoft",)", "",
     "$.product"},
    // Relationship and sighting.
    {"RelationshipSourceIsRelationship", relationship, R"("source_ref":"indicator--)",
     R"("source_ref":"relationship--)", "$.source_ref"},
    {"RelationshipTargetIsBundle", relationship, R"("target_ref":"malware--)",
     R"("target_ref":"bundle--)", "$.target_ref"},
    {"RelationshipTargetMissing", relationship,
     R"("target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",)", "", "$.target_ref"},
    {"RelationshipTypeMalformed", relationship, R"("indicates")", R"("Indicates Strongly")",
     "$.relationship_type"},
    {"RelationshipStopTimeNotAfterStart", relationship, R"("stop_time":"2016-02-01T00:00:00Z")",
     R"("stop_time":"2016-01-01T00:00:00Z")", "$.stop_time"},
    {"SightingOfScoNotSdo", sighting, R"("sighting_of_ref":"indicator--)",
     R"("sighting_of_ref":"file--)", "$.sighting_of_ref"},
    {"SightingOfRefMissing", sighting,
     R"("sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",)", "",
     "$.sighting_of_ref"},
    {"SightingWhereSightedNotIdentityOrLocation", sighting, R"(["identity--b67d)",
     R"(["malware--b67d)", "$.where_sighted_refs[0]"},
    {"SightingObservedDataRefWrongType", sighting, R"(["observed-data--b67d)", R"(["report--b67d)",
     "$.observed_data_refs[0]"},
    {"SightingCountNegative", sighting, R"("count":50)", R"("count":-1)", "$.count"},
    {"SightingLastSeenBeforeFirstSeen", sighting, R"("last_seen":"2015-12-21T19:00:00Z")",
     R"("last_seen":"2015-12-20T19:00:00Z")", "$.last_seen"},
    // Observed data.
    {"ObservedDataNumberObservedZero", observed_data, R"("number_observed":50)",
     R"("number_observed":0)", "$.number_observed"},
    {"ObservedDataNumberObservedTooLarge", observed_data, R"("number_observed":50)",
     R"("number_observed":1000000000)", "$.number_observed"},
    {"ObservedDataFirstObservedMissing", observed_data,
     R"("first_observed":"2015-12-21T19:00:00Z",)", "", "$.first_observed"},
    {"ObservedDataLastObservedBeforeFirst", observed_data,
     R"("last_observed":"2015-12-21T19:00:00Z")", R"("last_observed":"2014-12-21T19:00:00Z")",
     "$.last_observed"},
    {"ObservedDataObjectRefsMissing", observed_data,
     R"(,"object_refs":["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad"])",
     "", "$.object_refs"},
    {"ObservedDataObjectRefToSdo", observed_data, R"(["ipv4-addr--efcd)", R"(["indicator--efcd)",
     "$.object_refs[0]"},
    {"ObservedDataObjectsDeprecated", observed_data,
     R"("object_refs":["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad"])",
     R"("objects":{"0":{"type":"ipv4-addr","value":"1.2.3.4"}})", "$.objects", W},
    // Report, grouping, opinion, identity, threat actor.
    {"ReportPublishedMissing", report, R"("published":"2016-01-20T17:00:00.000Z",)", "",
     "$.published"},
    {"ReportObjectRefsEmpty", report, R"(["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"])",
     "[]", "$.object_refs"},
    {"ReportNameMissing", report, R"("name":"The Black Vine Cyberespionage Group",)", "", "$.name"},
    {"ReportTypeOutsideVocabulary", report, R"(["campaign"])", R"(["gossip"])", "$.report_types[0]",
     W},
    {"GroupingContextMissing", grouping, R"("context":"suspicious-activity",)", "", "$.context"},
    {"GroupingContextOutsideVocabulary", grouping, R"("suspicious-activity")", R"("curiosity")",
     "$.context", W},
    {"OpinionValueNotInEnumeration", opinion, R"("strongly-disagree")", R"("meh")", "$.opinion"},
    {"OpinionObjectRefsMissing", opinion,
     R"(,"object_refs":["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"])", "",
     "$.object_refs"},
    {"IdentityNameMissing", identity, R"("name":"Cole Powers",)", "", "$.name"},
    {"IdentityClassOutsideVocabulary", identity, R"("individual")", R"("robot")",
     "$.identity_class", W},
    {"IdentitySectorOutsideVocabulary", identity, R"(["technology"])", R"(["piracy"])",
     "$.sectors[0]", W},
    {"ThreatActorMotivationOutsideVocabulary", threat_actor, R"("personal-gain")", R"("boredom")",
     "$.primary_motivation", W},
    {"ThreatActorSophisticationOutsideVocabulary", threat_actor, R"("advanced")", R"("godlike")",
     "$.sophistication", W},
    {"ThreatActorRoleOutsideVocabulary", threat_actor, R"(["director"])", R"(["intern"])",
     "$.roles[0]", W},
    // Location.
    {"LocationLatitudeOutOfRange", location, R"("latitude":13.7563)", R"("latitude":91)",
     "$.latitude"},
    {"LocationLongitudeOutOfRange", location, R"("longitude":100.5018)", R"("longitude":-181)",
     "$.longitude"},
    {"LocationLatitudeWithoutLongitude", location, R"(,"longitude":100.5018,"precision":100.0)", "",
     "$.longitude"},
    {"LocationPrecisionWithoutCoordinates", location, R"("latitude":13.7563,"longitude":100.5018,)",
     "", "$.precision"},
    {"LocationWithoutRegionCountryOrCoordinates", location,
     R"("region":"south-eastern-asia","country":"th","latitude":13.7563,"longitude":100.5018,"precision":100.0)",
     R"("name":"somewhere")", "$"},
    {"LocationRegionOutsideVocabulary", location, R"("south-eastern-asia")", R"("atlantis")",
     "$.region", W},
    // Marking definitions and granular markings.
    {"StatementMarkingWithoutStatement", statement_marking,
     R"({"statement":"Copyright 2016, Example Corp"})", R"({"text":"x"})",
     "$.definition.statement"},
    {"MarkingDefinitionHasModified", statement_marking, R"("created":"2016-08-01T00:00:00.000Z",)",
     R"("created":"2016-08-01T00:00:00.000Z","modified":"2016-08-01T00:00:00.000Z",)",
     "$.modified"},
    {"MarkingDefinitionWithoutDefinition", statement_marking,
     R"(,"definition":{"statement":"Copyright 2016, Example Corp"})", "", "$.definition"},
    {"MarkingDefinitionTypeOutsideVocabulary", statement_marking,
     R"("definition_type":"statement")", R"("definition_type":"custom-kind")", "$.definition_type",
     W},
    {"TlpMarkingWithUnknownId", statement_marking,
     R"("definition_type":"statement","definition":{"statement":"Copyright 2016, Example Corp"})",
     R"("definition_type":"tlp","definition":{"tlp":"green"})", "$.id"},
    {"TlpGreenWithWrongName", tlp_green, R"("TLP:GREEN")", R"("TLP:Green")", "$.name"},
    {"TlpGreenWithWrongLevel", tlp_green, R"({"tlp":"green"})", R"({"tlp":"amber"})",
     "$.definition"},
    {"TlpGreenWithWrongCreated", tlp_green, R"("2017-01-20T00:00:00.000Z")",
     R"("2017-01-21T00:00:00.000Z")", "$.created"},
    {"MarkingExtensionsOnlyTakeExtensionDefinitions", tlp2_marking,
     R"("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d")", R"("tlp-ext")",
     "$.extensions.tlp-ext"},
    {"GranularSelectorDoesNotResolve", campaign, R"(["description",)", R"(["objective",)",
     "$.granular_markings[0].selectors[0]"},
    {"GranularSelectorIndexPastEnd", campaign, R"("aliases.[0]")", R"("aliases.[3]")",
     "$.granular_markings[0].selectors[1]"},
    {"GranularSelectorMalformed", campaign, R"("aliases.[0]")", R"("aliases[0]")",
     "$.granular_markings[0].selectors[1]"},
    {"GranularMarkingWithLangAndMarkingRef", campaign, R"({"lang":"en",)",
     R"({"lang":"en","marking_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",)",
     "$.granular_markings[1]"},
    {"GranularMarkingWithNeitherLangNorMarkingRef", campaign, R"({"lang":"en",)", "{",
     "$.granular_markings[1]"},
    {"GranularMarkingSelectorsEmpty", campaign, R"(["name"])", "[]",
     "$.granular_markings[1].selectors"},
    {"GranularMarkingSelectorsMissing", campaign, R"(,"selectors":["name"])", "",
     "$.granular_markings[1].selectors"},
    {"GranularMarkingRefNotMarking", campaign, R"({"marking_ref":"marking-definition--)",
     R"({"marking_ref":"identity--)", "$.granular_markings[0].marking_ref"},
    // Extension definition, language content.
    {"ExtensionDefinitionCreatedByRefMissing", extension_definition,
     R"("created_by_ref":"identity--11b76a96-5d2b-45e0-8a5a-f6994f370731",)", "",
     "$.created_by_ref"},
    {"ExtensionDefinitionTypeNotInEnumeration", extension_definition, R"(["new-sdo"])",
     R"(["new-thing"])", "$.extension_types[0]"},
    {"ExtensionDefinitionSchemaMissing", extension_definition,
     R"("schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/",)", "", "$.schema"},
    {"ExtensionPropertiesWithoutToplevelType", extension_definition, R"(["new-sdo"])",
     R"(["new-sdo"],"extension_properties":["rank"])", "$.extension_properties"},
    {"LanguageContentObjectRefIsBundle", language_content, R"("object_ref":"campaign--)",
     R"("object_ref":"bundle--)", "$.object_ref"},
    {"LanguageContentKeyNotLanguage", language_content, R"("fr":)", R"("french!":)",
     "$.contents['french!']"},
    {"LanguageContentContentsMissing", language_content,
     R"(,"contents":{"de":{"name":"Bank Angriff 1"},"fr":{"name":"Attaque Bank 1"}})", "",
     "$.contents"},
    // SCOs.
    {"ScoCreatedNotApplicable", file, R"("name":"foo.zip",)",
     R"("name":"foo.zip","created":"2016-01-01T00:00:00.000Z",)", "$.created"},
    {"ScoExternalReferencesNotApplicable", minimal_file, R"("name":"a.txt")",
     R"("name":"a.txt","external_references":[{"source_name":"x","url":"https://x"}])",
     "$.external_references"},
    {"ScoDefangedNotBoolean", minimal_file, R"("name":"a.txt")", R"("name":"a.txt","defanged":1)",
     "$.defanged"},
    {"ScoIdMissing", minimal_file, R"("id":"file--e277603e-1060-5ad4-9937-c26c97f1ca68",)", "",
     "$.id"},
    {"FileWithoutNameOrHashes", minimal_file, R"("name":"a.txt")", R"("size":1)", "$"},
    {"FileMd5WrongLength", file, R"("d41d8cd98f00b204e9800998ecf8427e")", R"("d41d8cd9")",
     "$.hashes.MD5"},
    {"FileSha256NotHex", file,
     R"("35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b7100f")",
     R"("35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b710zz")", "$.hashes.SHA-256"},
    {"FileHashAlgorithmOutsideVocabulary", file, R"("MD5":)", R"("x_custom_hash":)",
     "$.hashes.x_custom_hash", W},
    {"FileSizeNegative", file, R"("size":25536)", R"("size":-1)", "$.size"},
    {"FileMagicNumberNotHex", file, R"("504B0304")", R"("504B030")", "$.magic_number_hex"},
    {"FileParentDirectoryRefWrongType", minimal_file, R"("name":"a.txt")",
     R"("name":"a.txt","parent_directory_ref":"file--019fde1c-94ab-5f1f-8c6e-a6a1a5e4b2b6")",
     "$.parent_directory_ref"},
    {"ArchiveExtContainsRefWrongType", file, R"(["file--019fde1c)", R"(["ipv4-addr--019fde1c)",
     "$.extensions.archive-ext.contains_refs[0]"},
    {"ArchiveExtContainsRefsMissing", file,
     R"({"contains_refs":["file--019fde1c-94ab-5f1f-8c6e-a6a1a5e4b2b6"]})", R"({"comment":"x"})",
     "$.extensions.archive-ext.contains_refs"},
    {"PeBinaryTypeOutsideVocabulary", file, R"("pe_type":"exe")", R"("pe_type":"elf")",
     "$.extensions.windows-pebinary-ext.pe_type", W},
    {"PeSectionWithoutName", file, R"({"name":".text","entropy":7.1})", R"({"entropy":7.1})",
     "$.extensions.windows-pebinary-ext.sections[0].name"},
    {"CustomScoExtensionNameDeprecated", file,
     R"("windows-pebinary-ext":{"pe_type":"exe","sections":[{"name":".text","entropy":7.1}]})",
     R"("x-acme-ext":{"a_b":1})", "$.extensions.x-acme-ext", W},
    {"PredefinedExtensionOnWrongScoType", file, R"("archive-ext":)", R"("socket-ext":)",
     "$.extensions.socket-ext"},
    {"NetworkTrafficPortOutOfRange", network_traffic, R"("dst_port":443)", R"("dst_port":70000)",
     "$.dst_port"},
    {"NetworkTrafficWithoutSrcOrDst", network_traffic,
     R"("src_ref":"ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53",)", "", "$"},
    {"NetworkTrafficActiveWithEnd", network_traffic, R"("is_active":true,)",
     R"("is_active":true,"end":"2016-01-02T00:00:00Z",)", "$.end"},
    {"NetworkTrafficSrcRefWrongType", network_traffic, R"("src_ref":"ipv4-addr--)",
     R"("src_ref":"file--)", "$.src_ref"},
    {"NetworkTrafficProtocolsMissing", network_traffic, R"("protocols":["ipv4","tcp"],)", "",
     "$.protocols"},
    {"SocketAddressFamilyNotInEnumeration", network_traffic, R"("AF_INET")", R"("AF_FOO")",
     "$.extensions.socket-ext.address_family"},
    {"TcpExtWithoutFlags", network_traffic, R"({"src_flags_hex":"00000002"})", R"({"x_note":"a"})",
     "$.extensions.tcp-ext"},
    {"EmailMessageMultipartWithBody", email_message, R"("subject":"Hi",)",
     R"("subject":"Hi","body":"x",)", "$.body"},
    {"EmailMessageIsMultipartMissing", email_message, R"("is_multipart":true,)", "",
     "$.is_multipart"},
    {"EmailMimePartWithoutBody", email_message, R"({"content_type":"text/plain","body":"hello"})",
     R"({"content_type":"text/plain"})", "$.body_multipart[0]"},
    {"EmailMessageFromRefWrongType", email_message, R"("from_ref":"email-addr--)",
     R"("from_ref":"user-account--)", "$.from_ref"},
    {"ArtifactPayloadAndUrl", artifact, R"("mime_type":"application/zip",)",
     R"("mime_type":"application/zip","url":"https://example.com/a.zip",)", "$.url"},
    {"ArtifactPayloadNotBase64", artifact, R"("aGVsbG8gd29ybGQ=")", R"("not base64!")",
     "$.payload_bin"},
    {"ArtifactEncryptionAlgorithmNotInEnumeration", artifact, R"("mime-type-indicated")",
     R"("ROT13")", "$.encryption_algorithm"},
    {"ArtifactDecryptionKeyWithoutAlgorithm", artifact,
     R"("encryption_algorithm":"mime-type-indicated",)", "", "$.decryption_key"},
    {"Ipv4ValueInvalid", ipv4, R"("198.51.100.3/32")", R"("198.51.100.300")", "$.value"},
    {"Ipv4BelongsToRefWrongType", ipv4, R"(["autonomous-system--)", R"(["identity--)",
     "$.belongs_to_refs[0]"},
    {"Ipv6ValueInvalid", ipv6, R"("2001:0db8::/96")", R"("2001:db8::g")", "$.value"},
    {"MacAddressUppercase", mac, R"("d2:fb:49:24:37:18")", R"("D2:FB:49:24:37:18")", "$.value"},
    {"UrlWithoutScheme", url, R"("https://example.com/index.html")", R"("example.com/index.html")",
     "$.value"},
    {"EmailAddressWithoutAt", email_addr, R"("john@example.com")", R"("john.example.com")",
     "$.value"},
    {"DomainResolvesToWrongType", domain_name, R"(["ipv4-addr--)", R"(["url--)",
     "$.resolves_to_refs[0]"},
    {"ProcessIntegrityLevelNotInEnumeration", process, R"("high")", R"("ultra")",
     "$.extensions.windows-process-ext.integrity_level"},
    {"ProcessWithoutOwnProperties", process,
     R"("pid":1221,"extensions":{"windows-process-ext":{"aslr_enabled":true,"integrity_level":"high"}})",
     R"("defanged":true)", "$"},
    {"UserAccountTypeOutsideVocabulary", user_account, R"("account_type":"unix")",
     R"("account_type":"mainframe")", "$.account_type", W},
    {"UnixAccountExtEmpty", user_account, R"({"gid":1001,"groups":["wheel"]})", R"({"x_note":"a"})",
     "$.extensions.unix-account-ext"},
    {"RegistryValueDataTypeNotInEnumeration", registry_key, R"("REG_SZ")", R"("REG_STRING")",
     "$.values[0].data_type"},
    {"X509ValidityNotAfterBeforeNotBefore", x509, R"("2016-08-21T12:00:00Z")",
     R"("2015-08-21T12:00:00Z")", "$.validity_not_after"},
    {"AutonomousSystemNumberMissing", autonomous_system, R"("number":15139)", R"("name":"x")",
     "$.number"},
    {"SoftwareLanguageNotATag", software, R"("fr-CA")", R"("french canadian")", "$.languages[1]"},
    {"SoftwareCpeMalformed", software, R"("cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*")",
     R"("microsoft word")", "$.cpe"},
};

class BrokenObject : public ::testing::TestWithParam<Case> {};

TEST_P(BrokenObject, ReportsExactlyOneViolationAtItsPath) {
  const Case& c = GetParam();
  std::string json = one_line(c.base);
  size_t at = json.find(c.from);
  ASSERT_NE(at, std::string::npos) << "test bug: " << c.from << " not in the base object";
  json.replace(at, std::string_view(c.from).size(), c.to);
  auto found = violations_of(json);
  std::vector<Violation> relevant;
  for (const auto& v : found)
    if (v.severity == c.severity || v.severity == Severity::error)
      relevant.push_back(v);
  ASSERT_EQ(relevant.size(), 1u) << describe(found);
  EXPECT_EQ(relevant[0].severity, c.severity) << describe(found);
  EXPECT_EQ(relevant[0].path, c.path) << describe(found);
  EXPECT_FALSE(relevant[0].message.empty());
  EXPECT_EQ(has_error(found), c.severity == Severity::error);
}

INSTANTIATE_TEST_SUITE_P(Validate, BrokenObject, ::testing::ValuesIn(cases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

} // namespace

TEST(Validate, EveryBaseObjectIsCleanWithoutWarnings) {
  for (const char* json : all_valid) {
    auto found = violations_of(json);
    EXPECT_TRUE(found.empty()) << json << "\n" << describe(found);
  }
}

TEST(Validate, ReportsMalformedIdWithItsPath) {
  auto found = violations_of(R"({"type":"indicator","spec_version":"2.1","id":"indicator--bad",
    "created":"2017-01-01T00:00:00.000Z","modified":"2017-01-01T00:00:00.000Z"})");
  ASSERT_FALSE(found.empty());
  bool id_reported = false;
  for (const auto& v : found)
    id_reported = id_reported || v.path == "$.id";
  EXPECT_TRUE(id_reported) << describe(found);
  EXPECT_TRUE(has_error(found));
}

TEST(Validate, ReportsEveryViolationNotJustTheFirst) {
  auto found = violations_of(R"({"type":"indicator","spec_version":"2.0",
    "id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
    "created":"2017-01-01T00:00:00Z","modified":"2016-01-01T00:00:00.000Z",
    "pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z","confidence":500})");
  // spec_version, created precision, modified < created, pattern missing, confidence.
  EXPECT_EQ(found.size(), 5u) << describe(found);
}

TEST(Validate, MessagesNameTheValuesInvolved) {
  auto found = violations_of(R"({"type":"campaign","spec_version":"2.1",
    "id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","name":"x",
    "created":"2017-01-01T00:00:00.000Z","modified":"2016-01-01T00:00:00.000Z"})");
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_NE(found[0].message.find("2016-01-01T00:00:00.000Z"), std::string::npos);
  EXPECT_NE(found[0].message.find("2017-01-01T00:00:00.000Z"), std::string::npos);
}

TEST(Validate, PathIsPrefixedWithTheObjectPath) {
  simdjson::dom::parser parser;
  std::vector<Violation> out;
  validate_object(parser.parse(std::string(R"({"type":"identity","spec_version":"2.1",
    "id":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
    "created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z"})")),
                  "$.objects[7]", out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "$.objects[7].name");
}

TEST(Validate, NonObjectIsAnError) {
  auto found = violations_of("[1,2]");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "$");
}

TEST(Validate, ToplevelPropertyExtensionAllowsUnprefixedProperties) {
  std::string json = one_line(indicator);
  json.replace(
      json.find(R"("x_acme_score":3)"), 16,
      R"("rank":5,"extensions":{"extension-definition--a932fcc6-e032-476c-826f-cb970a5a1ade":{"extension_type":"toplevel-property-extension"}})");
  auto found = violations_of(json);
  EXPECT_TRUE(found.empty()) << describe(found);
}

TEST(Validate, CustomObjectTypeWithoutExtensionIsOnlyAWarning) {
  auto found = violations_of(R"({"type":"x-mitre-tactic","spec_version":"2.1",
    "id":"x-mitre-tactic--daa4cbb1-b4f4-4723-a824-7f1efd6e0592",
    "created":"2018-10-17T00:14:20.652Z","modified":"2019-07-19T17:42:06.909Z",
    "name":"Exfiltration","x_mitre_shortname":"exfiltration"})");
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[0].path, "$.type");
}
