#include "console/console_assets.h"

#include "console/console_response.h"

#include <string>

namespace tansiq::console {
namespace {

// Everything from this origin, nothing inline, nothing from elsewhere: text
// that came from articles can never run as script.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

} // namespace

taxii::Response serve_asset(std::string_view path) {
  if (path.empty())
    path = "index.html";
  for (const ConsoleAsset& asset : console_assets()) {
    if (asset.path != path)
      continue;
    taxii::Response response;
    response.content_type = asset.content_type;
    response.body = std::string(asset.bytes);
    bool hashed = path.substr(0, 7) == "assets/";
    add_security_headers(response, hashed);
    if (hashed)
      response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    else
      response.headers.emplace_back("Cache-Control", "no-cache");
    if (asset.content_type.substr(0, 9) == "text/html")
      response.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
    return response;
  }
  return console_error(404, "Not found", "the console has no file \"" + std::string(path) + "\"");
}

} // namespace tansiq::console
