#include "names/matcher.h"

#include "core/hash64.h"
#include "names/candidate_index.h"
#include "names/latin_key.h"
#include "names/name_normaliser.h"
#include "names/name_tokens.h"
#include "names/scorer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <span>
#include <unordered_map>

namespace tansiq::names {
namespace {

// Candidate name forms per query, those sharing most index keys with it first; the
// estimates (QueryScorer) skip most of them before the alignment. On the bench's
// 200,000-entry list 96 finds the entry for 99.8% of queries instead of 95.8%, at twice
// the cost.
constexpr std::size_t max_candidates = 32;

Result<NameParts> parse(std::string_view text) {
  auto normal = normalise_name(text);
  if (!normal)
    return normal.error();
  NameParts parts = name_parts(*normal);
  if (parts.parts.empty())
    return make_error(Error::Kind::invalid_input,
                      "name has only particles or titles (al-, bin, haji...), no name");
  return parts;
}

// Skeletons of one part (the index keys of its readings).
void add_skeletons(const NamePart& part, PartKeys& keys) {
  for (const auto& form : part.forms) {
    std::string key = part.script == Script::latin ? latin_skeleton(form) : arabic_skeleton(form);
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end())
      keys.push_back(std::move(key));
  }
}

std::vector<PartKeys> keys_of(const NameParts& name) {
  std::vector<PartKeys> keys;
  const auto& parts = name.parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    PartKeys part;
    add_skeletons(parts[i], part);
    // Akhund Zada / Akhunzada: the part joined with the next one is another reading.
    if (i + 1 < parts.size() && parts[i + 1].script == parts[i].script)
      add_skeletons(join_parts(parts[i], parts[i + 1]), part);
    keys.push_back(std::move(part));
  }
  return keys;
}

// Hash of a part's identity for interning: script, forms and the words as written.
std::uint64_t part_hash(const NamePart& part) {
  std::uint64_t h = part.script == Script::latin ? 0x84222325cbf29ce4ULL : core::kFnv1aBasis;
  auto add = [&](std::string_view text) {
    h = core::fnv1a64(text, h);
    h = core::fnv1a64("\xff", h); // separator
  };
  for (const auto& form : part.forms)
    add(form);
  add(part.display);
  return h ^ (h >> 32);
}

bool same_part(const NamePart& a, const NamePart& b) {
  return a.script == b.script && a.forms == b.forms && a.display == b.display;
}

// Open-addressing set of ids (stored plus one, 0 = empty) whose keys live elsewhere.
struct IdSlots {
  std::vector<std::uint32_t> slots;
  std::size_t used = 0;
  // The id equal to what `same(id)` looks for, or `make()`'s new id.
  template <class Same, class Make, class Rehash>
  std::uint32_t intern(std::uint64_t hash, Same same, Make make, Rehash rehash) {
    if ((used + 1) * 2 > slots.size()) {
      std::vector<std::uint32_t> old(std::max<std::size_t>(1024, slots.size() * 2), 0);
      old.swap(slots);
      for (std::uint32_t slot : old)
        if (slot != 0)
          place(rehash(slot - 1), slot);
    }
    std::size_t mask = slots.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      if (slots[at] == 0) {
        std::uint32_t id = make();
        slots[at] = id + 1;
        ++used;
        return id;
      }
      if (same(slots[at] - 1))
        return slots[at] - 1;
    }
  }
  void place(std::uint64_t hash, std::uint32_t slot) {
    std::size_t mask = slots.size() - 1;
    std::size_t at = hash & mask;
    while (slots[at] != 0)
      at = (at + 1) & mask;
    slots[at] = slot;
  }
};

std::uint64_t form_hash(std::span<const std::uint32_t> parts, bool reordered) {
  std::uint64_t h = reordered ? 0x9e3779b97f4a7c15ULL : 0x2545f4914f6cdd1dULL;
  for (std::uint32_t id : parts) {
    h ^= id + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
  }
  return h ^ (h >> 29);
}

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s)
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Dates as given (YYYY, YYYY-MM, YYYY-MM-DD): they disagree when a shared prefix differs.
bool dates_disagree(std::string_view a, std::string_view b) {
  std::size_t n = std::min(a.size(), b.size());
  return n >= 4 && a.substr(0, n) != b.substr(0, n);
}

} // namespace

std::string Explanation::summary() const {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty())
      out += "; ";
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.2f", p.similarity);
    out += "\"" + p.query_part + "\" = \"" + p.entry_part + "\" (" + p.how + ", " + sim + ")";
  }
  for (const auto& note : notes)
    out += (out.empty() ? "" : "; ") + note;
  return out;
}

