import { h } from "../dom";
import { t } from "../i18n";
import { href } from "../router";

// One extracted span of a report's text (offsets in code points of
// `description`, as the intake writes them).
interface Span {
  start: number;
  end: number;
  kind: string; // person, organisation, group, place, date, figure
  ref?: string; // the STIX object it resolved to
  title: string;
}

function spansOf(report: Record<string, unknown>): Span[] {
  const spans: Span[] = [];
  const list = (key: string) => (Array.isArray(report[key]) ? (report[key] as Record<string, unknown>[]) : []);
  for (const m of list("x_tansiq_mentions"))
    spans.push({ start: Number(m.start), end: Number(m.end), kind: String(m.entity_type ?? "entity"), ref: typeof m.ref === "string" ? m.ref : undefined, title: String(m.entity_type ?? "") });
  for (const d of list("x_tansiq_dates"))
    spans.push({ start: Number(d.start), end: Number(d.end), kind: "date", title: String(d.value ?? "") });
  for (const f of list("x_tansiq_figures"))
    spans.push({ start: Number(f.start), end: Number(f.end), kind: "figure", title: `${f.value ?? ""} ${f.unit ?? ""}`.trim() });
  // In order, overlaps dropped (the first, longest span wins).
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of spans) {
    if (!(span.end > span.start)) continue;
    if (kept.length && span.start < kept[kept.length - 1].end) continue;
    kept.push(span);
  }
  return kept;
}

// The article with every person, group, place, date and figure marked in
// place; marks of resolved entities open their object.
export function articleText(report: Record<string, unknown>): HTMLElement | null {
  if (typeof report.description !== "string") return null;
  const characters = Array.from(report.description); // code points, as the offsets count
  const spans = spansOf(report);
  if (spans.length === 0) return null;
  const text = h("div", { class: "article", dir: "auto", id: "article-text" });
  let at = 0;
  for (const span of spans) {
    if (span.start > characters.length) break;
    text.append(characters.slice(at, span.start).join(""));
    const words = characters.slice(span.start, Math.min(span.end, characters.length)).join("");
    const mark = h("mark", { class: `entity entity-${span.kind}`, title: span.title }, words);
    text.append(span.ref ? h("a", { href: href("object", span.ref), class: "entity-link" }, mark) : mark);
    at = Math.min(span.end, characters.length);
  }
  text.append(characters.slice(at).join(""));
  const legend = h(
    "p",
    { class: "legend" },
    ...["person", "organization", "group", "location", "date", "figure"].map((kind) =>
      h("mark", { class: `entity entity-${kind}` }, t(`kind_${kind}` as "kind_person")),
    ),
  );
  return h("section", { id: "article" }, h("h2", {}, t("articleText")), legend, text);
}
