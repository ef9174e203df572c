import { listObjects, overview } from "../api";
import { h } from "../dom";
import { formatDate, t } from "../i18n";
import { href, type Route } from "../router";
import { tlpChip } from "../tlp";

const TLP_LEVELS = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"];

// One page of a collection, newest first; the node pages (cursor in the URL),
// so a list of a million objects costs what a page costs.
export async function browseView(route: Route): Promise<HTMLElement> {
  const filters = {
    collection: route.query.get("collection") ?? "",
    type: route.query.get("type") ?? "",
    tlp: route.query.get("tlp") ?? "",
    next: route.query.get("next") ?? "",
  };
  const [page, counts] = await Promise.all([listObjects({ ...filters, limit: "50" }), overview()]);

  const go = (changes: Partial<typeof filters>) => {
    location.hash = href("browse", "", { ...filters, next: "", ...changes });
  };
  const collectionSelect = h(
    "select",
    { id: "filter-collection", onchange: () => go({ collection: collectionSelect.value }) },
    ...counts.collections.map((c) => h("option", { value: c.id, selected: c.id === page.collection.id }, c.title)),
  );
  const typeSelect = h(
    "select",
    { id: "filter-type", onchange: () => go({ type: typeSelect.value }) },
    h("option", { value: "" }, t("anyType")),
    ...counts.types.map((entry) => h("option", { value: entry.type, selected: entry.type === filters.type }, entry.type)),
  );
  const tlpSelect = h(
    "select",
    { id: "filter-tlp", onchange: () => go({ tlp: tlpSelect.value }) },
    h("option", { value: "" }, t("anyTlp")),
    ...TLP_LEVELS.map((level) => h("option", { value: level, selected: level === filters.tlp }, level)),
  );

  const rows = page.objects.map((object) =>
    h(
      "tr",
      {},
      h("td", {}, tlpChip(object.tlp)),
      h("td", { dir: "ltr" }, object.type),
      h("td", {}, h("a", { href: href("object", object.id), dir: "auto", class: "object-link" }, object.name)),
      h("td", {}, formatDate(object.modified || object.created)),
      h("td", {}, formatDate(object.date_added ?? "")),
    ),
  );
  return h(
    "main",
    { id: "main", class: "browse" },
    h("h1", {}, t("browse"), " — ", h("span", { dir: "auto" }, page.collection.title)),
    h(
      "div",
      { class: "filters", role: "group", "aria-label": t("browse") },
      h("label", {}, t("collection"), " ", collectionSelect),
      h("label", {}, t("type"), " ", typeSelect),
      h("label", {}, "TLP ", tlpSelect),
    ),
    rows.length === 0
      ? h("p", { class: "empty" }, t("nothing"))
      : h(
          "table",
          { id: "object-list" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "TLP"),
              h("th", { scope: "col" }, t("type")),
              h("th", { scope: "col" }, t("name")),
              h("th", { scope: "col" }, t("modified")),
              h("th", { scope: "col" }, t("added")),
            ),
          ),
          h("tbody", {}, ...rows),
        ),
    h(
      "nav",
      { class: "pager", "aria-label": "pages" },
      filters.next ? h("a", { href: href("browse", "", { ...filters, next: "" }) }, t("first")) : null,
      page.more && page.next ? h("a", { href: href("browse", "", { ...filters, next: page.next }), id: "next-page" }, t("next")) : null,
    ),
  );
}
