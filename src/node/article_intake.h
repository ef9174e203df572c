// Open-source intake (issue 5): a press article (plain text or HTML, UTF-8) becomes one STIX 2.1
// bundle — a `report` whose object_refs point at an identity, threat-actor or location per entity
// found by the text pipeline (src/text/) — and is imported into a collection.
//
// Ids are deterministic, so the same entity mentioned in several articles is one STIX object
// (later imports are duplicates) and the same article ingested twice is stored once.
#pragma once

#include "core/result.h"
#include "node/bundle_import.h"
#include "stix/tlp.h"
#include "store/store.h"
#include "text/encoding.h"
#include "text/extract.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tansiq::node {

// Articles larger than this are refused before they are read.
inline constexpr std::size_t kMaxArticleBytes = 50u * 1024 * 1024;

// CPU seconds (of the calling thread) spent in each stage of ingest_article, added up over
// calls: bench/ingest_bench's stage split. Measured only when IntakeOptions::stage_seconds is
// set, so that ordinary ingestion does not pay for the clock reads.
struct IntakeStageSeconds {
  double extract = 0;     // decode, check, clean -> entities, the bundle's JSON
  double fingerprint = 0; // the near-duplicate fingerprint of the cleaned text
  double store = 0;       // already-stored and near-duplicate look-ups, keys, validation, import
};

struct IntakeOptions {
  std::string source_url; // external_references when not empty
  std::string lang;       // "ar", "fr", "en"; empty: "ar" when the text is mostly Arabic
  stix::Tlp tlp = stix::Tlp::green;
  // The ingest time, "YYYY-MM-DDTHH:MM:SS.mmmZ"; empty: now.
  std::string now;
  // How the bytes are decoded (text/encoding.h); detect: UTF-8, else the HTML <meta> charset,
  // else windows-1256 when that reads as Arabic.
  text::Encoding encoding = text::Encoding::detect;
  IntakeStageSeconds* stage_seconds = nullptr; // when set: where ingest_article adds its times
};

// The knowledge base shipped in data/text/ (built into the binary) plus ICU's country names;
// loaded once, on first use.
const text::KnowledgeBase& shipped_knowledge_base();

// Refuses what is not an article (invalid_input, with the reason): empty, over
// kMaxArticleBytes, binary (NUL bytes), invalid UTF-8 (with the byte offset). `bytes` is the
// text after decoding (text::decode_article); build_article_bundle runs both.
Result<void> check_article(std::string_view bytes);

struct EntityCounts {
  std::size_t persons = 0, organisations = 0, groups = 0, places = 0, dates = 0, figures = 0;
};

struct ArticleBundle {
  std::string bundle; // the STIX bundle (JSON)
  std::string report_id;
  std::string headline;
  std::string published; // the report's `published`
  bool published_estimated = false;
  EntityCounts counts;
  std::vector<std::string> object_ids; // every object in the bundle, the report last
  std::vector<std::string> warnings;
  std::string charset = "utf-8"; // what the input was decoded from
  std::string text = {};         // the cleaned text (the report's description)
};

// Runs the text pipeline on the article and builds its bundle (nothing stored).
Result<ArticleBundle> build_article_bundle(std::string_view article, const text::KnowledgeBase& kb,
                                           const IntakeOptions& options);

struct IntakeResult {
  ArticleBundle article;
  ImportSummary import;
  bool already_stored = false; // the report was in the store: nothing imported
  // Not empty when the article is a near duplicate (text/fingerprint.h) of a report of the
  // collection: that report's id, and the resemblance of the two texts. Nothing of the article
  // was stored; the report got a new version whose external_references cite the article's
  // source_url, unless it cited it already (source_added says which).
  std::string near_duplicate_of = {};
  double similarity = 0;
  bool source_added = false;
};

// check_article, build_article_bundle, then import into `collection_id`. An article whose
// report id is already stored is not imported again (its objects count as duplicates); one
// whose text is a near duplicate of a report in the collection is linked to it instead (see
// IntakeResult). The LSH keys of each stored article's fingerprint are kept in the store
// (NewObject::similarity_keys, in the report's transaction), so later articles, in this run or
// another, through the CLI or the API, find it.
Result<IntakeResult> ingest_article(store::Store& store, const std::string& collection_id,
                                    std::string_view article, const text::KnowledgeBase& kb,
                                    const IntakeOptions& options);

// Deterministic UUID (version 5 layout) of `name` in Tansiq's namespace. The hash is
// libsodium's SHA-256 (crypto_hash_sha256) of namespace bytes + name, truncated to 16 bytes,
// not RFC 4122's SHA-1; version and variant bits are set as for version 5.
std::string deterministic_uuid(std::string_view name);

} // namespace tansiq::node
