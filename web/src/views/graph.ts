import { objectGraph, type Graph, type Summary } from "../api";
import { h, svg } from "../dom";
import { errorPanel } from "../errors";
import { t } from "../i18n";
import { href } from "../router";

const WIDTH = 900;
const HEIGHT = 520;

interface Point {
  summary: Summary;
  x: number;
  y: number;
  expanded: boolean;
}

// A few hundred steps of a plain force layout: nodes repel, edges pull,
// everything drifts to the middle. Enough for the ~200 nodes a view holds.
function layout(points: Map<string, Point>, edges: Graph["edges"], pinned: string): void {
  const list = [...points.values()];
  for (let step = 0; step < 300; step++) {
    const cooling = 1 - step / 300;
    const force = new Map<Point, { x: number; y: number }>(list.map((p) => [p, { x: 0, y: 0 }]));
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i], b = list[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const distance2 = Math.max(dx * dx + dy * dy, 25);
        const push = 4000 / distance2;
        const distance = Math.sqrt(distance2);
        dx /= distance;
        dy /= distance;
        force.get(a)!.x += dx * push;
        force.get(a)!.y += dy * push;
        force.get(b)!.x -= dx * push;
        force.get(b)!.y -= dy * push;
      }
    for (const edge of edges) {
      const a = points.get(edge.source), b = points.get(edge.target);
      if (!a || !b) continue;
      const dx = b.x - a.x, dy = b.y - a.y;
      const pull = 0.02 * (Math.sqrt(dx * dx + dy * dy) - 110);
      const distance = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      force.get(a)!.x += (dx / distance) * pull * 10;
      force.get(a)!.y += (dy / distance) * pull * 10;
      force.get(b)!.x -= (dx / distance) * pull * 10;
      force.get(b)!.y -= (dy / distance) * pull * 10;
    }
    for (const point of list) {
      if (point.summary.id === pinned) continue;
      const f = force.get(point)!;
      f.x += (WIDTH / 2 - point.x) * 0.01;
      f.y += (HEIGHT / 2 - point.y) * 0.01;
      const move = Math.min(Math.sqrt(f.x * f.x + f.y * f.y), 20 * cooling + 1);
      const length = Math.max(Math.sqrt(f.x * f.x + f.y * f.y), 1e-6);
      point.x = Math.min(WIDTH - 20, Math.max(20, point.x + (f.x / length) * move));
      point.y = Math.min(HEIGHT - 20, Math.max(20, point.y + (f.y / length) * move));
    }
  }
}

const COLOURS: Record<string, string> = {
  report: "#0b5394", identity: "#b45f06", "threat-actor": "#a40e26", location: "#116329",
  relationship: "#57606a", indicator: "#6f42c1", malware: "#cf222e", "intrusion-set": "#8250df",
};

// The object's neighbourhood as a graph; activating a node (click, Enter)
// brings in its own neighbours; each node's name links to its page below.
export function graphPanel(centerId: string): HTMLElement {
  const points = new Map<string, Point>();
  const edges = new Map<string, Graph["edges"][number]>();
  const picture = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "graph", role: "group", "aria-label": t("graph") });
  const listing = h("ul", { class: "graph-nodes" });
  const status = h("p", { class: "graph-status", role: "status" });
  const panel = h("section", { id: "graph" }, h("h2", {}, t("graph")), h("p", { class: "note" }, t("graphHelp")), picture, status, listing);

  function draw(): void {
    picture.replaceChildren();
    for (const edge of edges.values()) {
      const a = points.get(edge.source), b = points.get(edge.target);
      if (!a || !b) continue;
      picture.append(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge" }));
      const label = svg("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, class: "edge-label" });
      label.textContent = edge.label;
      picture.append(label);
    }
    listing.replaceChildren();
    for (const point of points.values()) {
      const summary = point.summary;
      const readable = summary.readable !== false;
      const group = svg("g", {
        class: "node" + (point.expanded ? " expanded" : "") + (readable ? "" : " unreadable"),
        "data-id": summary.id,
        tabindex: readable ? 0 : -1,
        role: "button",
        "aria-label": readable ? `${summary.name.slice(0, 40)}, ${summary.type}` : `${summary.type}, ${t("notReadable")}`,
      });
      group.append(svg("circle", { cx: point.x, cy: point.y, r: summary.id === centerId ? 12 : 8, fill: readable ? COLOURS[summary.type] ?? "#444" : "#bbb" }));
      const text = svg("text", { x: point.x + 14, y: point.y + 4, class: "node-label" });
      text.textContent = readable ? summary.name.slice(0, 40) : summary.type;
      text.setAttribute("aria-hidden", "true"); // the group's label says it
      group.append(text);
      if (readable) {
        group.addEventListener("click", () => void expand(summary.id));
        group.addEventListener("keydown", (event) => {
          if ((event as KeyboardEvent).key === "Enter") void expand(summary.id);
        });
      }
      picture.append(group);
      listing.append(
        h(
          "li",
          {},
          h("span", { class: "type", dir: "ltr" }, summary.type),
          " ",
          readable ? h("a", { href: href("object", summary.id), dir: "auto" }, summary.name) : h("span", { class: "unreadable" }, t("notReadable")),
        ),
      );
    }
  }

  async function expand(id: string): Promise<void> {
    const from = points.get(id);
    if (from?.expanded) return;
    status.textContent = t("loading");
    try {
      const graph = await objectGraph(id);
      for (const node of graph.nodes) {
        if (points.has(node.id)) continue;
        const angle = Math.random() * 2 * Math.PI;
        points.set(node.id, {
          summary: node,
          x: (from?.x ?? WIDTH / 2) + Math.cos(angle) * 60,
          y: (from?.y ?? HEIGHT / 2) + Math.sin(angle) * 60,
          expanded: false,
        });
      }
      points.get(id)!.expanded = true;
      for (const edge of graph.edges) edges.set(`${edge.id}|${edge.source}|${edge.target}|${edge.label}`, edge);
      layout(points, [...edges.values()], centerId);
      draw();
      status.textContent = `${points.size} · ${edges.size}`;
    } catch (error) {
      status.replaceChildren(errorPanel(error));
    }
  }

  void expand(centerId);
  return panel;
}
