#include "store/new_object_from_parsed.h"

#include "stix/tlp.h"

namespace tansiq::store {

NewObject new_object_from_parsed(const stix::ParsedObject& object) {
  return NewObject{object.id,
                   object.type,
                   object.spec_version,
                   object.version,
                   object.version_micros,
                   object.json,
                   stix::tlp_label(object.object_marking_refs)};
}

} // namespace tansiq::store
