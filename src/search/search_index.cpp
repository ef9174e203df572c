#include "search/search_index.h"

#include "search/query.h"
#include "search/snippet.h"
#include "search/terms.h"
#include "stix/timestamp.h"
#include "text/normalise.h"
#include "text/tokenise.h"

#include <simdjson.h>
#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>

namespace tansiq::search {
namespace {

using detail::Analyser;
using detail::Language;

constexpr Xapian::valueno kDateSlot = 0;    // sortable_serialise(seconds since the epoch)
constexpr Xapian::valueno kVersionSlot = 1; // sortable_serialise(version in microseconds)
constexpr const char* kFormatKey = "tansiq:format";
constexpr const char* kFormat = "1";
constexpr const char* kCursorKey = "cursor:";
constexpr std::size_t kMaxTermBytes = 200; // Xapian's limit is 245
// Weight of a word in the title and in aliases, relative to one in the text.
constexpr Xapian::termcount kTitleWdf = 3, kAliasWdf = 2;

// Boolean filter terms (upper-case prefixes: no indexed word starts with an ASCII capital).
const std::string kTypePrefix = "XT", kCollectionPrefix = "XC", kEntityPrefix = "XE",
                  kLangPrefix = "XL", kUniquePrefix = "Q";

std::string unique_term(std::string_view collection, std::string_view id) {
  std::string term = kUniquePrefix;
  term.append(collection).append(" ").append(id);
  return term;
}

// The document data: length-prefixed fields.
struct Stored {
  std::string id, type, collection, title, date, lang, body;
};

void put(std::string& out, std::string_view field) {
  std::size_t n = field.size();
  do {
    unsigned char byte = n & 0x7F;
    n >>= 7;
    out.push_back(static_cast<char>(byte | (n ? 0x80 : 0)));
  } while (n);
  out.append(field);
}

bool get(std::string_view& in, std::string& field) {
  std::size_t n = 0;
  for (int shift = 0;; shift += 7) {
    if (in.empty() || shift > 35)
      return false;
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80))
      break;
  }
  if (n > in.size())
    return false;
  field.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

std::string encode(const Stored& s) {
  std::string out;
  out.reserve(s.body.size() + s.title.size() + 160);
  for (const auto* field : {&s.id, &s.type, &s.collection, &s.title, &s.date, &s.lang, &s.body})
    put(out, *field);
  return out;
}

std::optional<Stored> decode(std::string_view data) {
  Stored s;
  for (auto* field : {&s.id, &s.type, &s.collection, &s.title, &s.date, &s.lang, &s.body})
    if (!get(data, *field))
      return std::nullopt;
  return s;
}

Error xapian_error(const Xapian::Error& error, const std::string& where) {
  if (std::string_view(error.get_type()) == "DatabaseLockError")
    return make_error(Error::Kind::unavailable,
                      "the search index is being updated by another process", where);
  return make_error(Error::Kind::unavailable, "search index: " + error.get_description(), where);
}

std::string_view string_field(simdjson::dom::object object, const char* key) {
  std::string_view value;
  if (object[key].get_string().get(value) != simdjson::SUCCESS)
    return {};
  return value;
}

// A date bound: "YYYY-MM-DD" (a whole day) or a STIX timestamp.
Result<double> parse_bound(const std::string& text, bool upper, const char* name) {
  std::optional<stix::MicrosSinceEpoch> micros;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    micros = stix::parse_timestamp(text + "T00:00:00Z");
    if (micros && upper)
      *micros += 86'400'000'000LL - 1;
  } else {
    micros = stix::parse_timestamp(text);
  }
  if (!micros)
    return make_error(Error::Kind::invalid_input,
                      std::string(name) + ": not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)",
                      text);
  return static_cast<double>(*micros) / 1e6;
}

bool mostly_arabic(std::string_view text) {
  std::size_t arabic = 0, latin = 0;
  for (std::size_t i = 0; i < text.size() && i < 4096; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB)
      ++arabic;
    else if ((c | 32) >= 'a' && (c | 32) <= 'z')
      ++latin;
  }
  return arabic * 2 >= latin && arabic > 0;
}

} // namespace

