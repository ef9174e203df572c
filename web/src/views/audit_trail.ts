import { objectAudit } from "../api";
import { h } from "../dom";
import { errorPanel } from "../errors";
import { formatDate, t } from "../i18n";

// The object's audit trail (releases, denials, pulls, pushes, rejections), loaded when opened.
export function auditTrail(id: string): HTMLElement {
  const body = h("div", {}, t("loading"));
  const details = h("details", { id: "audit-trail" }, h("summary", {}, t("auditTrail")), body);
  let loaded = false;
  details.addEventListener("toggle", async () => {
    if (!details.open || loaded) return;
    loaded = true;
    try {
      const trail = await objectAudit(id);
      body.replaceChildren(
        trail.records.length === 0
          ? h("p", {}, t("nothing"))
          : h(
              "table",
              {},
              h("thead", {}, h("tr", {}, ...(["date", "action", "partnerCol", "detail"] as const).map((key) => h("th", { scope: "col" }, t(key))))),
              h(
                "tbody",
                {},
                ...trail.records.map((record) =>
                  h(
                    "tr",
                    {},
                    h("td", {}, formatDate(record.time)),
                    h("td", { dir: "ltr" }, record.action),
                    h("td", { dir: "ltr", class: "identifier" }, record.partner),
                    h("td", { dir: "ltr" }, record.detail),
                  ),
                ),
              ),
            ),
      );
    } catch (error) {
      body.replaceChildren(errorPanel(error));
    }
  });
  return h("section", {}, details);
}
