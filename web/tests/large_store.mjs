// The console on a large holding: a node whose collection holds N synthetic
// objects (default 1,000,000, of varied TLP levels, made by bench/fill_node),
// served by `tansiq serve` on loopback and opened in Debian's Chromium. Prints
// how long each first meaningful paint took (the bar: under 1 s at
// 1M objects) and checks what must hold at any size: the counts are the
// holding's, filters come back from the node, and the list draws only the
// rows on screen however far it is scrolled.
// Usage: node tests/large_store.mjs [N]  (env TANSIQ_BINARY, TANSIQ_FILL_NODE)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checker, launchBrowser, rowsAllMatch, serveNode } from "./harness.mjs";

const repo = resolve(new URL("../..", import.meta.url).pathname);
const binary = process.env.TANSIQ_BINARY ?? join(repo, "build/src/cli/tansiq");
const fillNode = process.env.TANSIQ_FILL_NODE ?? join(repo, "build/bench/fill_node");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const objects = Number(process.argv[2] ?? 1000000);
const { check, failures } = checker();

const dir = mkdtempSync(join(tmpdir(), "tansiq-large-"));
const node = join(dir, "node");
let started = Date.now();
const filled = JSON.parse(execFileSync(fillNode, ["--dir", node, "--objects", String(objects)], { encoding: "utf8" }));
console.log(`a node holding ${objects.toLocaleString("en")} objects made in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const { server, base } = await serveNode(binary, node);
const browser = await launchBrowser(chromiumPath);
const timings = {};
try {
  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  // Paint timings: from the action to the first element that carries the
  // page's data (the meaningful paint), on the browser's own clock.
  const timed = async (name, action, selector) => {
    const before = Date.now();
    await action();
    await page.waitForSelector(selector);
    timings[name] = Date.now() - before;
  };
  await timed("signin_page", () => page.goto(`${base}/console/`), "#signin-user");
  await page.click("details summary");
  await page.fill("#signin-token", filled.admin_token);
  await timed("overview_after_signin", () => page.click("button[type=submit]"), "#total-count");
  const total = Number((await page.textContent("#total-count")).replace(/\D/g, ""));
  check(total === objects, `the overview counts the holding (${total})`);
  const redCount = Number(
    (await page.locator("#tlps tr", { hasText: "TLP:RED" }).locator("td:nth-child(2)").textContent()).replace(/\D/g, ""),
  );
  check(redCount === Math.floor(objects / 20), `the overview counts TLP:RED objects (${redCount})`);
  await timed("overview_reload", () => page.reload(), "#total-count");

  await timed("browse", () => page.click("nav a[href='#/browse']"), "#object-list tr.row");
  // Scroll to the end of what is loaded, again and again: pages arrive, rows
  // drawn stay a screenful.
  const list = page.locator(".virtual");
  let drawnMost = 0;
  for (let i = 0; i < 15; i++) {
    await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.waitForTimeout(150);
    drawnMost = Math.max(drawnMost, await page.locator("#object-list tr.row").count());
  }
  const shown = Number((await page.textContent(".list-status")).replace(/\D/g, ""));
  check(shown >= 1000, `scrolling loads further pages (${shown} rows loaded)`);
  check(drawnMost < 100, `only the rows in view are drawn (at most ${drawnMost})`);
  // The rows drawn are those in view: they cover the viewport, and little more.
  const drawn = await list.evaluate((element) => {
    const rows = [...element.querySelectorAll("tr.row")].map((row) => Number(row.getAttribute("aria-rowindex")) - 2);
    const rowHeight = element.querySelector("tr.row").getBoundingClientRect().height;
    return {
      first: Math.min(...rows),
      last: Math.max(...rows),
      top: Math.floor(element.scrollTop / rowHeight),
      bottom: Math.floor((element.scrollTop + element.clientHeight) / rowHeight),
    };
  });
  check(drawn.first <= drawn.top && drawn.last >= Math.min(drawn.bottom, shown - 1),
    `the rows drawn (${drawn.first}–${drawn.last}) cover those in view (${drawn.top}–${drawn.bottom})`);

  let before = Date.now();
  await page.selectOption("#filter-tlp", "TLP:RED");
  check(await rowsAllMatch(page, 1, "TLP:RED"), `the TLP filter on ${objects.toLocaleString("en")} objects shows only TLP:RED`);
  timings.browse_tlp_red = Date.now() - before;

  await timed("object_view", () => page.click("#object-list tr.row a.object-link >> nth=0"), "#object-name");
} catch (error) {
  check(false, String(error.stack ?? error));
} finally {
  await browser.close();
  server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}
console.log(`first meaningful paint (ms, loopback, ${objects.toLocaleString("en")} objects):`, JSON.stringify(timings));
if (failures()) {
  console.log(`${failures()} check(s) failed`);
  process.exit(1);
}
