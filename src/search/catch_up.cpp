#include "search/catch_up.h"

#include "search/search_index.h"

namespace tansiq::search {
namespace {

constexpr std::size_t kPage = 1000; // versions read, indexed and committed at a time

} // namespace

Result<std::size_t> catch_up(store::Store& store, const std::string& index_directory) {
  auto index = SearchIndex::open(index_directory, SearchIndex::Mode::write);
  if (!index)
    return index.error();
  auto collections = store.list_collections();
  if (!collections)
    return collections.error();
  std::size_t read = 0;
  for (const auto& collection : *collections) {
    auto cursor = index->cursor(collection.id);
    if (!cursor)
      return cursor.error();
    store::ObjectQuery query;
    query.limit = kPage; // versions: the newest of each object (VersionMatch's default)
    query.added_after = *cursor;
    for (;;) {
      auto page = store.query_objects(collection.id, query);
      if (!page)
        return page.error();
      if (page->objects.empty())
        break;
      for (const auto& object : page->objects) {
        auto added = index->add(collection.id, object.json);
        if (!added && added.error().kind != Error::Kind::invalid_input)
          return added.error();
      }
      // The documents and the cursor after them are committed together.
      if (auto set = index->set_cursor(collection.id, page->next_cursor); !set)
        return set.error();
      if (auto committed = index->commit(); !committed)
        return committed.error();
      read += page->objects.size();
      if (!page->more)
        break;
      query.after_cursor = page->next_cursor;
    }
  }
  return read;
}

Result<void> refresh_object(store::Store& store, const std::string& index_directory,
                            const std::string& collection_id, const std::string& object_id) {
  auto index = SearchIndex::open(index_directory, SearchIndex::Mode::write);
  if (!index)
    return index.error();
  store::ObjectQuery query;
  query.ids = {object_id};
  query.limit = 1;
  auto page = store.query_objects(collection_id, query);
  if (!page)
    return page.error();
  if (auto removed = index->remove(collection_id, object_id); !removed)
    return removed.error();
  if (!page->objects.empty()) {
    auto added = index->add(collection_id, page->objects.front().json);
    if (!added && added.error().kind != Error::Kind::invalid_input)
      return added.error();
  }
  return index->commit();
}

} // namespace tansiq::search
