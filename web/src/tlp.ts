import { h } from "./dom";

// A TLP 2.0 chip in FIRST's colours (text on black, as the standard shows them).
export function tlpChip(tlp: string): HTMLElement {
  if (!tlp) return h("span", { class: "tlp tlp-none" }, "—");
  const level = tlp.replace("TLP:", "").toLowerCase().replace("+", "-");
  return h("span", { class: `tlp tlp-${level}`, dir: "ltr" }, tlp);
}
