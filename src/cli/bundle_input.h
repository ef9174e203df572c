// Where `tansiq import` and `tansiq validate` read bundles from: files (plain,
// .gz or .zst), directories of them (recursively, in name order) or stdin ("-").
#pragma once

#include "core/result.h"

#include <string>
#include <vector>

namespace tansiq::cli {

// The files a path names: itself, or the bundle files under a directory.
Result<std::vector<std::string>> list_bundle_files(const std::string& path);

// The whole content, decompressed by file name (".gz", ".zst"); "-" reads stdin
// and recognises compression by its magic bytes.
Result<std::string> read_bundle_file(const std::string& path);

} // namespace tansiq::cli
