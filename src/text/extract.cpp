#include "text/extract.h"

#include "text/normalise.h"
#include "text/tokenise.h"
#include "text/utf8.h"

namespace tansiq::text {

Result<Extraction> extract(std::string_view article, const KnowledgeBase& kb,
                           const ExtractOptions& options) {
  Extraction out;
  if (options.clean) {
    auto cleaned = clean(article);
    if (!cleaned)
      return cleaned.error();
    out.text = std::move(cleaned->text);
    out.to_input = std::move(cleaned->to_input);
    out.headline_end = cleaned->headline_end;
    out.removed = std::move(cleaned->removed);
  } else {
    if (article.size() > max_article_bytes)
      return make_error(Error::Kind::invalid_input, "article too large");
    if (std::size_t bad = first_invalid_utf8(article); bad != std::string_view::npos)
      return make_error(Error::Kind::invalid_input,
                        "not valid UTF-8 at byte " + std::to_string(bad));
    out.text = std::string(article);
  }
  NormalisedText normalised = normalise(out.text);
  std::vector<Token> tokens = tokenise(normalised);
  std::size_t letters = 0;
  for (const Token& t : tokens)
    if (t.kind == TokenKind::word)
      letters += t.norm.size();
  if (!out.text.empty() && letters * 4 < out.text.size())
    out.warnings.push_back("little Arabic or Latin text: entities and dates may be missing");

  out.publication_date = find_publication_date(tokens);
  std::optional<Ymd> reference = options.reference_date;
  if (out.publication_date) {
    const std::string& iso = out.publication_date->iso;
    reference =
        Ymd{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
  }
  std::vector<bool> used(tokens.size(), false);
  if (out.publication_date)
    for (std::size_t k = out.publication_date->first_token; k < out.publication_date->last_token;
         ++k)
      used[k] = true;
  out.dates = find_dates(tokens, reference, used);
  if (!reference)
    out.warnings.push_back("no publication date: relative dates left unresolved");

  auto is_nationality = [&kb](std::string_view word) {
    auto listed = [&kb](std::string_view w) {
      if (const auto* hits = kb.lookup(w))
        for (uint32_t r : *hits)
          if (kb.record(r).type == EntityType::nationality)
            return true;
      return false;
    };
    // The knowledge base lists Latin adjectives in the singular: «100,000 Malians», «des
    // Maliens» count persons through «malian», «malien».
    return listed(word) ||
           (word.size() > 3 && word.back() == 's' && listed(word.substr(0, word.size() - 1)));
  };
  out.figures = find_figures(tokens, used, is_nationality);
  out.entities = find_entities(out.text, tokens, kb);
  return out;
}

} // namespace tansiq::text
