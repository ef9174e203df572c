// Test support: reading files relative to the repository root, the knowledge base.
#pragma once

#include "text/knowledge_base.h"

#include <string>

namespace tansiq::text::testing {

std::string read_file(const std::string& path);
// The knowledge base from data/text/*.tsv plus ICU country names (loaded once).
const KnowledgeBase& knowledge_base();

} // namespace tansiq::text::testing
