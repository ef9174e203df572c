// The TAXII 2.1 API of a node (OASIS TAXII 2.1 CS01): discovery, one API root,
// collections, objects, manifests, versions and status resources, over the
// store. Pure request -> response; the HTTP server in server/ carries it.
#pragma once

#include "auth/authenticator.h"
#include "stix/bundle_reader.h"
#include "store/store.h"
#include "taxii/http_message.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tansiq::taxii {

// What became of the objects of a POST: each stored (or already held), or refused with why.
struct AddReceipt {
  struct Stored {
    std::string id, version;
    bool duplicate = false;
  };
  struct Rejected {
    std::string id, reason;
  };
  std::vector<Stored> stored;
  std::vector<Rejected> rejected;
};

struct ApiSettings {
  std::string title = "Tansiq node";
  std::string description = "STIX 2.1 intelligence shared under cooperation agreements";
  std::string contact;
  std::string api_root_path = "/tansiq/"; // discovery is at /taxii2/
  std::size_t max_content_length = 100 * 1024 * 1024;
  std::size_t default_page_size = 1000;
  std::size_t max_page_size = 10000;
  // Takes what a partner agency's account POSTs to a collection it may write:
  // origin checks, provenance and audit are the node's (node/partner_intake.h).
  // Unset: partner accounts may not POST (403).
  std::function<Result<AddReceipt>(const store::User& partner, const store::Collection& collection,
                                   const stix::ParsedBundle& objects)>
      receive_from_partner;
  // Called after objects were added (e.g. to publish them to partners).
  std::function<void()> on_objects_added;
  // Called after versions of an object were deleted from a collection (e.g.
  // to take it out of the search index, which follows additions only).
  std::function<void(const std::string& collection_id, const std::string& object_id)>
      on_object_deleted;
  // Answers GET /api/v1/policy/explain?object=ID&to=AGENCY with a JSON
  // document (release, rule, agreement, reason); unset: 404.
  std::function<Result<std::string>(const std::string& object_id, const std::string& agency)>
      explain_release;
};

class Api {
public:
  Api(store::Store& store, ApiSettings settings);

  Response handle(const Request& request);

  const ApiSettings& settings() const { return settings_; }

private:
  struct Call;
  Response route(Call& call);
  Response discovery(Call& call);
  Response api_root(Call& call);
  Response status(Call& call, std::string_view status_id);
  Response collections(Call& call);
  Response collection(Call& call, const store::Collection& collection);
  Response get_objects(Call& call, const store::Collection& collection, std::string_view object_id);
  Response post_objects(Call& call, const store::Collection& collection);
  // Writes, keeps and returns the TAXII status of a POST (202).
  Response status_response(stix::MicrosSinceEpoch request_time, const AddReceipt& receipt);
  Response delete_object(Call& call, const store::Collection& collection,
                         std::string_view object_id);
  Response manifest(Call& call, const store::Collection& collection);
  Response versions(Call& call, const store::Collection& collection, std::string_view object_id);
  Response explain(Call& call);

  store::Access access_of(const store::User& user, const std::string& collection_id);

  store::Store& store_;
  auth::Authenticator authenticator_;
  ApiSettings settings_;
};

} // namespace tansiq::taxii
