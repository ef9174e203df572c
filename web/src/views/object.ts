import { showObject, type ObjectView, type Summary } from "../api";
import { h } from "../dom";
import { formatDate, t } from "../i18n";
import { href } from "../router";
import { tlpChip } from "../tlp";
import { articleText } from "./article_text";
import { auditTrail } from "./audit_trail";
import { graphPanel } from "./graph";

const IDENTIFIER = /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Shown elsewhere on the page (heading, markings panel, raw JSON).
const SHOWN_ELSEWHERE = new Set([
  "id", "type", "spec_version", "object_marking_refs", "name", "description",
  "x_tansiq_mentions", "x_tansiq_dates", "x_tansiq_figures",
]);

function isIdentifier(value: unknown): value is string {
  return typeof value === "string" && IDENTIFIER.test(value);
}

function renderValue(key: string, value: unknown): Node {
  if (isIdentifier(value)) return h("a", { href: href("object", value), dir: "ltr" }, value);
  if (typeof value === "string") {
    if (key === "created" || key === "modified" || key === "published" || key.endsWith("_time") || key === "valid_from" || key === "valid_until")
      return h("span", { title: value }, formatDate(value));
    return h("span", { dir: "auto" }, value);
  }
  if (typeof value === "number" || typeof value === "boolean") return h("span", {}, String(value));
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return h(
      "ul",
      { class: "inline-list" },
      ...value.map((item) => h("li", {}, isIdentifier(item) ? h("a", { href: href("object", item), dir: "ltr" }, item) : h("span", { dir: "auto" }, item))),
    );
  }
  return h("pre", { dir: "ltr", class: "json", tabindex: 0 }, JSON.stringify(value, null, 2));
}

function referenceItem(reference: Summary): HTMLElement {
  if (reference.readable === false)
    return h("li", { class: "unreadable" }, h("span", { dir: "ltr" }, reference.type), " — ", t("notReadable"));
  return h(
    "li",
    {},
    tlpChip(reference.tlp),
    " ",
    h("span", { class: "type", dir: "ltr" }, reference.type),
    " ",
    h("a", { href: href("object", reference.id), dir: "auto" }, reference.name),
  );
}

export async function objectView(id: string): Promise<HTMLElement> {
  const view: ObjectView = await showObject(id);
  const object = view.object;
  const name = typeof object.name === "string" ? object.name : typeof object.value === "string" ? object.value : id;
  const handling = view.handling;

  const properties = Object.entries(object).filter(([key]) => !SHOWN_ELSEWHERE.has(key));
  return h(
    "main",
    { id: "main", class: "object" },
    h(
      "header",
      { class: "object-header" },
      tlpChip(handling.tlp),
      " ",
      h("span", { class: "type", dir: "ltr" }, String(object.type)),
      h("h1", { dir: "auto", id: "object-name" }, name),
      h("p", { class: "identifier", dir: "ltr" }, id),
    ),
    articleText(object) ??
      (typeof object.description === "string"
        ? h("section", {}, h("h2", {}, t("description")), h("p", { class: "description", dir: "auto" }, object.description))
        : null),
    h(
      "section",
      { id: "markings" },
      h("h2", {}, t("markings")),
      h(
        "dl",
        {},
        h("dt", {}, "TLP"),
        h("dd", {}, tlpChip(handling.tlp)),
        h("dt", {}, t("categories")),
        h("dd", {}, handling.categories.length ? handling.categories.join(", ") : "—"),
        h("dt", {}, t("originator")),
        h("dd", { dir: "auto" }, handling.originator_name || handling.originator || "—"),
        h("dt", {}, t("releasableTo")),
        h("dd", {}, handling.releasable_to.length ? handling.releasable_to.map((r) => r.name || r.id).join(", ") : "—"),
        handling.expires ? h("dt", {}, t("expires")) : null,
        handling.expires ? h("dd", {}, formatDate(handling.expires)) : null,
      ),
      handling.originator_control ? h("p", { class: "note" }, t("thirdPartyRule")) : null,
    ),
    h(
      "section",
      { id: "releases" },
      h("h2", {}, t("whoMaySee")),
      view.releases.length === 0
        ? h("p", {}, t("noPartnerAgencies"))
        : h(
            "ul",
            { class: "releases" },
            ...view.releases.map((release) =>
              h(
                "li",
                { class: release.release ? "released" : "withheld" },
                h("strong", { dir: "auto" }, release.name || release.agency),
                " — ",
                h("span", { class: "verdict" }, release.release ? t("released") : t("withheld")),
                h("p", { class: "reason", dir: "ltr" }, release.reason),
              ),
            ),
          ),
    ),
    graphPanel(id),
    h(
      "section",
      {},
      h("h2", {}, t("properties")),
      h("dl", { class: "properties" }, ...properties.flatMap(([key, value]) => [h("dt", { dir: "ltr" }, key), h("dd", {}, renderValue(key, value))])),
    ),
    view.references.length
      ? h("section", { id: "references" }, h("h2", {}, t("refersTo"), ` (${view.references_total})`), h("ul", { class: "references" }, ...view.references.map(referenceItem)))
      : null,
    h(
      "section",
      {},
      h("h2", {}, t("provenance")),
      view.provenance.length === 0
        ? h("p", {}, t("localObject"))
        : h(
            "ul",
            {},
            ...view.provenance.map((p) => h("li", {}, t("receivedFrom"), " ", h("span", { dir: "auto" }, p.received_from_name || p.received_from), " — ", formatDate(p.received))),
          ),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("versions")),
      h("ul", { id: "versions" }, ...view.versions.map((v) => h("li", {}, formatDate(v.version || v.date_added), " ", h("span", { class: "identifier", dir: "ltr" }, v.version)))),
    ),
    auditTrail(id),
    h("details", {}, h("summary", {}, t("rawJson")), h("pre", { dir: "ltr", class: "json", tabindex: 0 }, JSON.stringify(object, null, 2))),
  );
}
