// A table that draws only the rows in view. The node serves pages with a
// cursor; this keeps the summaries of the pages loaded so far (a few hundred
// bytes each) and the DOM of the ~40 rows on screen, so scrolling through a
// hundred thousand rows costs what scrolling through a hundred does. Rows have
// one fixed height (CSS: .virtual tr.row), which turns a scroll offset into a
// row index without measuring anything.
import { h } from "./dom";

export interface Page<T> {
  rows: T[];
  more: boolean;
  next?: string;
}

export interface VirtualTableOptions<T> {
  id: string;
  label: string;
  rowHeight: number; // px, as style.css sets it
  header: HTMLTableRowElement;
  first: Page<T>;
  loadMore: (next: string) => Promise<Page<T>>;
  render: (row: T) => HTMLTableRowElement;
  status: (loaded: number, more: boolean) => string;
  loadMoreLabel: string;
  describeFailure: (error: unknown) => string; // in the user's language
}

const OVERSCAN = 10; // rows drawn above and below the visible ones
const PREFETCH = 60; // rows from the end at which the next page is fetched

export function virtualTable<T>(options: VirtualTableOptions<T>): HTMLElement {
  const rows: T[] = [...options.first.rows];
  let more = options.first.more;
  let next = options.first.next ?? "";
  let loading: Promise<void> | null = null;
  let failure = "";
  const drawn = new Map<number, HTMLTableRowElement>();

  // Spacers span exactly the header's columns: a wider colspan would add
  // columns that a fixed table layout gives width to.
  const columns = options.header.children.length;
  const topSpacer = h("tr", { class: "spacer", "aria-hidden": "true" }, h("td", { colspan: columns }));
  const bottomSpacer = h("tr", { class: "spacer", "aria-hidden": "true" }, h("td", { colspan: columns }));
  const body = h("tbody", {}, topSpacer, bottomSpacer);
  const table = h("table", { id: options.id }, h("thead", {}, options.header), body);
  const viewport = h("div", { class: "virtual", tabindex: 0, role: "region", "aria-label": options.label }, table);
  const status = h("p", { class: "list-status", role: "status" });
  const moreButton = h("button", { type: "button", class: "load-more", onclick: () => void fetchMore() }, options.loadMoreLabel);

  const draw = () => {
    const visible = Math.ceil((viewport.clientHeight || 600) / options.rowHeight);
    const start = Math.max(0, Math.floor(viewport.scrollTop / options.rowHeight) - OVERSCAN);
    const end = Math.min(rows.length, start + visible + 2 * OVERSCAN);
    // Rows leaving the window go; rows staying keep their nodes (and focus).
    for (const [index, row] of drawn)
      if (index < start || index >= end) {
        row.remove();
        drawn.delete(index);
      }
    let before: Element = bottomSpacer;
    for (let index = end - 1; index >= start; index--) {
      let row = drawn.get(index);
      if (!row) {
        row = options.render(rows[index]);
        row.classList.add("row");
        row.setAttribute("aria-rowindex", String(index + 2)); // the header is row 1
        drawn.set(index, row);
        body.insertBefore(row, before);
      }
      before = row;
    }
    topSpacer.style.height = `${start * options.rowHeight}px`;
    bottomSpacer.style.height = `${(rows.length - end) * options.rowHeight}px`;
    table.setAttribute("aria-rowcount", more ? "-1" : String(rows.length + 1));
    status.textContent = options.status(rows.length, more) + (failure ? ` — ${failure}` : "");
    moreButton.hidden = !more;
    if (more && end >= rows.length - PREFETCH) void fetchMore();
  };

  const fetchMore = (): Promise<void> => {
    if (loading || !more) return loading ?? Promise.resolve();
    loading = options
      .loadMore(next)
      .then((page) => {
        rows.push(...page.rows);
        more = page.more && page.rows.length > 0;
        next = page.next ?? "";
      })
      .catch((error: unknown) => {
        more = false; // the status line says how far the list got, and why it stopped
        failure = options.describeFailure(error);
      })
      .finally(() => {
        loading = null;
        draw();
      });
    return loading;
  };

  let frame = 0;
  viewport.addEventListener("scroll", () => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
  });
  // Drawn once the element is in the page and has a height.
  requestAnimationFrame(draw);
  draw();
  return h("div", { class: "virtual-table" }, viewport, h("div", { class: "list-footer" }, status, moreButton));
}