struct SearchIndex::State {
  std::string directory;
  bool writable = false;
  Xapian::WritableDatabase writer; // when writable
  Xapian::Database reader;         // otherwise
  Analyser analyser;
  simdjson::dom::parser parser;

  Xapian::Database& database() { return writable ? writer : reader; }
};

std::string index_directory(const std::string& node_directory) {
  return (std::filesystem::path(node_directory) / "search").string();
}

SearchIndex::SearchIndex(std::unique_ptr<State> state) : state_(std::move(state)) {}
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;
SearchIndex::~SearchIndex() = default;

Result<SearchIndex> SearchIndex::open(const std::string& directory, Mode mode) {
  auto state = std::make_unique<State>();
  state->directory = directory;
  state->writable = mode == Mode::write;
  try {
    if (state->writable) {
      state->writer = Xapian::WritableDatabase(directory, Xapian::DB_CREATE_OR_OPEN);
      if (state->writer.get_metadata(kFormatKey) != kFormat) {
        // A new index, or one of an older format: (re)built from the store by catch_up.
        if (state->writer.get_doccount() > 0) {
          state->writer.close();
          state->writer = Xapian::WritableDatabase(directory, Xapian::DB_CREATE_OR_OVERWRITE);
        }
        state->writer.set_metadata(kFormatKey, kFormat);
        state->writer.commit();
      }
      // Changes wait in a transaction until commit(): an index closed or a process killed
      // before then keeps none of them (Xapian would otherwise commit on close).
      state->writer.begin_transaction();
    } else {
      std::error_code ignored;
      if (!std::filesystem::exists(directory, ignored))
        return make_error(Error::Kind::not_found, "no search index", directory);
      state->reader = Xapian::Database(directory);
    }
  } catch (const Xapian::Error& error) {
    return xapian_error(error, directory);
  }
  return SearchIndex(std::move(state));
}

