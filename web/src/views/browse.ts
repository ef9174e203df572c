import { ApiError, listObjects, overview, type ObjectPage, type Summary } from "../api";
import { h } from "../dom";
import { formatDate, formatNumber, t } from "../i18n";
import { href, type Route } from "../router";
import { tlpChip } from "../tlp";
import { virtualTable } from "../virtual_rows";

const TLP_LEVELS = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"];
const PAGE_SIZE = "200";
const ROW_HEIGHT = 37; // px: .virtual tr.row in style.css

type Filters = { collection: string; type: string; tlp: string; origin: string; from: string; to: string };

// The node filters and pages (newest first, by cursor); the list draws only
// the rows on screen and fetches the next page as the user nears the end, so
// a collection of a million objects opens as fast as one of fifty.
export async function browseView(route: Route): Promise<HTMLElement> {
  const filters: Filters = {
    collection: route.query.get("collection") ?? "",
    type: route.query.get("type") ?? "",
    tlp: route.query.get("tlp") ?? "",
    origin: route.query.get("origin") ?? "",
    from: route.query.get("from") ?? "",
    to: route.query.get("to") ?? "",
  };
  const badRange = filters.from !== "" && filters.to !== "" && filters.from > filters.to;
  const query: Record<string, string> = {
    collection: filters.collection,
    type: filters.type,
    tlp: filters.tlp,
    origin: filters.origin,
    // Whole UTC days: after the last instant of the day before, before the next day.
    added_after: filters.from ? dayBefore(filters.from) + "T23:59:59.999999Z" : "",
    added_before: filters.to ? dayAfter(filters.to) + "T00:00:00Z" : "",
    limit: PAGE_SIZE,
  };
  const [page, counts] = await Promise.all([
    badRange ? Promise.resolve<ObjectPage | null>(null) : listObjects(query),
    overview(),
  ]);

  const go = (changes: Partial<Filters>) => {
    location.hash = href("browse", "", { ...filters, ...changes });
  };
  const collectionSelect = h(
    "select",
    { id: "filter-collection", onchange: () => go({ collection: collectionSelect.value }) },
    ...counts.collections.map((c) =>
      h("option", { value: c.id, selected: c.id === (page?.collection.id ?? filters.collection) }, c.title),
    ),
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
    h("option", { value: "none", selected: filters.tlp === "none" }, t("noTlp")),
  );
  const originSelect = h(
    "select",
    { id: "filter-origin", onchange: () => go({ origin: originSelect.value }) },
    h("option", { value: "" }, t("anyOrigin")),
    ...[...new Map(counts.origins.map((entry) => [entry.agency, entry.agency_name || entry.agency]))].map(([agency, name]) =>
      h("option", { value: agency, selected: agency === filters.origin }, name),
    ),
  );
  // A filter in the link but no longer among the counts still shows as chosen.
  if (filters.origin && !counts.origins.some((entry) => entry.agency === filters.origin))
    originSelect.append(h("option", { value: filters.origin, selected: true }, filters.origin));
  const fromInput = h("input", { type: "date", id: "filter-from", value: filters.from, onchange: () => go({ from: fromInput.value }) });
  const toInput = h("input", { type: "date", id: "filter-to", value: filters.to, onchange: () => go({ to: toInput.value }) });
  const anyFilter = filters.type || filters.tlp || filters.origin || filters.from || filters.to;

  return h(
    "main",
    { id: "main", class: "browse" },
    h("h1", {}, t("browse"), page ? " — " : null, page ? h("span", { dir: "auto" }, page.collection.title) : null),
    h(
      "div",
      { class: "filters", role: "group", "aria-label": t("browse") },
      h("label", {}, t("collection"), " ", collectionSelect),
      h("label", {}, t("type"), " ", typeSelect),
      h("label", {}, "TLP ", tlpSelect),
      h("label", {}, t("origin"), " ", originSelect),
      h("label", {}, t("addedFrom"), " ", fromInput),
      h("label", {}, t("addedTo"), " ", toInput),
      anyFilter
        ? h("a", { href: href("browse", "", { collection: filters.collection }), id: "clear-filters" }, t("clearFilters"))
        : null,
    ),
    badRange
      ? h("p", { class: "error", role: "alert", id: "range-error" }, t("badDateRange"))
      : page!.objects.length === 0
        ? h("p", { class: "empty" }, t("nothing"))
        : objectList(page!, query),
  );
}

function objectList(first: ObjectPage, query: Record<string, string>): HTMLElement {
  const header = h(
    "tr",
    {},
    h("th", { scope: "col" }, "TLP"),
    h("th", { scope: "col" }, t("type")),
    h("th", { scope: "col" }, t("name")),
    h("th", { scope: "col" }, t("modified")),
    h("th", { scope: "col" }, t("added")),
  );
  return virtualTable<Summary>({
    id: "object-list",
    label: t("objects"),
    rowHeight: ROW_HEIGHT,
    header,
    first: { rows: first.objects, more: first.more, next: first.next },
    loadMore: async (next) => {
      const page = await listObjects({ ...query, collection: first.collection.id, next });
      return { rows: page.objects, more: page.more, next: page.next };
    },
    render: (object) =>
      h(
        "tr",
        {},
        h("td", {}, tlpChip(object.tlp)),
        h("td", { dir: "ltr" }, object.type),
        h("td", {}, h("a", { href: href("object", object.id), dir: "auto", class: "object-link" }, object.name)),
        h("td", {}, formatDate(object.modified || object.created)),
        h("td", {}, formatDate(object.date_added ?? "")),
      ),
    status: (loaded, more) => `${formatNumber(loaded)} ${t("shown")}${more ? "" : " — " + t("allShown")}`,
    loadMoreLabel: t("loadMore"),
    describeFailure: (error) => (error instanceof ApiError ? `${t(error.kind)}: ${error.detail}` : String(error)),
  });
}

// The UTC calendar day before or after a YYYY-MM-DD date, as YYYY-MM-DD.
function dayBefore(day: string): string {
  return shiftDay(day, -1);
}
function dayAfter(day: string): string {
  return shiftDay(day, 1);
}
function shiftDay(day: string, days: number): string {
  const date = new Date(day + "T00:00:00Z");
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
