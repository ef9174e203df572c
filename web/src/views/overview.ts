import { overview, type Overview } from "../api";
import { h } from "../dom";
import { formatDate, formatNumber, t } from "../i18n";
import { href } from "../router";
import { tlpChip } from "../tlp";

export async function overviewView(): Promise<HTMLElement> {
  const data: Overview = await overview();
  const number = (value: number) => h("span", { class: "number" }, formatNumber(value));
  return h(
    "main",
    { id: "main", class: "overview" },
    h("h1", {}, t("overview")),
    h(
      "section",
      { class: "cards", "aria-label": t("holdings") },
      h("div", { class: "card" }, h("div", { class: "big", id: "total-count" }, formatNumber(data.total)), t("objects")),
      h("div", { class: "card" }, h("div", { class: "big", id: "today-count" }, formatNumber(data.today)), t("today")),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("byCollection")),
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("collection")), h("th", { scope: "col" }, t("objects")), h("th", { scope: "col" }, t("today")))),
        h(
          "tbody",
          {},
          ...data.collections.map((c) =>
            h(
              "tr",
              {},
              h("td", {}, h("a", { href: href("browse", "", { collection: c.id }), dir: "auto" }, c.title)),
              h("td", {}, number(c.count)),
              h("td", {}, number(c.today)),
            ),
          ),
        ),
      ),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("byType")),
      h(
        "table",
        { id: "types" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("type")), h("th", { scope: "col" }, t("objects")))),
        h(
          "tbody",
          {},
          ...data.types.map((entry) =>
            h(
              "tr",
              {},
              h("td", {}, h("a", { href: href("browse", "", { type: entry.type }), dir: "ltr" }, entry.type)),
              h("td", {}, number(entry.count)),
            ),
          ),
        ),
      ),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("byTlp")),
      h(
        "table",
        { id: "tlps" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "TLP"), h("th", { scope: "col" }, t("objects")))),
        h(
          "tbody",
          {},
          ...data.tlps.map((entry) =>
            h(
              "tr",
              {},
              h("td", {}, h("a", { href: href("browse", "", { tlp: entry.tlp || "none" }) }, entry.tlp ? tlpChip(entry.tlp) : t("noTlp"))),
              h("td", {}, number(entry.count)),
            ),
          ),
        ),
      ),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("byOrigin")),
      data.origins.length === 0
        ? h("p", {}, t("nothingReceived"))
        : h(
            "table",
            { id: "origins" },
            h(
              "thead",
              {},
              h("tr", {}, h("th", { scope: "col" }, t("origin")), h("th", { scope: "col" }, t("collection")), h("th", { scope: "col" }, t("objects"))),
            ),
            h(
              "tbody",
              {},
              ...data.origins.map((entry) =>
                h(
                  "tr",
                  {},
                  h(
                    "td",
                    {},
                    h("a", { href: href("browse", "", { collection: entry.collection, origin: entry.agency }), dir: "auto" }, entry.agency_name || entry.agency),
                  ),
                  h("td", { dir: "auto" }, entry.collection_title),
                  h("td", {}, number(entry.count)),
                ),
              ),
            ),
          ),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("partners")),
      data.partners.length === 0
        ? h("p", {}, t("noPartners"))
        : h(
            "table",
            { id: "partners" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("name")), h("th", { scope: "col" }, t("lastSync")), h("th", { scope: "col" }, t("error")))),
            h(
              "tbody",
              {},
              ...data.partners.map((p) =>
                h(
                  "tr",
                  {},
                  h("td", { dir: "auto" }, p.agency_name ? `${p.name} (${p.agency_name})` : p.name),
                  h("td", {}, p.last_success ? formatDate(p.last_success) : t("never")),
                  h("td", { class: p.last_error ? "bad" : "good", dir: "auto" }, p.last_error || t("ok")),
                ),
              ),
            ),
          ),
    ),
  );
}