struct Watchlist::Impl {
  // Entries: id, birth date and nationality in one string, three offsets each.
  std::string entry_strings;
  std::vector<std::uint32_t> entry_offsets{0}; // 3 per entry, plus the end
  std::vector<std::uint8_t> entry_has;         // bit 0: birth date, bit 1: nationality
  struct EntryView {
    std::string_view id;
    std::optional<std::string_view> birth_date, nationality;
  };
  // Distinct name parts, parsed once at add(): lists repeat parts (Muhammad, Abdallah...).
  std::vector<NamePart> parts;
  std::vector<PartKeys> part_keys;     // part -> its skeletons
  std::vector<PartHashes> part_hashes; // part -> CandidateIndex::key_hash of each
  IdSlots part_ids;
  // Distinct name forms (sequences of part ids): a form is scored once per query however
  // many entries carry it.
  std::vector<std::uint32_t> form_offset{0}; // form -> first in form_parts (size forms + 1)
  std::vector<std::uint32_t> form_parts;
  std::vector<std::uint8_t> form_reordered;
  IdSlots form_ids;
  // Names as added: entry, form and the text as written.
  std::vector<std::uint32_t> name_entry, name_form;
  std::vector<std::uint32_t> text_offset{0}; // name -> offset in texts (size names + 1)
  std::string texts;
  // Built: form -> its names (compressed rows).
  std::vector<std::uint32_t> form_name_offset, form_names;
  std::size_t skipped = 0;
  CandidateIndex index;
  bool built = false;

  std::string_view text(std::size_t name) const {
    return std::string_view(texts).substr(text_offset[name],
                                          text_offset[name + 1] - text_offset[name]);
  }
  std::span<const std::uint32_t> form(std::size_t f) const {
    return std::span<const std::uint32_t>(form_parts)
        .subspan(form_offset[f], form_offset[f + 1] - form_offset[f]);
  }
  std::size_t form_count() const { return form_reordered.size(); }

  std::size_t entry_count() const { return entry_has.size(); }
  EntryView entry(std::size_t e) const {
    auto field = [&](std::size_t k) {
      return std::string_view(entry_strings)
          .substr(entry_offsets[3 * e + k],
                  entry_offsets[3 * e + k + 1] - entry_offsets[3 * e + k]);
    };
    EntryView view{field(0), std::nullopt, std::nullopt};
    if (entry_has[e] & 1)
      view.birth_date = field(1);
    if (entry_has[e] & 2)
      view.nationality = field(2);
    return view;
  }
  void add_entry(const WatchlistEntry& entry) {
    for (const std::string* field : {&entry.id, entry.birth_date ? &*entry.birth_date : nullptr,
                                     entry.nationality ? &*entry.nationality : nullptr}) {
      if (field)
        entry_strings += *field;
      entry_offsets.push_back(static_cast<std::uint32_t>(entry_strings.size()));
    }
    entry_has.push_back(
        static_cast<std::uint8_t>((entry.birth_date ? 1 : 0) | (entry.nationality ? 2 : 0)));
  }

  SharedSimilarities shared;     // filled by screen(), read by every query
  std::uint64_t table_token = 0; // new at every build(): see QueryScorer

  std::uint32_t find_part(const NamePart& part) const {
    if (part_ids.slots.empty())
      return QueryScorer::no_id;
    std::size_t mask = part_ids.slots.size() - 1;
    for (std::size_t at = part_hash(part) & mask; part_ids.slots[at] != 0; at = (at + 1) & mask)
      if (same_part(parts[part_ids.slots[at] - 1], part))
        return part_ids.slots[at] - 1;
    return QueryScorer::no_id;
  }

  std::uint32_t intern_part(const NamePart& part) {
    return part_ids.intern(
        part_hash(part), [&](std::uint32_t id) { return same_part(parts[id], part); },
        [&] {
          parts.push_back(part);
          PartKeys keys;
          add_skeletons(part, keys);
          PartHashes hashes;
          for (const auto& key : keys)
            hashes.push_back(CandidateIndex::key_hash(key));
          part_keys.push_back(std::move(keys));
          part_hashes.push_back(std::move(hashes));
          return static_cast<std::uint32_t>(parts.size() - 1);
        },
        [&](std::uint32_t id) { return part_hash(parts[id]); });
  }

