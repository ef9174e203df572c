// Named entities: persons, organisations, groups and places, from the knowledge base (names
// and acronyms in ar/fr/en, clitic prefixes split off) and rules for names not in it:
//   organisations  head noun + definite complements («وزارة الداخلية الإسبانية», «المديرية
//                  العامة ...», «الشرطة الإسبانية»), a known name + nationality adjective,
//                  a newspaper/agency name in quotes after «صحيفة/جريدة/وكالة»;
//   places         trigger + name («مدينة», «بلدة», «ولاية», «منطقة», «قرية», «إقليم»);
//   persons        given name + family name, title + name («السيد», «العقيد», «المدعو» ...),
//                  role phrase + comma + name («الناطق الرسمي باسم ...، خليفة الشيباني»), and
//                  later mentions of a found person's family name.
#pragma once

#include "text/knowledge_base.h"
#include "text/tokenise.h"

#include <string>
#include <vector>

namespace tansiq::text {

struct EntityMention {
  uint32_t begin = 0, end = 0; // byte offsets in the display text, clitic prefix excluded
  std::string text;            // the display text of the mention
  std::string rule;            // "kb", "org-pattern", "place-trigger", "given-name", ...
};

struct Entity {
  std::string id; // knowledge-base id, or "new:<type>:<normalised name>"
  EntityType type = EntityType::organization;
  std::string name;                 // canonical name (knowledge base) or the first mention
  std::vector<std::string> aliases; // every name known for it (knowledge base + mentions)
  std::vector<EntityMention> mentions;
};

std::vector<Entity> find_entities(std::string_view display, const std::vector<Token>& tokens,
                                  const KnowledgeBase& kb);

} // namespace tansiq::text
