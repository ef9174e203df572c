import "./style.css";
import { ApiError, currentUser, signOut, type Me } from "./api";
import { h } from "./dom";
import { errorPanel } from "./errors";
import { initLanguage, language, monthStyle, setLanguage, setMonthStyle, t, type ArabicMonths, type Language } from "./i18n";
import { currentRoute, href } from "./router";
import { browseView } from "./views/browse";
import { cooperationView } from "./views/cooperation";
import { mapView } from "./views/map";
import { screeningView } from "./views/screening";
import { searchView } from "./views/search";
import { objectView } from "./views/object";
import { overviewView } from "./views/overview";
import { signInView } from "./views/signin";

const app = document.getElementById("app")!;
let me: Me | null = null;
let renderCount = 0;

function languageControls(): HTMLElement {
  const select = h(
    "select",
    { id: "language", "aria-label": t("language") },
    ...(["ar", "fr", "en"] as Language[]).map((code) =>
      h("option", { value: code, selected: code === language(), lang: code }, { ar: "العربية", fr: "Français", en: "English" }[code]),
    ),
  );
  select.addEventListener("change", () => {
    setLanguage(select.value as Language);
    void render();
  });
  const months = h(
    "select",
    { id: "arabic-months", "aria-label": t("months") },
    ...(["maghreb", "mashriq", "levant"] as ArabicMonths[]).map((style) => h("option", { value: style, selected: style === monthStyle() }, t(style))),
  );
  months.addEventListener("change", () => {
    setMonthStyle(months.value as ArabicMonths);
    void render();
  });
  return h("div", { class: "language-controls" }, select, language() === "ar" ? months : null);
}

function header(): HTMLElement {
  const route = currentRoute();
  const link = (page: string, label: string) =>
    h("a", { href: href(page), "aria-current": route.page === page ? "page" : undefined }, label);
  return h(
    "header",
    { class: "top" },
    h("a", { href: "#main", class: "skip" }, "↓"),
    h("span", { class: "brand" }, t("appName"), me ? h("small", { dir: "auto" }, " · " + me.node) : null),
    me ? h("nav", { "aria-label": t("appName") }, link("overview", t("overview")), link("browse", t("browse")), link("search", t("search")), link("map", t("map")), link("screen", t("screening")), link("cooperation", t("cooperation"))) : null,
    h("span", { class: "spacer" }),
    languageControls(),
    me
      ? h(
          "span",
          { class: "account" },
          h("span", { dir: "ltr", id: "account-name" }, me.user),
          h("button", { type: "button", id: "sign-out", onclick: () => void doSignOut() }, t("signOut")),
        )
      : null,
  );
}

async function doSignOut(): Promise<void> {
  try {
    await signOut();
  } catch {
    // Signed out or not, the page forgets the session.
  }
  me = null;
  location.hash = "";
  void render();
}

async function page(): Promise<HTMLElement> {
  const route = currentRoute();
  if (route.page === "browse") return browseView(route);
  if (route.page === "object") return objectView(route.argument);
  if (route.page === "map") return mapView();
  if (route.page === "screen") return screeningView(route);
  if (route.page === "search") return searchView(route);
  if (route.page === "cooperation") return cooperationView();
  return overviewView();
}

async function render(): Promise<void> {
  const generation = ++renderCount;
  if (!me) {
    try {
      me = await currentUser();
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== "unauthorized") {
        app.replaceChildren(header(), h("main", { id: "main" }, errorPanel(error, () => void render())));
        return;
      }
    }
  }
  if (!me) {
    app.replaceChildren(
      header(),
      signInView((signedIn) => {
        me = signedIn;
        void render();
      }),
    );
    document.getElementById("signin-user")?.focus();
    return;
  }
  app.replaceChildren(header(), h("main", { id: "main", class: "loading" }, t("loading")));
  let content: HTMLElement;
  try {
    content = await page();
  } catch (error) {
    if (error instanceof ApiError && error.kind === "unauthorized") {
      me = null;
      app.replaceChildren(header(), h("main", { id: "main" }, errorPanel(error)), signInView((signedIn) => {
        me = signedIn;
        void render();
      }));
      return;
    }
    content = h("main", { id: "main" }, errorPanel(error, () => void render()));
  }
  if (generation !== renderCount) return; // a newer navigation won
  app.replaceChildren(header(), content);
  content.querySelector("h1")?.setAttribute("tabindex", "-1");
}

initLanguage();
window.addEventListener("hashchange", () => void render());
void render();
