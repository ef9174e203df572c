// What the store keeps of an object the bundle reader accepted: every writer
// (TAXII POST, import, partner pulls, watchlist import) files it the same way.
#pragma once

#include "stix/bundle_reader.h"
#include "store/store.h"

namespace tansiq::store {

// Views into `object`, which must outlive the result; the TLP level is read
// from its object_marking_refs (stix/tlp.h).
NewObject new_object_from_parsed(const stix::ParsedObject& object);

} // namespace tansiq::store
