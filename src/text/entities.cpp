// The entity finder's core: the knowledge-base pass (longest listed name at each token), the
// helpers every pass shares, and the grouping of mentions into entities.
#include "text/entities.h"

#include "text/entity_finder.h"

#include <algorithm>
#include <map>

namespace tansiq::text::entity_rules {

// The clitic readings of token i, computed once: every pass asks for them.
const std::vector<CliticReading>& Finder::readings(std::size_t i) const {
  if (!read_[i]) {
    readings_[i] = clitic_readings(t_[i].norm);
    read_[i] = true;
  }
  return readings_[i];
}

// Records of `types` whose name starts at token i (any clitic reading); longest match.
bool Finder::match_at(std::size_t i, std::size_t& last, uint32_t& prefix,
                      std::vector<uint32_t>& records) const {
  if (t_[i].kind == TokenKind::punct)
    return false;
  bool found = false;
  for (const CliticReading& reading : readings(i)) {
    std::string key = reading.form;
    std::size_t j = i;
    while (true) {
      if (const auto* hits = kb_.lookup(key)) {
        if (!found || j + 1 > last) {
          last = j + 1;
          prefix = reading.prefix_bytes;
          records = *hits;
          found = true;
        }
      }
      if (j + 1 >= t_.size() || !kb_.is_prefix(key))
        break;
      ++j;
      key += ' ';
      key += t_[j].norm;
    }
  }
  return found;
}

const EntityRecord* Finder::pick(const std::vector<uint32_t>& records, bool allow_people) const {
  const EntityRecord* best = nullptr;
  for (uint32_t r : records) {
    const EntityRecord& rec = kb_.record(r);
    if (rec.type == EntityType::given_name || rec.type == EntityType::nationality)
      continue;
    if (rec.type == EntityType::person && !allow_people)
      continue;
    if (!best || (best->type == EntityType::location && rec.type != EntityType::location))
      best = &rec;
  }
  return best;
}

bool Finder::is_nationality_word(std::string_view norm) const {
  if (const auto* hits = kb_.lookup(norm))
    for (uint32_t r : *hits)
      if (kb_.record(r).type == EntityType::nationality)
        return true;
  return false;
}

void Finder::add(Candidate c) {
  for (std::size_t k = c.first; k < c.last; ++k)
    used_[k] = true;
  candidates_.push_back(std::move(c));
}

bool Finder::free_range(std::size_t a, std::size_t b) const {
  for (std::size_t k = a; k < b && k < t_.size(); ++k)
    if (used_[k])
      return false;
  return b <= t_.size();
}

// Nationality adjectives after a name extend it («وزارة الداخلية المغربية»).
std::size_t Finder::extend_with_nationality(std::size_t last) const {
  while (last < t_.size() && t_[last].kind == TokenKind::word && is_al(t_[last].norm) &&
         is_nationality_word(t_[last].norm) && !used_[last])
    ++last;
  return last;
}

void Finder::kb_pass() {
  for (std::size_t i = 0; i < t_.size(); ++i) {
    std::size_t last = 0;
    uint32_t prefix = 0;
    std::vector<uint32_t> records;
    if (!match_at(i, last, prefix, records))
      continue;
    const EntityRecord* rec = pick(records, true);
    if (!rec)
      continue;
    // «السلطات السعودية», «بلدة الرس السعودية»: a country name in adjective form after a
    // definite noun is an adjective, not a place.
    if (rec->type == EntityType::location && prefix == 0 && last == i + 1 && i > 0 &&
        t_[i - 1].kind == TokenKind::word && is_al(t_[i - 1].norm) && is_al(t_[i].norm) &&
        t_[i].norm.size() > 4 && t_[i].norm.substr(t_[i].norm.size() - 4) == "يه")
      continue;
    // «صدام حفتر» is not Khalifa Haftar: a one-word person alias right after a given name
    // that is not part of the listed person's names belongs to another person.
    if (rec->type == EntityType::person && last == i + 1 && i > 0 && prefix == 0) {
      std::size_t w = 0;
      uint32_t p = 0;
      bool ambiguous = false;
      if (given_name_at(i - 1, w, p, ambiguous) && w == 1 && !ambiguous && p == 0) {
        std::string full = t_[i - 1].norm + " " + t_[i].norm;
        bool listed = false;
        if (const auto* hits = kb_.lookup(full))
          for (uint32_t r : *hits)
            listed = listed || kb_.record(r).id == rec->id;
        if (!listed)
          continue;
      }
    }
    Candidate c;
    c.first = i;
    c.last = last;
    c.prefix = prefix;
    c.type = rec->type;
    c.id = rec->id;
    c.name = rec->names.empty() ? "" : rec->names.front();
    c.aliases = rec->names;
    c.rule = "kb";
    if (c.type == EntityType::organization || c.type == EntityType::group) {
      std::size_t extended = extend_with_nationality(last);
      // A generic org name with a nationality is a different body: keep it as a new name.
      c.last = extended;
    }
    // Latin acronyms must be written in capitals (not «is», «us», «ei» ...).
    if (!t_[i].arabic && t_[i].kind == TokenKind::word && last == i + 1) {
      std::string_view shown = d_.substr(t_[i].begin, t_[i].end - t_[i].begin);
      bool upper = std::all_of(shown.begin(), shown.end(),
                               [](char ch) { return !(ch >= 'a' && ch <= 'z'); });
      // A short place name written as a name («Mali», «Chad», «Iraq») is not an acronym.
      bool place_name = rec->type == EntityType::location && shown[0] >= 'A' && shown[0] <= 'Z' &&
                        shown.size() >= 3;
      if (shown.size() <= 4 && !upper && !place_name)
        continue;
    }
    std::size_t end = c.last;
    add(std::move(c));
    i = end - 1;
  }
}

// Takes back the one-token place candidate at token k so that a longer name can use it.
void Finder::release_place(std::size_t k) {
  for (std::size_t c = 0; c < candidates_.size(); ++c)
    if (candidates_[c].first == k && candidates_[c].last == k + 1 &&
        candidates_[c].type == EntityType::location) {
      candidates_.erase(candidates_.begin() + static_cast<std::ptrdiff_t>(c));
      used_[k] = false;
      return;
    }
}

bool Finder::is_known_place(std::size_t k) const {
  if (const auto* hits = kb_.lookup(t_[k].norm))
    for (uint32_t r : *hits)
      if (kb_.record(r).type == EntityType::location)
        return true;
  return false;
}

std::string Finder::display_of(const Candidate& c, uint32_t& begin, uint32_t& end) const {
  begin = t_[c.first].begin;
  if (c.prefix) {
    // Skip the clitic: the display offset of the prefix_bytes-th normalised byte.
    std::size_t skip = 0;
    std::string_view shown = d_.substr(t_[c.first].begin, t_[c.first].end - t_[c.first].begin);
    // Normalised clitics are single Arabic letters (2 bytes each) that appear unchanged in
    // the display text, possibly followed by tatweel.
    skip = c.prefix;
    while (skip + 2 <= shown.size() && shown.substr(skip, 2) == "ـ")
      skip += 2;
    begin += static_cast<uint32_t>(std::min(skip, shown.size()));
  }
  end = t_[c.last - 1].end;
  return std::string(d_.substr(begin, end - begin));
}

std::vector<Entity> Finder::group() {
  candidates_copy_ = candidates_;
  std::sort(candidates_.begin(), candidates_.end(),
            [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  std::vector<Entity> out;
  std::map<std::string, std::size_t> by_id;
  for (const Candidate& c : candidates_) {
    EntityMention m;
    m.text = display_of(c, m.begin, m.end);
    m.rule = c.rule;
    std::string id = c.id;
    if (id.empty() || id[0] == '#') {
      std::string key;
      if (!id.empty()) {
        // Family-name mention of a rule-found person: find that person's key.
        std::size_t index = std::stoul(id.substr(1));
        const Candidate& person = candidates_copy_[index];
        uint32_t b, e;
        key = "new:person:" + KnowledgeBase::key_of(display_of(person, b, e));
      } else {
        key = std::string("new:") + to_string(c.type) + ":" + KnowledgeBase::key_of(m.text);
      }
      id = key;
    }
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      Entity e;
      e.id = id;
      e.type = c.type;
      e.name = c.name.empty() ? m.text : c.name;
      e.aliases = c.aliases;
      by_id.emplace(id, out.size());
      out.push_back(std::move(e));
      it = by_id.find(id);
    }
    Entity& e = out[it->second];
    if (std::find(e.aliases.begin(), e.aliases.end(), m.text) == e.aliases.end())
      e.aliases.push_back(m.text);
    e.mentions.push_back(std::move(m));
  }
  return out;
}

} // namespace tansiq::text::entity_rules
namespace tansiq::text {

std::vector<Entity> find_entities(std::string_view display, const std::vector<Token>& tokens,
                                  const KnowledgeBase& kb) {
  entity_rules::Finder finder(display, tokens, kb);
  return finder.run();
}

} // namespace tansiq::text
