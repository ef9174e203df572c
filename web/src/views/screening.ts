import { screenName } from "../api";
import { h } from "../dom";
import { errorPanel } from "../errors";
import { formatNumber, t } from "../i18n";
import { href, type Route } from "../router";
import { tlpChip } from "../tlp";

// A name in any script against the persons and threat actors the node holds:
// candidates with their score and, part by part, why they matched.
export function screeningView(route: Route): HTMLElement {
  const name = h("input", { id: "screen-name", name: "name", dir: "auto", value: route.query.get("name") ?? "", required: true });
  const dob = h("input", { id: "screen-dob", name: "dob", dir: "ltr", placeholder: "YYYY-MM-DD", value: route.query.get("dob") ?? "" });
  const nationality = h("input", { id: "screen-nationality", name: "nationality", dir: "ltr", placeholder: "MA", value: route.query.get("nationality") ?? "" });
  const results = h("div", { id: "screen-results", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "screen-form", role: "search" },
    h("label", { for: "screen-name" }, t("name")),
    name,
    h("label", { for: "screen-dob" }, t("birthDate")),
    dob,
    h("label", { for: "screen-nationality" }, t("nationality")),
    nationality,
    h("button", { type: "submit", class: "primary" }, t("screen")),
  );
  async function run(): Promise<void> {
    if (!name.value.trim()) return;
    results.replaceChildren(h("p", {}, t("loading")));
    try {
      const answer = await screenName(name.value, dob.value, nationality.value);
      if (answer.candidates.length === 0) {
        results.replaceChildren(h("p", { class: "empty" }, t("noCandidates"), ` (${formatNumber(answer.entries)})`));
        return;
      }
      results.replaceChildren(
        h(
          "ol",
          { class: "candidates" },
          ...answer.candidates.map((candidate) =>
            h(
              "li",
              { class: "candidate" },
              h("span", { class: "score", dir: "ltr" }, candidate.score.toFixed(2)),
              " ",
              tlpChip(candidate.tlp),
              " ",
              h("a", { href: href("object", candidate.id), dir: "auto" }, candidate.name),
              " ",
              h("span", { class: "type", dir: "ltr" }, candidate.type),
              h("p", { class: "matched", dir: "auto" }, candidate.matched_name),
              h(
                "details",
                {},
                h("summary", {}, t("why")),
                h("p", { dir: "ltr" }, candidate.summary),
                h(
                  "ul",
                  {},
                  ...candidate.parts.map((part) =>
                    h("li", {}, h("bdi", {}, part.query_part), " ↔ ", h("bdi", {}, part.entry_part), ` (${part.similarity.toFixed(2)}, ${part.how})`),
                  ),
                  ...candidate.notes.map((note) => h("li", { class: "note" }, note)),
                ),
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
    history.replaceState(null, "", href("screen", "", { name: name.value, dob: dob.value, nationality: nationality.value }));
    void run();
  });
  if (name.value) void run();
  return h("main", { id: "main", class: "screening" }, h("h1", {}, t("screening")), h("p", { class: "note" }, t("screenHelp")), form, results);
}
