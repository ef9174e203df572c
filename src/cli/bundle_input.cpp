#include "cli/bundle_input.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace tansiq::cli {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_bundle_file(const std::string& name) {
  return ends_with(name, ".json") || ends_with(name, ".json.gz") || ends_with(name, ".json.zst");
}

Result<std::string> decompress_zstd(const std::string& compressed, const std::string& where) {
  std::string out;
  ZSTD_DCtx* context = ZSTD_createDCtx();
  ZSTD_inBuffer input{compressed.data(), compressed.size(), 0};
  std::string chunk(ZSTD_DStreamOutSize(), '\0');
  size_t last = 1;
  while (input.pos < input.size) {
    ZSTD_outBuffer output{chunk.data(), chunk.size(), 0};
    last = ZSTD_decompressStream(context, &output, &input);
    if (ZSTD_isError(last)) {
      ZSTD_freeDCtx(context);
      return make_error(Error::Kind::invalid_input,
                        std::string("corrupt zstd data: ") + ZSTD_getErrorName(last), where);
    }
    out.append(chunk.data(), output.pos);
  }
  ZSTD_freeDCtx(context);
  if (last != 0)
    return make_error(Error::Kind::invalid_input, "truncated zstd data", where);
  return out;
}

Result<std::string> decompress_gzip(const std::string& compressed, const std::string& where) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
    return make_error(Error::Kind::internal, "cannot start gzip decompression", where);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char chunk[1 << 16];
  int code = Z_OK;
  while (code != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    code = inflate(&stream, Z_NO_FLUSH);
    if (code != Z_OK && code != Z_STREAM_END) {
      inflateEnd(&stream);
      return make_error(Error::Kind::invalid_input,
                        code == Z_BUF_ERROR ? "truncated gzip data" : "corrupt gzip data", where);
    }
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  inflateEnd(&stream);
  return out;
}

} // namespace

Result<std::vector<std::string>> list_bundle_files(const std::string& path) {
  if (path == "-")
    return std::vector<std::string>{path};
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status))
    return make_error(Error::Kind::not_found, "no such file or directory", path);
  if (!std::filesystem::is_directory(status))
    return std::vector<std::string>{path};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error))
    if (entry.is_regular_file() && is_bundle_file(entry.path().filename().string()))
      files.push_back(entry.path().string());
  if (error)
    return make_error(Error::Kind::unavailable, "cannot list: " + error.message(), path);
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::string> read_bundle_file(const std::string& path) {
  std::string raw;
  if (path == "-") {
    raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      return make_error(Error::Kind::unavailable, "cannot open for reading", path);
    raw.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad())
      return make_error(Error::Kind::unavailable, "read error", path);
  }
  std::string where = path == "-" ? "standard input" : path;
  bool zstd =
      ends_with(path, ".zst") ||
      (raw.size() >= 4 && static_cast<unsigned char>(raw[0]) == 0x28 &&
       static_cast<unsigned char>(raw[1]) == 0xb5 && static_cast<unsigned char>(raw[2]) == 0x2f &&
       static_cast<unsigned char>(raw[3]) == 0xfd);
  bool gzip =
      ends_with(path, ".gz") || (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0x1f &&
                                 static_cast<unsigned char>(raw[1]) == 0x8b);
  if (zstd)
    return decompress_zstd(raw, where);
  if (gzip)
    return decompress_gzip(raw, where);
  return raw;
}

} // namespace tansiq::cli
