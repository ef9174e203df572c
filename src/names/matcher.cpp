#include "names/matcher.h"

#include "names/candidate_index.h"
#include "names/latin_key.h"
#include "names/name_normaliser.h"
#include "names/name_tokens.h"
#include "names/scorer.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace tansiq::names {
namespace {

// Candidates scored per query, those sharing most index keys with it first.
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

std::vector<PartKeys> keys_of(const NameParts& name) {
  std::vector<PartKeys> keys;
  const auto& parts = name.parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    PartKeys part;
    auto add = [&](const NamePart& p) {
      for (const auto& form : p.forms) {
        std::string key = p.script == Script::latin ? latin_skeleton(form) : arabic_skeleton(form);
        if (!key.empty() && std::find(part.begin(), part.end(), key) == part.end())
          part.push_back(std::move(key));
      }
    };
    add(parts[i]);
    // Akhund Zada / Akhunzada: the part joined with the next one is another reading.
    if (i + 1 < parts.size() && parts[i + 1].script == parts[i].script)
      add(join_parts(parts[i], parts[i + 1]));
    keys.push_back(std::move(part));
  }
  return keys;
}

// Parts stored compactly: per part a script byte, a form count, then each form as a
// length byte and its letters.
void encode(const NameParts& name, std::string& out) {
  out += static_cast<char>(name.reordered ? 1 : 0);
  out += static_cast<char>(name.parts.size());
  for (const auto& part : name.parts) {
    out += part.script == Script::latin ? 'L' : 'A';
    out += static_cast<char>(part.forms.size());
    for (const auto& form : part.forms) {
      out += static_cast<char>(std::min<std::size_t>(form.size(), 255));
      out.append(form, 0, 255);
    }
  }
}

NameParts decode(std::string_view in) {
  NameParts name;
  std::size_t at = 0;
  name.reordered = in[at++] != 0;
  std::size_t count = static_cast<unsigned char>(in[at++]);
  name.parts.resize(count);
  for (auto& part : name.parts) {
    part.script = in[at++] == 'L' ? Script::latin : Script::arabic;
    std::size_t forms = static_cast<unsigned char>(in[at++]);
    for (std::size_t f = 0; f < forms; ++f) {
      std::size_t size = static_cast<unsigned char>(in[at++]);
      part.forms.emplace_back(in.substr(at, size));
      at += size;
    }
  }
  return name;
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
  struct Entry {
    std::string id;
    std::optional<std::string> birth_date, nationality;
  };
  std::vector<Entry> entries;
  std::vector<std::uint32_t> name_entry;  // name -> entry
  std::vector<std::uint32_t> text_offset; // name -> offset in texts (size names + 1)
  std::string texts;
  std::vector<std::uint32_t> parts_offset; // name -> offset in parts (size names + 1)
  std::string parts;
  std::size_t skipped = 0;
  CandidateIndex index;
  bool built = false;

  std::string_view text(std::size_t name) const {
    return std::string_view(texts).substr(text_offset[name],
                                          text_offset[name + 1] - text_offset[name]);
  }
  std::string_view encoded(std::size_t name) const {
    return std::string_view(parts).substr(parts_offset[name],
                                          parts_offset[name + 1] - parts_offset[name]);
  }
};

Watchlist::Watchlist() : impl_(std::make_unique<Impl>()) {
  impl_->text_offset.push_back(0);
  impl_->parts_offset.push_back(0);
}
Watchlist::~Watchlist() = default;
Watchlist::Watchlist(Watchlist&&) noexcept = default;
Watchlist& Watchlist::operator=(Watchlist&&) noexcept = default;

std::size_t Watchlist::size() const {
  return impl_->entries.size();
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
  impl_->skipped += entry.names.size() - usable.size();
  auto entry_index = static_cast<std::uint32_t>(d.entries.size());
  d.entries.push_back({entry.id, entry.birth_date, entry.nationality});
  for (std::size_t k = 0; k < usable.size(); ++k) {
    auto name_index = static_cast<std::uint32_t>(d.name_entry.size());
    d.name_entry.push_back(entry_index);
    d.texts.append(texts[k]);
    d.text_offset.push_back(static_cast<std::uint32_t>(d.texts.size()));
    encode(usable[k], d.parts);
    d.parts_offset.push_back(static_cast<std::uint32_t>(d.parts.size()));
    d.index.add(name_index, keys_of(usable[k]));
  }
  d.built = false;
  return {};
}

void Watchlist::build() {
  if (impl_->built)
    return;
  // Names added since an earlier build() are in the index's pending list with the rest:
  // rebuild from scratch.
  CandidateIndex fresh;
  for (std::size_t name = 0; name < impl_->name_entry.size(); ++name)
    fresh.add(static_cast<std::uint32_t>(name), keys_of(decode(impl_->encoded(name))));
  impl_->index = std::move(fresh);
  impl_->index.build();
  impl_->built = true;
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
  SimilarityCache cache;
  for (std::uint32_t candidate : d.index.candidates(keys_of(*query), max_candidates)) {
    double score = score_names(*query, decode(d.encoded(candidate)), nullptr, &cache);
    std::uint32_t entry = d.name_entry[candidate];
    const auto& e = d.entries[entry];
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
  std::vector<Scored> ranked;
  ranked.reserve(best.size());
  for (const auto& [entry, scored] : best)
    ranked.push_back(scored);
  std::sort(ranked.begin(), ranked.end(), [&](const Scored& a, const Scored& b) {
    return a.score > b.score ||
           (a.score == b.score && d.entries[a.entry].id < d.entries[b.entry].id);
  });
  if (ranked.size() > options.max_results)
    ranked.resize(options.max_results);

  std::vector<Candidate> out;
  for (const Scored& s : ranked) {
    Candidate c;
    const auto& e = d.entries[s.entry];
    c.id = e.id;
    c.score = s.score;
    c.matched_name = std::string(d.text(s.name));
    auto entry_parts = parse(c.matched_name); // with the words as written, for the explanation
    if (entry_parts)
      score_names(*query, *entry_parts, &c.explanation, &cache);
    if (options.birth_date && e.birth_date)
      c.explanation.notes.push_back(dates_disagree(*options.birth_date, *e.birth_date)
                                        ? "birth date disagrees (" + *e.birth_date + ")"
                                        : "birth date agrees");
    if (options.nationality && e.nationality)
      c.explanation.notes.push_back(lower(*options.nationality) != lower(*e.nationality)
                                        ? "nationality disagrees (" + *e.nationality + ")"
                                        : "nationality agrees");
    out.push_back(std::move(c));
  }
  return out;
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
