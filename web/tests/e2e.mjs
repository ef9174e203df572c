// The console end to end: a real node (`tansiq serve` on loopback, demo data,
// an ingested Arabic article) driven in Debian's Chromium by playwright-core.
// Usage: node tests/e2e.mjs  (env TANSIQ_BINARY: the tansiq binary;
// TANSIQ_SCREENSHOTS: where the screenshots go). Exits non-zero on the first
// failed check, naming it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checker, launchBrowser, rowsAllMatch, serveNode } from "./harness.mjs";

const repo = resolve(new URL("../..", import.meta.url).pathname);
const binary = process.env.TANSIQ_BINARY ?? join(repo, "build/src/cli/tansiq");
const screenshots = process.env.TANSIQ_SCREENSHOTS ?? join(repo, "build/console-screenshots");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const axeSource = readFileSync(join(repo, "web/node_modules/axe-core/axe.min.js"), "utf8");
mkdirSync(screenshots, { recursive: true });

const { check, failures } = checker();
const timings = {};

const dir = mkdtempSync(join(tmpdir(), "tansiq-e2e-"));
const node = join(dir, "node");
const tansiq = (...args) => execFileSync(binary, ["--dir", node, ...args], { encoding: "utf8" });

// The node: demo data, an Arabic article, a hostile object in a second
// collection an analyst may not read, and a plain analyst account.
const rabat = "identity--00000000-0000-4000-8000-000000000001";
const brussels = "identity--00000000-0000-4000-8000-000000000002";
const cellForBrussels = "threat-actor--00000000-0000-4000-8000-0000000000c1";
const armsNetwork = "threat-actor--00000000-0000-4000-8000-0000000000c2";
const init = execFileSync(binary, ["init", node, "--name", "Rabat e2e", "--agency-id", rabat], { encoding: "utf8" });
const adminToken = init.trim().split("\n").pop().trim();
const sharedCollection = /Default collection: (\S+)/.exec(init)[1];
tansiq("import", join(repo, "data/demo"));
const ingested = tansiq("ingest", "--source-url", "https://example.org/article",
  join(repo, "../shared/samples/articles/paris-intelligence-meeting-libyan-weapons.txt"));
const reportId = /report--[0-9a-f-]{36}/.exec(ingested)?.[0];
const secretCollection = "5f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
tansiq("collection", "add", "Secret sources", "--id", secretCollection);
const hostileId = "indicator--6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b";
const hostileName = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const hostile = {
  type: "bundle", id: "bundle--0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b",
  objects: [{
    type: "indicator", spec_version: "2.1", id: hostileId,
    created: "2024-07-18T09:00:00.000Z", modified: "2024-07-18T09:00:00.000Z",
    name: hostileName, pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: "stix",
    valid_from: "2024-07-18T09:00:00Z",
  }],
};
writeFileSync(join(dir, "hostile.json"), JSON.stringify(hostile));
tansiq("import", "--collection", secretCollection, join(dir, "hostile.json"));
// The Morocco–Belgium agreement of the README walkthrough, a partner account
// for Brussels, its node registered (not running: its sync fails, and says so).
tansiq("import", join(repo, "data/policy/extension-definitions.json"), join(repo, "data/examples/federation-rabat.json"));
tansiq("user", "add", "brussels", "--role", "partner", "--agency", brussels, "--read", sharedCollection);
tansiq("partner", "add", "brussels", "--agency", brussels, "--url", "http://127.0.0.1:9/tansiq/",
  "--collection", sharedCollection, "--token", "tsq_unused", "--agreement",
  "x-tansiq-agreement--00000000-0000-4000-8000-0000000000a1");
tansiq("policy", "publish");
const analystOutput = tansiq("user", "add", "amina", "--role", "analyst", "--read", sharedCollection);
const analystToken = /tsq_[A-Za-z0-9_-]+/.exec(analystOutput)[0];

// Serve it on a free port.
const { server, base } = await serveNode(binary, node);

const browser = await launchBrowser(chromiumPath);
const context = await browser.newContext({ locale: "en-GB" });
const page = await context.newPage();
const pageErrors = [];
page.on("pageerror", (error) => pageErrors.push(String(error)));
page.on("console", (message) => {
  if (message.type() === "error" && !/401|404|Failed to load resource/.test(message.text()))
    pageErrors.push(message.text());
});

async function axeCheck(label) {
  // Through the DevTools protocol, which the page's CSP does not bind (an inline script tag would be refused).
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const report = await axe.run(document, { resultTypes: ["violations"] });
    return report.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  check(result.length === 0, `axe: no serious violation on ${label}${result.length ? " — " + result.join("; ") : ""}`);
}