  std::uint32_t intern_form(const NameParts& name) {
    std::array<std::uint32_t, max_name_words> buffer;
    std::size_t count = std::min(name.parts.size(), buffer.size());
    for (std::size_t k = 0; k < count; ++k)
      buffer[k] = intern_part(name.parts[k]);
    std::span<const std::uint32_t> ids(buffer.data(), count);
    return form_ids.intern(
        form_hash(ids, name.reordered),
        [&](std::uint32_t f) {
          auto existing = form(f);
          return (form_reordered[f] != 0) == name.reordered &&
                 std::equal(existing.begin(), existing.end(), ids.begin(), ids.end());
        },
        [&] {
          form_parts.insert(form_parts.end(), ids.begin(), ids.end());
          form_offset.push_back(static_cast<std::uint32_t>(form_parts.size()));
          form_reordered.push_back(name.reordered ? 1 : 0);
          return static_cast<std::uint32_t>(form_count() - 1);
        },
        [&](std::uint32_t f) { return form_hash(form(f), form_reordered[f] != 0); });
  }

  // Index keys of a form: the skeletons of each part and of it joined with the next one.
  // `joined` caches the joined pairs' hashes (bounded: lists with many distinct pairs).
  std::vector<PartHashes> form_keys(std::size_t f,
                                    std::unordered_map<std::uint64_t, PartHashes>& joined) const {
    auto ids = form(f);
    std::vector<PartHashes> keys;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      PartHashes part = part_hashes[ids[i]];
      if (i + 1 < ids.size() && parts[ids[i]].script == parts[ids[i + 1]].script) {
        std::uint64_t pair = static_cast<std::uint64_t>(ids[i]) << 32 | ids[i + 1];
        if (joined.size() > (1u << 20))
          joined.clear();
        auto [it, inserted] = joined.try_emplace(pair);
        if (inserted) {
          PartKeys skeletons;
          add_skeletons(join_parts(parts[ids[i]], parts[ids[i + 1]]), skeletons);
          for (const auto& key : skeletons)
            it->second.push_back(CandidateIndex::key_hash(key));
        }
        for (std::uint64_t key : it->second)
          if (std::find(part.begin(), part.end(), key) == part.end())
            part.push_back(key);
      }
      keys.push_back(std::move(part));
    }
    return keys;
  }
};

Watchlist::Watchlist() : impl_(std::make_unique<Impl>()) {}
Watchlist::~Watchlist() = default;
Watchlist::Watchlist(Watchlist&&) noexcept = default;
Watchlist& Watchlist::operator=(Watchlist&&) noexcept = default;

std::size_t Watchlist::size() const {
  return impl_->entry_count();
}
std::size_t Watchlist::name_count() const {
  return impl_->name_entry.size();
}
std::size_t Watchlist::skipped_names() const {
  return impl_->skipped;
}

Result<void> Watchlist::add(const WatchlistEntry& entry) {
  if (entry.id.empty())
    return make_error(Error::Kind::invalid_input, "watchlist entry has no id");
  std::vector<NameParts> usable;
  std::vector<std::string_view> texts;
  std::string first_error;
  for (const auto& name : entry.names) {
    auto parts = parse(name);
    if (!parts) {
      if (first_error.empty())
        first_error = parts.error().message;
      continue;
    }
    usable.push_back(std::move(*parts));
    texts.push_back(name);
  }
  if (usable.empty())
    return make_error(Error::Kind::invalid_input,
                      entry.names.empty() ? "watchlist entry has no name"
                                          : "no usable name: " + first_error,
                      entry.id);
  Impl& d = *impl_;
  d.skipped += entry.names.size() - usable.size();
  auto entry_index = static_cast<std::uint32_t>(d.entry_count());
  d.add_entry(entry);
  for (std::size_t k = 0; k < usable.size(); ++k) {
    d.name_entry.push_back(entry_index);
    d.name_form.push_back(d.intern_form(usable[k]));
    d.texts.append(texts[k]);
    d.text_offset.push_back(static_cast<std::uint32_t>(d.texts.size()));
  }
  d.built = false;
  return {};
}

void Watchlist::build() {
  Impl& d = *impl_;
  if (d.built)
    return;
  CandidateIndex fresh;
  std::unordered_map<std::uint64_t, PartHashes> joined;
  for (std::size_t f = 0; f < d.form_count(); ++f)
    fresh.add(static_cast<std::uint32_t>(f), d.form_keys(f, joined));
  d.index = std::move(fresh);
  d.index.build();
  d.table_token = QueryScorer::new_table_token();
  // Queries mostly repeat the list's parts: room for several values per pair of distinct
  // parts (single parts and two joined), bounded (16 bytes a value).
  d.shared.prepare(
      std::min<std::size_t>(std::size_t{1} << 20, d.parts.size() * d.parts.size() * 8));
  // Form -> names, in name order.
  d.form_name_offset.assign(d.form_count() + 1, 0);
  for (std::uint32_t f : d.name_form)
    ++d.form_name_offset[f + 1];
  for (std::size_t f = 0; f < d.form_count(); ++f)
    d.form_name_offset[f + 1] += d.form_name_offset[f];
  d.form_names.assign(d.name_form.size(), 0);
  std::vector<std::uint32_t> fill(d.form_name_offset.begin(), d.form_name_offset.end() - 1);
  for (std::size_t name = 0; name < d.name_form.size(); ++name)
    d.form_names[fill[d.name_form[name]]++] = static_cast<std::uint32_t>(name);
  d.built = true;
}

