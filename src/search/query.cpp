#include "search/query.h"

#include <algorithm>

namespace tansiq::search::detail {
namespace {

enum class Lexeme { word, quoted, open, close, or_, not_, minus, end };

struct Item {
  Lexeme kind = Lexeme::end;
  std::string_view text;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class Parser {
public:
  Parser(std::string_view text, const Analyser& analyser, ParsedQuery& out)
      : text_(text), analyser_(analyser), out_(out) {}

  Result<std::optional<Xapian::Query>> parse() {
    auto lexed = lex();
    if (!lexed)
      return lexed.error();
    if (items_.front().kind == Lexeme::end)
      return std::optional<Xapian::Query>();
    auto query = parse_or();
    if (!query)
      return query;
    if (peek().kind == Lexeme::close)
      return fail("a ')' has no matching '('");
    return query;
  }

private:
  Error fail(std::string message) const {
    return make_error(Error::Kind::invalid_input, "query: " + std::move(message));
  }

  Result<void> lex() {
    std::size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (is_space(c)) {
        ++i;
      } else if (c == '(' || c == ')') {
        items_.push_back({c == '(' ? Lexeme::open : Lexeme::close, text_.substr(i, 1)});
        ++i;
      } else if (c == '"') {
        auto close = text_.find('"', i + 1);
        if (close == std::string_view::npos)
          return fail("a '\"' is not closed");
        items_.push_back({Lexeme::quoted, text_.substr(i + 1, close - i - 1)});
        i = close + 1;
      } else if (c == '-' && (i + 1 == text_.size() || is_space(text_[i + 1]))) {
        return fail("'-' must be followed by the word to exclude");
      } else if (c == '-' && (i == 0 || is_space(text_[i - 1]) || text_[i - 1] == '(')) {
        items_.push_back({Lexeme::minus, text_.substr(i, 1)});
        ++i;
      } else {
        std::size_t start = i;
        while (i < text_.size() && !is_space(text_[i]) && text_[i] != '(' && text_[i] != ')' &&
               text_[i] != '"')
          ++i;
        auto word = text_.substr(start, i - start);
        Lexeme kind = word == "OR" ? Lexeme::or_ : word == "NOT" ? Lexeme::not_ : Lexeme::word;
        items_.push_back({kind, word});
      }
    }
    items_.push_back({Lexeme::end, {}});
    return {};
  }

  const Item& peek() const { return items_[at_]; }
  const Item& take() { return items_[at_ < items_.size() - 1 ? at_++ : at_]; }

  Result<std::optional<Xapian::Query>> parse_or() {
    std::vector<Xapian::Query> alternatives;
    bool first = true;
    for (;;) {
      auto kind = peek().kind;
      if (kind == Lexeme::or_ || kind == Lexeme::end || kind == Lexeme::close)
        return fail(first ? "'OR' needs words before it" : "'OR' needs words after it");
      auto part = parse_and();
      if (!part)
        return part;
      if (*part)
        alternatives.push_back(std::move(**part));
      first = false;
      if (peek().kind != Lexeme::or_)
        break;
      take();
    }
    if (alternatives.empty())
      return std::optional<Xapian::Query>();
    return std::optional<Xapian::Query>(
        Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()));
  }

  Result<std::optional<Xapian::Query>> parse_and() {
    std::vector<Xapian::Query> required, excluded;
    bool had_required = false;
    for (;;) {
      auto kind = peek().kind;
      if (kind == Lexeme::or_ || kind == Lexeme::end || kind == Lexeme::close)
        break;
      bool negative = false;
      if (kind == Lexeme::minus || kind == Lexeme::not_) {
        take();
        negative = true;
        auto next = peek().kind;
        if (next != Lexeme::word && next != Lexeme::quoted && next != Lexeme::open)
          return fail("'-' or 'NOT' must be followed by what to exclude");
      }
      auto part = parse_primary(negative);
      if (!part)
        return part;
      if (!negative)
        had_required = true;
      if (*part)
        (negative ? excluded : required).push_back(std::move(**part));
    }
    if (!had_required)
      return fail("a query cannot only exclude words: say what to look for");
    if (required.empty())
      return std::optional<Xapian::Query>(); // only stop-words
    Xapian::Query query(Xapian::Query::OP_AND, required.begin(), required.end());
    if (!excluded.empty())
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                            Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    return std::optional<Xapian::Query>(std::move(query));
  }

  Result<std::optional<Xapian::Query>> parse_primary(bool negative) {
    const Item& item = take();
    if (item.kind == Lexeme::open) {
      if (peek().kind == Lexeme::close)
        return fail("'()' is empty");
      auto inner = parse_or();
      if (!inner)
        return inner;
      if (take().kind != Lexeme::close)
        return fail("a '(' is not closed");
      return inner;
    }
    return words(item.text, negative);
  }

  // The words of a lexeme (a word may hold several: «al-Qaida», «2015/11»): all must match.
  std::optional<Xapian::Query> words(std::string_view text, bool negative) {
    std::vector<Xapian::Query> all;
    for (const auto& token : tokens_of(text)) {
      if (token.kind == text::TokenKind::punct)
        continue;
      auto terms = analyser_.query_terms(token);
      if (terms.empty()) {
        out_.stop_words.emplace_back(text.substr(token.begin, token.end - token.begin));
        continue;
      }
      if (!negative)
        for (const auto& term : terms)
          if (std::find(out_.highlight_terms.begin(), out_.highlight_terms.end(), term) ==
              out_.highlight_terms.end())
            out_.highlight_terms.push_back(term);
      // The readings of one word are one word to BM25 (their frequencies are summed).
      all.push_back(Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end()));
    }
    if (all.empty())
      return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
  }

  std::string_view text_;
  const Analyser& analyser_;
  ParsedQuery& out_;
  std::vector<Item> items_;
  std::size_t at_ = 0;
};

} // namespace

Result<ParsedQuery> parse_query(std::string_view text, const Analyser& analyser) {
  ParsedQuery parsed;
  Parser parser(text, analyser, parsed);
  auto query = parser.parse();
  if (!query)
    return query.error();
  parsed.query = std::move(query.value());
  return parsed;
}

} // namespace tansiq::search::detail
