#include "node/csv_reader.h"

#include <gtest/gtest.h>

using namespace tansiq;
using node::read_csv;

namespace {

std::vector<std::vector<std::string>> fields_of(std::string_view text) {
  auto records = read_csv(text);
  EXPECT_TRUE(records.ok()) << records.error().describe();
  std::vector<std::vector<std::string>> out;
  if (records)
    for (const auto& record : *records)
      out.push_back(record.fields);
  return out;
}

std::string error_of(std::string_view text) {
  auto records = read_csv(text);
  EXPECT_FALSE(records.ok()) << "accepted: " << text;
  return records ? "" : records.error().message;
}

} // namespace

TEST(CsvReader, ReadsQuotedFieldsAsRfc4180Says) {
  auto rows = fields_of("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"two\nlines", "", "x"}));
}

TEST(CsvReader, SkipsTheByteOrderMarkAndBlankLinesAndKeepsArabic) {
  auto records = read_csv("\xEF\xBB\xBFname\n\nعبد اللطيف الحموشي\n");
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ(records->at(0).fields[0], "name");
  EXPECT_EQ(records->at(1).fields[0], "عبد اللطيف الحموشي");
  EXPECT_EQ(records->at(1).line, 3u) << "line numbers count the blank line";
}

TEST(CsvReader, LastRecordWithoutLineEndAndEmptyLastField) {
  EXPECT_EQ(fields_of("a,b\nc,"), (std::vector<std::vector<std::string>>{{"a", "b"}, {"c", ""}}));
}

TEST(CsvReader, LineNumbersFollowQuotedLineBreaks) {
  auto records = read_csv("\"x\ny\"\nz\n");
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->at(1).line, 3u);
}

TEST(CsvReader, BadTextSaysWhereAndWhy) {
  EXPECT_EQ(error_of("a,b\nc,\"open\n"), "line 2, column 2: the quoted field is never closed");
  EXPECT_EQ(error_of("a,\"b\"c\n"),
            "line 1, column 2: text after the closing quote of a quoted field (a quote inside "
            "a field is written \"\")");
  EXPECT_EQ(error_of("a,b\"c\n"), "line 1, column 2: a quote inside an unquoted field (quote "
                                  "the whole field and write the quote as \"\")");
  EXPECT_EQ(error_of("a\nb,\xC3(\n"), "line 2, column 2: invalid UTF-8 at byte offset 4");
  EXPECT_EQ(error_of(std::string_view("a,\0", 3)), "line 1, column 2: NUL byte: not a text file");
}