try {
  // Sign-in page: first paint.
  let started = Date.now();
  await page.goto(`${base}/`);
  await page.waitForSelector("#signin-user");
  timings.signin_page_ms = Date.now() - started;
  check(page.url().endsWith("/console/"), "/ redirects to /console/");
  await axeCheck("the sign-in page");

  // A wrong password: a clear message, still on the sign-in page.
  await page.fill("#signin-user", "admin");
  await page.fill("#signin-password", "wrong");
  await page.click("button[type=submit]");
  await page.waitForSelector(".error[role=alert]");
  check(await page.isVisible("#signin-user"), "a wrong password keeps the sign-in page with an error");

  // Sign in with the admin token.
  await page.click("details summary");
  await page.fill("#signin-token", adminToken);
  started = Date.now();
  await page.click("button[type=submit]");
  await page.waitForSelector("#total-count");
  timings.overview_after_signin_ms = Date.now() - started;
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "tansiq_session");
  check(session && session.httpOnly && session.sameSite === "Strict", "the session cookie is HttpOnly and SameSite=Strict");
  const total = Number((await page.textContent("#total-count")).replace(/\D/g, ""));
  check(total >= 24, `the overview counts the holdings (${total})`);
  check(await page.isVisible("#types"), "the overview lists counts by type");
  await page.screenshot({ path: join(screenshots, "overview-en.png"), fullPage: true });
  await axeCheck("the overview");

  // A reload keeps the session (the cookie), and the first paint is quick.
  started = Date.now();
  await page.reload();
  await page.waitForSelector("#total-count");
  timings.overview_reload_ms = Date.now() - started;

  // Browse: a page of objects, then one report.
  await page.click("nav a[href='#/browse']");
  await page.waitForSelector("#object-list");
  const rows = await page.locator("#object-list tbody tr.row").count();
  check(rows > 10, `browse lists objects (${rows} rows)`);
  // TLP and date filters: the node filters, the list shows only what matches.
  await page.selectOption("#filter-tlp", "TLP:GREEN");
  await rowsAllMatch(page, 1, "TLP:GREEN", 5000);
  const chips = await page.locator("#object-list tr.row td:nth-child(1)").allTextContents();
  check(chips.length > 0 && chips.every((c) => c === "TLP:GREEN"), `the TLP filter keeps only TLP:GREEN (${chips.length})`);
  const today = new Date().toISOString().slice(0, 10);
  await page.fill("#filter-from", today);
  await page.waitForFunction(() => location.hash.includes("from="));
  await page.waitForSelector(`#filter-from[value="${today}"]`);
  await rowsAllMatch(page, 1, "TLP:GREEN", 5000);
  check((await page.locator("#object-list tr.row").count()) === chips.length, "objects added today pass a from-today range");
  await page.fill("#filter-to", "2000-01-01");
  await page.waitForSelector("#range-error");
  check(await page.isVisible("#range-error"), "a start date after the end date is said, not queried");
  await page.click("#clear-filters");
  await page.waitForFunction(() => !location.hash.includes("tlp="));
  await page.waitForSelector("#object-list tr.row");
  await page.screenshot({ path: join(screenshots, "browse-filters-en.png"), fullPage: true });
  await page.selectOption("#filter-type", "report");
  await rowsAllMatch(page, 2, "report", 5000);
  const types = await page.locator("#object-list tbody tr.row td:nth-child(2)").allTextContents();
  check(types.length > 0 && types.every((t) => t === "report"), `the type filter keeps only reports (${types.length})`);
  await page.screenshot({ path: join(screenshots, "browse-en.png"), fullPage: true });
  await axeCheck("the object list");
  started = Date.now();
  await page.click("#object-list tbody tr.row a.object-link >> nth=0");
  await page.waitForSelector("#object-name");
  timings.object_view_ms = Date.now() - started;
  check(await page.isVisible("#markings .tlp"), "the object view shows its TLP chip");
  check(await page.isVisible("#releases"), "the object view says who may see it");
  await page.screenshot({ path: join(screenshots, "object-en.png"), fullPage: true });
  await axeCheck("the object view");

  // The ingested article: its text with the extracted entities marked in place.
  check(Boolean(reportId), "tansiq ingest names the report it made");
  await page.goto(`${base}/console/#/object/${reportId}`);
  await page.waitForSelector("#article-text mark.entity");
  const marks = await page.locator("#article-text mark.entity").count();
  check(marks >= 5, `the report view marks the article's entities in place (${marks})`);
  await page.screenshot({ path: join(screenshots, "report-en.png"), fullPage: true });

  // The graph: the report's neighbourhood; activating a neighbour brings in its own.
  await page.waitForSelector("svg.graph .node[data-id^='location--']");
  const before = await page.locator("svg.graph .node").count();
  const edgesBefore = await page.locator("svg.graph line.edge").count();
  // Click a location whose circle is not covered by another node (the layout may overlap them).
  const clickable = await page.evaluate(() => {
    for (const node of document.querySelectorAll("svg.graph .node[data-id^='location--']")) {
      node.scrollIntoView({ block: "center", inline: "center" });
      const box = node.querySelector("circle").getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      if (hit && node.contains(hit)) return node.getAttribute("data-id");
    }
    return null;
  });
  check(Boolean(clickable), "a location node of the graph can be clicked");
  await page.locator(`svg.graph .node[data-id='${clickable}'] circle`).click();
  await page.waitForSelector("svg.graph .node.expanded[data-id^='location--']");
  const edgesAfter = await page.locator("svg.graph line.edge").count();
  check(before > 3 && edgesAfter >= edgesBefore, `the graph shows the report's neighbours (${before}) and expands one on click (${edgesBefore} → ${edgesAfter} edges)`);
  await axeCheck("the report view with its graph");

  // The map: shipped world boundaries, shaded countries, dots for the Libyan towns.
  await page.click("nav a[href='#/map']");
  await page.waitForSelector("svg.world path.country");
  const countries = await page.locator("svg.world path.country").count();
  const named = await page.locator("svg.world path.named").count();
  const dots = await page.locator("svg.world .place").count();
  check(countries > 150 && named >= 3 && dots >= 4, `the map renders offline (${countries} countries, ${named} shaded, ${dots} dots)`);
  await page.screenshot({ path: join(screenshots, "map-en.png"), fullPage: true });
  await axeCheck("the map");

  // Screening: an Arabic name finds the person written in Latin script.
  await page.click("nav a[href='#/screen']");
  await page.fill("#screen-name", "عبد اللطيف الحموشي");
  started = Date.now();
  await page.click(".screen-form button[type=submit]");
  await page.waitForSelector(".candidate");
  timings.screening_ms = Date.now() - started;
  const candidate = await page.textContent(".candidate a");
  check(/Hammouchi/i.test(candidate ?? ""), `screening «عبد اللطيف الحموشي» finds ${candidate}`);
  await page.screenshot({ path: join(screenshots, "screening-en.png"), fullPage: true });
  await axeCheck("screening");

  // Search in Arabic: a prefixed form finds the article that has another form of the word.
  await page.click("nav a[href='#/search']");
  await page.fill("#search-text", "والمغرب");
  started = Date.now();
  await page.click(".search-form button[type=submit]");
  await page.waitForSelector(".hit, .empty");
  timings.search_ms = Date.now() - started;
  const hits = await page.locator(".hit a.hit-title").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  check(hits.some((link) => link.includes(reportId)), `searching «والمغرب» finds the ingested article (${hits.length} hit(s))`);
  check((await page.locator(".hit .snippet mark").count()) > 0, "search snippets mark the matching words");
  await page.screenshot({ path: join(screenshots, "search-en.png"), fullPage: true });
  await axeCheck("search");
  await page.fill("#search-text", "في من");
  await page.click(".search-form button[type=submit]");
  await page.waitForSelector(".empty");
  check((await page.locator("#search-results .note").count()) > 0, "a search of only stop-words says so, not a blank page");

  // Who may see what: the cell goes to Brussels, the arms network does not, each with its reason.
  await page.goto(`${base}/console/#/object/${cellForBrussels}`);
  await page.waitForSelector("#releases li");
  check((await page.getAttribute("#releases li", "class")) === "released", "the cell for Brussels shows as released to Brussels");
  await page.click("#audit-trail summary");
  await page.waitForSelector("#audit-trail table");
  check((await page.textContent("#audit-trail")).includes("release"), "the object's audit trail lists its release");
  await page.screenshot({ path: join(screenshots, "object-released-en.png"), fullPage: true });
  await page.goto(`${base}/console/#/object/${armsNetwork}`);
  await page.waitForSelector("#releases li");
  const withheld = await page.textContent("#releases li");
  check((await page.getAttribute("#releases li", "class")) === "withheld" && withheld.includes("arms-trafficking"),
    "the arms network shows as withheld from Brussels, with the reason");

  // Cooperation: the agreement in force, the partner with its failing sync.
  await page.click("nav a[href='#/cooperation']");
  await page.waitForSelector("#agreements tbody tr");
  check((await page.textContent("#agreements")).includes("Morocco–Belgium"), "the cooperation page lists the agreement");
  check((await page.locator("#agreements tr.in-force").count()) === 1, "the agreement is shown in force");
  check((await page.locator("#partner-flows tbody tr").count()) === 1, "the cooperation page lists the partner");
  await page.screenshot({ path: join(screenshots, "cooperation-en.png"), fullPage: true });
  await axeCheck("the cooperation page");

  // Arabic: right to left, Maghreb month names.
  await page.goto(`${base}/console/#/object/${reportId}`);
  await page.waitForSelector("#object-name");
  await page.selectOption("#language", "ar");
  await page.waitForFunction(() => document.documentElement.dir === "rtl");
  await page.waitForSelector("#object-name");
  check((await page.getAttribute("html", "lang")) === "ar", "Arabic sets lang=ar and dir=rtl");
  const arabicText = await page.textContent("main");
  const maghrebMonths = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];
  check(maghrebMonths.some((m) => arabicText.includes(m)), "Arabic dates use Maghreb month names");
  await page.screenshot({ path: join(screenshots, "object-ar.png"), fullPage: true });
  await page.click("nav a[href='#/overview']");
  await page.waitForSelector("#total-count");
  await page.screenshot({ path: join(screenshots, "overview-ar.png"), fullPage: true });
  await page.click("nav a[href='#/map']");
  await page.waitForSelector("svg.world path.country");
  await page.screenshot({ path: join(screenshots, "map-ar.png"), fullPage: true });
  await page.click("nav a[href='#/screen']");
  await page.fill("#screen-name", "Abdelatif Hamouchi");
  await page.click(".screen-form button[type=submit]");
  await page.waitForSelector(".candidate");
  await page.screenshot({ path: join(screenshots, "screening-ar.png"), fullPage: true });
  await axeCheck("the overview in Arabic");
  await page.selectOption("#language", "en");
  await page.waitForFunction(() => document.documentElement.dir === "ltr");

  // Text from objects is shown, never run.
  await page.goto(`${base}/console/#/object/${hostileId}`);
  await page.waitForSelector("#object-name");
  check((await page.textContent("#object-name")) === hostileName, "markup in an object's name is shown as text");
  check(await page.evaluate(() => window.__pwned === undefined), "markup in an object's name does not run");

  // Sign out: the cookie no longer opens anything.
  await page.click("#sign-out");
  await page.waitForSelector("#signin-user");
  const after = await page.evaluate(async () => (await fetch("/api/v1/overview")).status);
  check(after === 401, "after sign-out the API answers 401");

  // An analyst who may read only the shared collection never sees the secret one.
  await page.click("details summary");
  await page.fill("#signin-token", analystToken);
  await page.click("button[type=submit]");
  await page.waitForSelector("#total-count");
  check(!(await page.textContent("main")).includes("Secret sources"), "the analyst's overview omits the collection they may not read");
  await page.goto(`${base}/console/#/search?q=198.51.100.7`);
  await page.goto(`${base}/console/#/search?q=pwned`);
  await page.waitForSelector(".hit, .empty");
  check((await page.locator(".hit").count()) === 0, "the analyst's search never returns the secret collection's object");
  await page.goto(`${base}/console/#/object/${hostileId}`);
  await page.waitForSelector(".error[role=alert]");
  check(!(await page.textContent("main")).includes("onerror"), "an unreadable object gives a message, not its content");

  // Revoking the account ends the session at the next request.
  tansiq("user", "revoke", "amina");
  await page.goto(`${base}/console/#/overview`);
  await page.waitForSelector("#signin-user");
  check(true, "a revoked account is sent back to the sign-in page");

  // Signed in again, then the node goes down: a message, never a blank page.
  await page.click("details summary");
  await page.fill("#signin-token", adminToken);
  await page.click("button[type=submit]");
  await page.waitForSelector("#total-count");
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await page.click("nav a[href='#/browse']");
  await page.waitForSelector(".error[role=alert]");
  check((await page.textContent(".error-message")).length > 0, "a node that is down gives a clear message");
  await page.screenshot({ path: join(screenshots, "node-down-en.png"), fullPage: true });

  check(pageErrors.length === 0, `no script errors in the page${pageErrors.length ? ": " + pageErrors.join(" | ") : ""}`);
} catch (error) {
  check(false, String(error.stack ?? error));
} finally {
  await browser.close();
  server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}

// Bundle size: the console's JavaScript as a browser would download it gzipped
// (every chunk, the lazy map data included).
const webDist = process.env.TANSIQ_WEB_DIST;
if (webDist) {
  const assets = join(webDist, "assets");
  const scripts = readdirSync(assets).filter((name) => name.endsWith(".js"));
  const gzipped = scripts.reduce((total, name) => total + gzipSync(readFileSync(join(assets, name))).length, 0);
  timings.javascript_gzip_kb = Math.round(gzipped / 1024);
  check(gzipped < 300 * 1024, `the console's JavaScript is ${Math.round(gzipped / 1024)} kB gzipped (< 300 kB), ${scripts.length} file(s)`);
}
console.log("timings (ms, loopback, demo node):", JSON.stringify(timings));
console.log(`screenshots in ${screenshots}`);
if (failures()) {
  console.log(`${failures()} check(s) failed`);
  process.exit(1);
}
