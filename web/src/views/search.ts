import { searchText } from "../api";
import { h } from "../dom";
import { errorPanel } from "../errors";
import { formatDate, formatNumber, t } from "../i18n";
import { href, type Route } from "../router";

const TYPES = ["report", "identity", "threat-actor", "intrusion-set", "location", "malware", "indicator"];

// Full-text search (Arabic-aware: prefixes, inflections, diacritics), ranked,
// with the matching words marked in each snippet.
export function searchView(route: Route): HTMLElement {
  const params = route.query;
  const text = h("input", { id: "search-text", name: "q", type: "search", dir: "auto", value: params.get("q") ?? "" });
  const type = h(
    "select",
    { id: "search-type", name: "type" },
    h("option", { value: "" }, t("anyType")),
    ...TYPES.map((value) => h("option", { value, selected: value === params.get("type") }, value)),
  );
  const from = h("input", { id: "search-from", name: "from", type: "date", value: params.get("from") ?? "" });
  const to = h("input", { id: "search-to", name: "to", type: "date", value: params.get("to") ?? "" });
  const results = h("div", { id: "search-results", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "search-form", role: "search" },
    h("label", { for: "search-text" }, t("searchWords")),
    text,
    h("label", { for: "search-type" }, t("type")),
    type,
    h("label", { for: "search-from" }, t("from")),
    from,
    h("label", { for: "search-to" }, t("to")),
    to,
    h("button", { type: "submit", class: "primary" }, t("search")),
  );
  async function run(): Promise<void> {
    results.replaceChildren(h("p", {}, t("loading")));
    try {
      const answer = await searchText({ q: text.value, type: type.value, from: from.value, to: to.value, limit: "20" });
      const notes = answer.notes.map((note) => h("p", { class: "note", dir: "auto" }, note));
      if (answer.hits.length === 0) {
        results.replaceChildren(h("p", { class: "empty" }, t("noResults")), ...notes);
        return;
      }
      results.replaceChildren(
        h("p", { id: "search-total" }, t("about"), " ", formatNumber(answer.total_estimate)),
        ...notes,
        h(
          "ol",
          { class: "hits" },
          ...answer.hits.map((hit) =>
            h(
              "li",
              { class: "hit" },
              h("a", { href: href("object", hit.id), dir: "auto", class: "hit-title" }, hit.title || hit.id),
              " ",
              h("span", { class: "type", dir: "ltr" }, hit.type),
              hit.date ? h("span", { class: "type" }, " · ", formatDate(hit.date, false)) : null,
              h(
                "p",
                { class: "snippet", dir: "auto", lang: hit.lang || undefined },
                ...hit.snippet.map((segment) => (segment.highlighted ? h("mark", {}, segment.text) : segment.text)),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      results.replaceChildren(errorPanel(error, () => void run()));
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", href("search", "", { q: text.value, type: type.value, from: from.value, to: to.value }));
    void run();
  });
  if (text.value || type.value) void run();
  return h("main", { id: "main", class: "search" }, h("h1", {}, t("search")), form, results);
}