std::size_t SearchIndex::document_count() const {
  try {
    return state_->database().get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

Result<bool> SearchIndex::add(std::string_view collection_id, std::string_view json) {
  if (!state_->writable)
    return make_error(Error::Kind::internal, "the search index is open for reading");
  simdjson::dom::element element;
  simdjson::dom::object object;
  if (state_->parser.parse(json.data(), json.size()).get(element) != simdjson::SUCCESS ||
      element.get_object().get(object) != simdjson::SUCCESS)
    return make_error(Error::Kind::invalid_input, "not a JSON object");
  Stored stored;
  stored.id = string_field(object, "id");
  stored.type = string_field(object, "type");
  stored.collection = collection_id;
  if (stored.id.empty() || stored.type.empty())
    return make_error(Error::Kind::invalid_input, "not a STIX object (no id or type)");
  stored.title = string_field(object, "name");
  stored.body = string_field(object, "description");
  if (stored.body.empty())
    stored.body = string_field(object, "content"); // notes
  std::vector<std::string_view> aliases;
  simdjson::dom::array array;
  if (object["aliases"].get_array().get(array) == simdjson::SUCCESS)
    for (auto alias : array) {
      std::string_view text;
      if (alias.get_string().get(text) == simdjson::SUCCESS && !text.empty())
        aliases.push_back(text);
    }
  stored.lang = string_field(object, "lang");
  auto modified = string_field(object, "modified");
  auto created = string_field(object, "created");
  auto published = string_field(object, "published");
  stored.date = !published.empty() ? published : !modified.empty() ? modified : created;
  auto version = stix::parse_timestamp(!modified.empty() ? modified : created);
  bool body_is_aliases = stored.body.empty() && !aliases.empty();
  if (body_is_aliases) // shown in snippets; indexed as aliases
    for (auto alias : aliases)
      stored.body.append(stored.body.empty() ? "" : " · ").append(alias);

  try {
    auto unique = unique_term(collection_id, stored.id);
    auto& db = state_->writer;
    if (auto posting = db.postlist_begin(unique); posting != db.postlist_end(unique)) {
      auto existing = db.get_document(*posting).get_value(kVersionSlot);
      if (version && !existing.empty() &&
          Xapian::sortable_unserialise(existing) > static_cast<double>(*version))
        return false; // a newer version is indexed
    }
    if (stored.title.empty() && stored.body.empty()) {
      db.delete_document(unique); // this version has no text any more
      return false;
    }

    Language language =
        stored.lang.empty()
            ? (mostly_arabic(stored.title + stored.body) ? Language::arabic : Language::english)
            : detail::language_of(stored.lang);
    Xapian::Document document;
    auto index_text = [&](std::string_view field, Xapian::termcount wdf) {
      // The words only (no display offsets): the analyser's terms of each.
      const std::string normalised = text::normalise_key(field);
      for (const auto& span : text::token_spans(normalised)) {
        std::string_view word(normalised.data() + span.nbegin, span.nend - span.nbegin);
        if (span.kind == text::TokenKind::number) {
          if (word.size() <= kMaxTermBytes)
            document.add_term(std::string(word), wdf);
          continue;
        }
        if (span.kind != text::TokenKind::word)
          continue;
        for (const auto& term : state_->analyser.word_terms(word, span.arabic, language))
          if (term.size() <= kMaxTermBytes)
            document.add_term(term, wdf);
      }
    };
    index_text(stored.title, kTitleWdf);
    for (auto alias : aliases)
      index_text(alias, kAliasWdf);
    if (!body_is_aliases)
      index_text(stored.body, 1);

    document.add_boolean_term(unique);
    document.add_boolean_term(kTypePrefix + stored.type);
    document.add_boolean_term(kCollectionPrefix + stored.collection);
    if (!stored.lang.empty())
      document.add_boolean_term(kLangPrefix + stored.lang);
    if (object["object_refs"].get_array().get(array) == simdjson::SUCCESS)
      for (auto ref : array) {
        std::string_view text;
        if (ref.get_string().get(text) == simdjson::SUCCESS && text.size() <= kMaxTermBytes)
          document.add_boolean_term(kEntityPrefix + std::string(text));
      }
    if (auto date = stix::parse_timestamp(stored.date))
      document.add_value(kDateSlot, Xapian::sortable_serialise(static_cast<double>(*date) / 1e6));
    if (version)
      document.add_value(kVersionSlot, Xapian::sortable_serialise(static_cast<double>(*version)));
    document.set_data(encode(stored));
    db.replace_document(unique, document);
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
  return true;
}

Result<bool> SearchIndex::remove(std::string_view collection_id, std::string_view object_id) {
  if (!state_->writable)
    return make_error(Error::Kind::internal, "the search index is open for reading");
  try {
    auto unique = unique_term(collection_id, object_id);
    auto& db = state_->writer;
    if (db.postlist_begin(unique) == db.postlist_end(unique))
      return false;
    db.delete_document(unique);
    return true;
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
}

Result<std::int64_t> SearchIndex::cursor(std::string_view collection_id) {
  try {
    auto text = state_->database().get_metadata(kCursorKey + std::string(collection_id));
    std::int64_t value = 0;
    if (!text.empty() &&
        std::from_chars(text.data(), text.data() + text.size(), value).ec != std::errc())
      return make_error(Error::Kind::internal, "unreadable cursor in the search index",
                        std::string(collection_id));
    return value;
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
}

Result<void> SearchIndex::set_cursor(std::string_view collection_id, std::int64_t date_added) {
  if (!state_->writable)
    return make_error(Error::Kind::internal, "the search index is open for reading");
  try {
    state_->writer.set_metadata(kCursorKey + std::string(collection_id),
                                std::to_string(date_added));
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
  return {};
}

Result<void> SearchIndex::commit() {
  if (!state_->writable)
    return {};
  try {
    state_->writer.commit_transaction();
    state_->writer.begin_transaction();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
  return {};
}

Result<void> SearchIndex::refresh() {
  try {
    state_->database().reopen();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
  return {};
}

Result<SearchResults> SearchIndex::search(const SearchQuery& query) {
  SearchResults results;
  auto parsed = detail::parse_query(query.text, state_->analyser);
  if (!parsed)
    return parsed.error();
  std::optional<double> from, to;
  if (!query.from.empty()) {
    auto bound = parse_bound(query.from, false, "from");
    if (!bound)
      return bound.error();
    from = *bound;
  }
  if (!query.to.empty()) {
    auto bound = parse_bound(query.to, true, "to");
    if (!bound)
      return bound.error();
    to = *bound;
  }
  if (!parsed->stop_words.empty()) {
    std::string note = "ignored stop-words:";
    for (const auto& word : parsed->stop_words)
      note += " " + word;
    results.notes.push_back(std::move(note));
  }
  bool has_text = query.text.find_first_not_of(" \t\r\n") != std::string::npos;
  if (has_text && !parsed->query) {
    results.notes.push_back("the query has only stop-words: nothing to search for");
    return results;
  }
  if (query.collections.empty() || query.limit == 0)
    return results;

  auto any_of = [](const std::string& prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    for (const auto& value : values)
      terms.emplace_back(prefix + value);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  };
  // The collection filter, unless the caller may read every collection the index holds.
  std::optional<Xapian::Query> filter;
  try {
    auto& db = state_->database();
    for (auto it = db.allterms_begin(kCollectionPrefix); it != db.allterms_end(kCollectionPrefix);
         ++it)
      if (std::find(query.collections.begin(), query.collections.end(),
                    (*it).substr(kCollectionPrefix.size())) == query.collections.end()) {
        filter = any_of(kCollectionPrefix, query.collections);
        break;
      }
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
  auto narrow = [&filter](Xapian::Query more) {
    filter = filter ? Xapian::Query(Xapian::Query::OP_AND, *filter, more) : more;
  };
  if (!query.types.empty()) {
    // Not needed when every document is of one of these types.
    Xapian::doccount of_types = 0;
    try {
      for (const auto& type : query.types)
        of_types += state_->database().get_termfreq(kTypePrefix + type);
      if (of_types < state_->database().get_doccount())
        narrow(any_of(kTypePrefix, query.types));
    } catch (const Xapian::Error& error) {
      return xapian_error(error, state_->directory);
    }
  }
  if (!query.entity.empty())
    narrow(Xapian::Query(kEntityPrefix + query.entity));

  if (from || to) {
    Xapian::Query range =
        from && to
            ? Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot,
                            Xapian::sortable_serialise(*from), Xapian::sortable_serialise(*to))
        : from
            ? Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot,
                            Xapian::sortable_serialise(*from))
            : Xapian::Query(Xapian::Query::OP_VALUE_LE, kDateSlot, Xapian::sortable_serialise(*to));
    narrow(range);
  }

  try {
    auto& db = state_->database();
    Xapian::Enquire enquire(db);
    if (parsed->query) {
      enquire.set_query(filter ? Xapian::Query(Xapian::Query::OP_FILTER, *parsed->query, *filter)
                               : *parsed->query);
      enquire.set_weighting_scheme(Xapian::BM25Weight());
      enquire.set_docid_order(Xapian::Enquire::DONT_CARE); // ties in any order: faster
    } else {
      enquire.set_query(filter ? *filter : Xapian::Query::MatchAll);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_sort_by_value(kDateSlot, true);
    }
    auto mset = enquire.get_mset(static_cast<Xapian::doccount>(query.offset),
                                 static_cast<Xapian::doccount>(query.limit));
    results.total_estimate = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto stored = decode(it.get_document().get_data());
      if (!stored)
        return make_error(Error::Kind::internal, "unreadable document in the search index",
                          state_->directory);
      SearchHit hit;
      hit.id = std::move(stored->id);
      hit.type = std::move(stored->type);
      hit.collection = std::move(stored->collection);
      hit.title = std::move(stored->title);
      hit.date = std::move(stored->date);
      hit.lang = std::move(stored->lang);
      hit.score = parsed->query ? it.get_weight() : 0.0;
      Language language =
          hit.lang.empty()
              ? (mostly_arabic(hit.title + stored->body) ? Language::arabic : Language::english)
              : detail::language_of(hit.lang);
      hit.snippet = detail::make_snippet(stored->body.empty() ? hit.title : stored->body, language,
                                         parsed->highlight_terms, state_->analyser);
      results.hits.push_back(std::move(hit));
    }
  } catch (const Xapian::Error& error) {
    return xapian_error(error, state_->directory);
  }
  return results;
}

} // namespace tansiq::search
