import { cooperation } from "../api";
import { h } from "../dom";
import { formatDate, formatNumber, t } from "../i18n";
import { tlpChip } from "../tlp";

// Agreements (parties, scope, validity) and partners (sync state, last week's flows).
export async function cooperationView(): Promise<HTMLElement> {
  const data = await cooperation();
  const sum = (flows: Record<string, number>, actions: string[]) => actions.reduce((total, action) => total + (flows[action] ?? 0), 0);
  return h(
    "main",
    { id: "main", class: "cooperation" },
    h("h1", {}, t("cooperation")),
    h("h2", {}, t("agreements")),
    data.agreements.length === 0
      ? h("p", {}, t("nothing"))
      : h(
          "table",
          { id: "agreements" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...(["name", "parties", "categories", "highestTlp", "validity", "onwardSharing", "status"] as const).map((key) => h("th", { scope: "col" }, t(key))),
            ),
          ),
          h(
            "tbody",
            {},
            ...data.agreements.map((a) =>
              h(
                "tr",
                { class: a.in_force ? "in-force" : "not-in-force" },
                h("td", { dir: "auto" }, a.name),
                h("td", { dir: "auto" }, a.parties.map((p) => p.name || p.id).join(" · ")),
                h("td", { dir: "ltr" }, a.categories.join(", ")),
                h("td", {}, tlpChip(a.highest_tlp)),
                h("td", {}, formatDate(a.valid_from, false), " – ", a.valid_until ? formatDate(a.valid_until, false) : "…"),
                h("td", {}, a.onward_sharing ? t("yes") : t("no")),
                h("td", { class: a.in_force ? "good" : "bad" }, a.withdrawn ? t("withdrawn") : a.in_force ? t("inForce") : t("notInForce")),
              ),
            ),
          ),
        ),
    data.problems.length ? h("ul", { class: "error" }, ...data.problems.map((p) => h("li", { dir: "ltr" }, p))) : null,
    h("h2", {}, t("partners")),
    data.partners.length === 0
      ? h("p", {}, t("noPartners"))
      : h(
          "table",
          { id: "partner-flows" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...(["name", "agreement", "lastSync", "error", "flowIn", "flowOut", "flowWithheld", "flowRejected"] as const).map((key) => h("th", { scope: "col" }, t(key))),
            ),
          ),
          h(
            "tbody",
            {},
            ...data.partners.map((p) =>
              h(
                "tr",
                {},
                h("td", { dir: "auto" }, p.agency_name ? `${p.name} (${p.agency_name})` : p.name, p.push ? h("span", { class: "type" }, " ⇄") : null),
                h("td", { dir: "auto" }, p.agreement_name || p.agreement),
                h("td", {}, p.last_success ? formatDate(p.last_success) : t("never")),
                h("td", { class: p.last_error ? "bad" : "good", dir: "auto" }, p.last_error || t("ok")),
                h("td", {}, formatNumber(sum(p.last_week, ["pull", "receive"]))),
                h("td", {}, formatNumber(sum(p.last_week, ["release", "push"]))),
                h("td", {}, formatNumber(sum(p.last_week, ["deny", "withdraw"]))),
                h("td", {}, formatNumber(sum(p.last_week, ["reject"]))),
              ),
            ),
          ),
        ),
    h("p", { class: "note" }, t("lastWeekNote")),
  );
}
