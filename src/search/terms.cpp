#include "search/terms.h"

#include "text/normalise.h"

#include <algorithm>
#include <vector>

namespace tansiq::search::detail {
namespace {

// Stop-words in their normalised forms (ة -> ه, ى -> ي, أ إ آ -> ا; Latin case and accents
// folded), separated by spaces.
constexpr std::string_view kStopWords =
    // English and French
    "a about after also an and any are as at au aux avec be been but by c ce ces "
    "cette d dans de des du elle elles en est et ete etre for from had has have he "
    "her his if il ils in into is it its j l la le les leur leurs lors m mais n ne "
    "not of on ont or ou over par pas pour qu que qui s sa said se ses she so son "
    "sont sur than that the their them there these they this those to un une was were "
    "which while who will with would y "
    // Arabic
    "اثناء اذ اذا الا التي الذي الذين اللتي اللذين الي اما امام ان انه انها او اي "
    "ايضا بان بعد بل به بها بين تلك تم ثم حتي حول حيث خلال دون ذلك ضد ضمن عبر عقب علي "
    "عليه عليها عن عند عندما غير فان فقد في فيه فيها قال قبل قد كان كانت كل كما لا "
    "لان لدي لقد لكن لم لن له لها لهم ما مع من منذ منه منها نحو هذا هذه هم هناك هو هي "
    "وان وقد وكان ولا ومن يتم يكون";

const std::vector<std::string_view>& stop_words() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> list;
    for (std::size_t at = 0; at < kStopWords.size();) {
      auto space = kStopWords.find(' ', at);
      if (space == std::string_view::npos)
        space = kStopWords.size();
      if (space > at)
        list.push_back(kStopWords.substr(at, space - at));
      at = space + 1;
    }
    std::sort(list.begin(), list.end());
    return list;
  }();
  return words;
}

constexpr std::string_view kAl = "ال";

std::size_t letters(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

} // namespace

Language language_of(std::string_view lang) {
  if (lang.substr(0, 2) == "fr")
    return Language::french;
  if (lang.substr(0, 2) == "en")
    return Language::english;
  return Language::arabic;
}

Analyser::Analyser() : arabic_("arabic"), french_("french"), english_("english") {}

bool Analyser::is_stop_word(std::string_view normalised) {
  return std::binary_search(stop_words().begin(), stop_words().end(), normalised);
}

void Analyser::arabic_terms(std::string_view normalised, std::vector<std::string>& out) const {
  if (is_stop_word(normalised))
    return;
  auto add = [&](std::string_view form) {
    if (is_stop_word(form))
      return;
    auto term = arabic_(std::string(form));
    if (!term.empty() && std::find(out.begin(), out.end(), term) == out.end())
      out.push_back(std::move(term));
  };
  for (const auto& reading : text::clitic_readings(normalised)) {
    std::string_view form = reading.form;
    if (form.size() == normalised.size() || letters(form) >= 3)
      add(form);
    if (form.substr(0, kAl.size()) == kAl && letters(form) > 4)
      add(form.substr(kAl.size()));
  }
}

std::string Analyser::latin_term(std::string_view normalised, Language language) const {
  if (is_stop_word(normalised))
    return {};
  const auto& stemmer = language == Language::french ? french_ : english_;
  return stemmer(std::string(normalised));
}

const std::vector<std::string>& Analyser::word_terms(std::string_view normalised, bool arabic,
                                                     Language language) const {
  // The key: 'a' for Arabic (the language only chooses the stemmer of Latin words), else the
  // language's letter; then the word.
  cache_key_.assign(1, arabic ? 'a' : language == Language::french ? 'f' : 'e');
  cache_key_.append(normalised);
  if (auto found = cache_.find(cache_key_); found != cache_.end())
    return found->second;
  if (cache_.size() >= kMaxCachedWords)
    cache_.clear();
  std::vector<std::string> out;
  if (arabic)
    arabic_terms(normalised, out);
  else if (auto term = latin_term(normalised, language); !term.empty())
    out.push_back(std::move(term));
  return cache_.emplace(cache_key_, std::move(out)).first->second;
}

std::vector<std::string> Analyser::terms(const text::Token& token, Language language) const {
  if (token.kind == text::TokenKind::number)
    return {token.norm};
  if (token.kind == text::TokenKind::word)
    return word_terms(token.norm, token.arabic, language);
  return {};
}

std::vector<std::string> Analyser::query_terms(const text::Token& token) const {
  if (token.kind != text::TokenKind::word || token.arabic)
    return terms(token, Language::arabic);
  std::vector<std::string> out;
  for (auto language : {Language::english, Language::french}) {
    auto term = latin_term(token.norm, language);
    if (!term.empty() && std::find(out.begin(), out.end(), term) == out.end())
      out.push_back(std::move(term));
  }
  return out;
}

std::vector<text::Token> tokens_of(std::string_view display) {
  return text::tokenise(text::normalise(display));
}

} // namespace tansiq::search::detail
