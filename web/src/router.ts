// Hash routes (#/overview, #/browse?type=report, #/object/ID): the node
// serves one page, and a reload keeps the user where they were.
export interface Route {
  page: string;
  argument: string;
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?", 2);
  const [page = "", ...rest] = path.split("/");
  return { page: page || "overview", argument: decodeURIComponent(rest.join("/")), query: new URLSearchParams(query) };
}

export function href(page: string, argument = "", query?: Record<string, string>): string {
  const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== "")).toString() : "";
  return "#/" + page + (argument ? "/" + encodeURIComponent(argument) : "") + (search ? "?" + search : "");
}
