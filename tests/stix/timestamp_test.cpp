#include "stix/timestamp.h"

#include <gtest/gtest.h>

using namespace tansiq::stix;

TEST(Timestamp, ParsesWholeSecondsAndFractions) {
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:01.5Z"), 1500000);
  EXPECT_EQ(parse_timestamp("2017-05-31T21:30:19.735Z"), 1496266219735000);
  EXPECT_EQ(parse_timestamp("2017-05-31T21:30:19.7351239Z"), 1496266219735123);
}

TEST(Timestamp, RejectsWhatRfc3339InUtcDoesNotAllow) {
  for (const char* text : {"", "2017-05-31", "2017-05-31T21:30:19", "2017-05-31T21:30:19+00:00",
                           "2017-05-31t21:30:19Z", "2017-05-31T21:30:19.Z", "2017-02-30T00:00:00Z",
                           "2017-13-01T00:00:00Z", "2017-05-31T24:00:00Z", "2017-05-31T21:30:19Zx"})
    EXPECT_FALSE(parse_timestamp(text)) << text;
}

TEST(Timestamp, LeapYearsFollowTheGregorianRule) {
  EXPECT_TRUE(parse_timestamp("2000-02-29T00:00:00Z"));
  EXPECT_TRUE(parse_timestamp("2024-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp("1900-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2023-02-29T00:00:00Z"));
}

TEST(Timestamp, FormatsRoundTrip) {
  auto micros = parse_timestamp("2021-12-21T13:05:00.123456Z");
  ASSERT_TRUE(micros);
  EXPECT_EQ(format_timestamp(*micros), "2021-12-21T13:05:00.123456Z");
  EXPECT_EQ(format_timestamp_millis(*micros), "2021-12-21T13:05:00.123Z");
  EXPECT_EQ(format_timestamp(0), "1970-01-01T00:00:00.000000Z");
}

TEST(Timestamp, CountsFractionalDigits) {
  EXPECT_EQ(fractional_digits("2017-05-31T21:30:19Z"), 0);
  EXPECT_EQ(fractional_digits("2017-05-31T21:30:19.735Z"), 3);
}
