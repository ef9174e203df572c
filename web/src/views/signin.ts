import { ApiError, signIn, type Me } from "../api";
import { h } from "../dom";
import { errorPanel } from "../errors";
import { t } from "../i18n";

export function signInView(onSignedIn: (me: Me) => void): HTMLElement {
  const message = h("div", { class: "signin-message" });
  const user = h("input", { id: "signin-user", name: "user", autocomplete: "username", dir: "ltr" });
  const password = h("input", {
    id: "signin-password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    dir: "ltr",
  });
  const token = h("input", { id: "signin-token", name: "token", type: "password", autocomplete: "off", dir: "ltr" });
  const submit = h("button", { type: "submit", class: "primary" }, t("signIn"));
  const form = h(
    "form",
    { class: "signin", "aria-labelledby": "signin-title" },
    h("h1", { id: "signin-title" }, t("appName")),
    h("label", { for: "signin-user" }, t("user")),
    user,
    h("label", { for: "signin-password" }, t("password")),
    password,
    h("details", {}, h("summary", {}, t("orToken")), h("label", { for: "signin-token" }, t("token")), token),
    submit,
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    submit.disabled = true;
    try {
      const me = token.value
        ? await signIn({ token: token.value })
        : await signIn({ user: user.value, password: password.value });
      onSignedIn(me);
    } catch (error) {
      message.replaceChildren(errorPanel(error instanceof ApiError ? error : new ApiError("server", String(error))));
    } finally {
      submit.disabled = false;
    }
  });
  return h("main", { id: "main", class: "signin-page" }, form);
}
