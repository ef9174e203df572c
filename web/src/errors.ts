import { ApiError } from "./api";
import { h } from "./dom";
import { t } from "./i18n";

// A failure as a message in the user's language, the node's own words under
// it, and a way to try again: never a blank page.
export function errorPanel(error: unknown, retry?: () => void): HTMLElement {
  const kind = error instanceof ApiError ? error.kind : "server";
  const detail = error instanceof ApiError ? error.detail : String(error);
  return h(
    "div",
    { class: "error", role: "alert" },
    h("p", { class: "error-message" }, t(kind)),
    h("p", { class: "error-detail", dir: "auto" }, detail),
    retry ? h("button", { type: "button", onclick: () => retry() }, t("retry")) : null,
  );
}
