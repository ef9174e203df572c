#include "node/csv_reader.h"

#include <cstdint>

namespace tansiq::node {
namespace {

std::string at(std::size_t line, std::size_t column) {
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Length of the UTF-8 sequence starting at `s[i]`, 0 when it is not well-formed.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  std::uint8_t c = byte(i);
  if (c < 0x80)
    return 1;
  std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size())
    return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80)
      return 0;
  std::uint8_t second = byte(i + 1);
  if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0) ||
      (c == 0xF0 && second < 0x90) || (c == 0xF4 && second >= 0x90))
    return 0; // overlong, surrogate or beyond U+10FFFF
  return n;
}

} // namespace

Result<std::vector<CsvRecord>> read_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  std::size_t line = 1, column = 1; // where the current field starts
  std::size_t quote_line = 0;       // line of the opening quote, 0 when not in quotes
  bool quoted = false;              // the current field was quoted (and its quote closed)
  bool field_started = false;       // anything read since the last separator

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    quoted = false;
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank)
      records.push_back(std::move(record));
    record = CsvRecord{};
    ++line;
    column = 1;
    record.line = line;
  };
  record.line = 1;

  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\0')
      return make_error(Error::Kind::invalid_input,
                        at(line, record.fields.size() + 1) + ": NUL byte: not a text file");
    std::size_t length = utf8_length(text, i);
    if (length == 0)
      return make_error(Error::Kind::invalid_input, at(line, record.fields.size() + 1) +
                                                        ": invalid UTF-8 at byte offset " +
                                                        std::to_string(i));
    if (quote_line != 0) { // inside quotes: everything but a quote is data
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quote_line = 0;
        quoted = true;
        ++i;
        continue;
      }
      if (c == '\n')
        ++line;
      field.append(text.substr(i, length));
      i += length;
      continue;
    }
    if (c == ',') {
      end_field();
      ++column;
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      i += c == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
      end_record();
      continue;
    }
    if (quoted)
      return make_error(Error::Kind::invalid_input,
                        at(line, column) + ": text after the closing quote of a quoted field "
                                           "(a quote inside a field is written \"\")");
    if (c == '"') {
      if (field_started)
        return make_error(Error::Kind::invalid_input,
                          at(line, column) + ": a quote inside an unquoted field (quote the "
                                             "whole field and write the quote as \"\")");
      quote_line = line;
      field_started = true;
      ++i;
      continue;
    }
    field.append(text.substr(i, length));
    field_started = true;
    i += length;
  }
  if (quote_line != 0)
    return make_error(Error::Kind::invalid_input,
                      at(quote_line, column) + ": the quoted field is never closed");
  if (field_started || !record.fields.empty())
    end_record();
  return records;
}

std::string trim_field(std::string_view field) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!field.empty() && space(field.front()))
    field.remove_prefix(1);
  while (!field.empty() && space(field.back()))
    field.remove_suffix(1);
  return std::string(field);
}

std::string csv_key(std::string_view field) {
  std::string key = trim_field(field);
  for (char& c : key)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return key;
}

} // namespace tansiq::node
