#include "taxii/media_type.h"

#include <gtest/gtest.h>

using namespace tansiq::taxii;

TEST(MediaType, AcceptAdmitsTaxii21InItsSpellings) {
  for (const char* accept :
       {"", "*/*", "application/*", "application/taxii+json;version=2.1",
        "application/taxii+json; version=2.1", "APPLICATION/TAXII+JSON;VERSION=2.1",
        "application/taxii+json", "text/html, application/taxii+json;version=2.1;q=0.9",
        "application/taxii+json;version=\"2.1\""})
    EXPECT_TRUE(accepts_taxii(accept)) << accept;
}

TEST(MediaType, AcceptExcludingTaxii21IsRefused) {
  for (const char* accept : {"text/html", "application/json", "application/taxii+json;version=2.0",
                             "application/stix+json;version=2.1", "application/taxii+json;q=0"})
    EXPECT_FALSE(accepts_taxii(accept)) << accept;
}

TEST(MediaType, ContentTypeMustBeTaxiiJson) {
  EXPECT_TRUE(is_taxii_content("application/taxii+json;version=2.1"));
  EXPECT_TRUE(is_taxii_content("application/taxii+json; charset=utf-8; version=2.1"));
  EXPECT_TRUE(is_taxii_content("application/taxii+json"));
  EXPECT_FALSE(is_taxii_content("application/taxii+json;version=2.0"));
  EXPECT_FALSE(is_taxii_content("application/json"));
  EXPECT_FALSE(is_taxii_content(""));
}