Result<std::vector<Candidate>> Watchlist::screen(std::string_view name,
                                                 const ScreenOptions& options) const {
  const Impl& d = *impl_;
  if (!d.built)
    return make_error(Error::Kind::conflict, "watchlist not built: call build() after add()");
  if (!(options.threshold >= 0 && options.threshold <= 1))
    return make_error(Error::Kind::invalid_input, "threshold must be in [0, 1]");
  auto query = parse(name);
  if (!query)
    return query.error();

  struct Scored {
    std::uint32_t entry, name;
    double score;
  };
  std::unordered_map<std::uint32_t, Scored> best;
  // The query's parts that are also in the table share similarities across queries.
  std::vector<std::uint32_t> query_ids;
  for (const auto& part : query->parts)
    query_ids.push_back(d.find_part(part));
  QueryScorer scorer(*query, std::move(query_ids), &d.shared, d.table_token);
  for (std::uint32_t form : d.index.candidates(keys_of(*query), max_candidates)) {
    // Upper bounds first: most candidates share a few parts with the query, not all.
    if (scorer.coarse_estimate(d.form(form), d.parts, d.part_keys) < options.threshold ||
        scorer.estimate(d.form(form), d.parts, d.part_keys) < options.threshold)
      continue;
    double form_score =
        scorer.score(d.form(form), d.form_reordered[form] != 0, d.parts, d.part_keys);
    // Birth date and nationality only lower a score.
    if (form_score < options.threshold)
      continue;
    for (std::uint32_t k = d.form_name_offset[form]; k < d.form_name_offset[form + 1]; ++k) {
      std::uint32_t candidate = d.form_names[k];
      double score = form_score;
      std::uint32_t entry = d.name_entry[candidate];
      auto e = d.entry(entry);
      if (options.birth_date && e.birth_date && dates_disagree(*options.birth_date, *e.birth_date))
        score *= 0.8;
      if (options.nationality && e.nationality &&
          lower(*options.nationality) != lower(*e.nationality))
        score *= 0.9;
      if (score < options.threshold)
        continue;
      auto [it, inserted] = best.try_emplace(entry, Scored{entry, candidate, score});
      if (!inserted && score > it->second.score)
        it->second = Scored{entry, candidate, score};
    }
  }
  std::vector<Scored> ranked;
  ranked.reserve(best.size());
  for (const auto& [entry, scored] : best)
    ranked.push_back(scored);
  auto better = [&](const Scored& a, const Scored& b) {
    return a.score > b.score || (a.score == b.score && d.entry(a.entry).id < d.entry(b.entry).id);
  };
  if (ranked.size() > options.max_results) {
    std::partial_sort(ranked.begin(),
                      ranked.begin() + static_cast<std::ptrdiff_t>(options.max_results),
                      ranked.end(), better);
    ranked.resize(options.max_results);
  } else {
    std::sort(ranked.begin(), ranked.end(), better);
  }

  // Explanations only for what is returned, from the parts kept at add().
  std::vector<Candidate> out;
  for (const Scored& s : ranked) {
    Candidate c;
    auto e = d.entry(s.entry);
    c.id = std::string(e.id);
    c.score = s.score;
    c.matched_name = std::string(d.text(s.name));
    std::uint32_t form = d.name_form[s.name];
    scorer.score(d.form(form), d.form_reordered[form] != 0, d.parts, d.part_keys, &c.explanation);
    if (options.birth_date && e.birth_date)
      c.explanation.notes.push_back(dates_disagree(*options.birth_date, *e.birth_date)
                                        ? "birth date disagrees (" + std::string(*e.birth_date) +
                                              ")"
                                        : "birth date agrees");
    if (options.nationality && e.nationality)
      c.explanation.notes.push_back(lower(*options.nationality) != lower(*e.nationality)
                                        ? "nationality disagrees (" + std::string(*e.nationality) +
                                              ")"
                                        : "nationality agrees");
    out.push_back(std::move(c));
  }
  return out;
}

Result<void> check_name(std::string_view name) {
  auto parsed = parse(name);
  if (!parsed)
    return parsed.error();
  return {};
}

Result<double> name_similarity(std::string_view a, std::string_view b, Explanation* explanation) {
  auto left = parse(a);
  if (!left)
    return left.error();
  auto right = parse(b);
  if (!right)
    return right.error();
  return score_names(*left, *right, explanation);
}

} // namespace tansiq::names
