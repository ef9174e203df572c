// What the browser tests share: checks that count failures, a `tansiq serve`
// on a free loopback port, and Debian's Chromium driven by playwright-core.
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";

export function checker() {
  let failures = 0;
  return {
    check(condition, what) {
      console.log(`${condition ? "ok  " : "FAIL"} ${what}`);
      if (!condition) failures++;
    },
    failures: () => failures,
  };
}

// Starts `tansiq serve` on a free port; resolves when it says where it serves.
export async function serveNode(binary, nodeDirectory, timeoutMs = 60000) {
  const server = spawn(binary, ["--dir", nodeDirectory, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error("the node did not start: " + output)), timeoutMs);
    server.stdout.on("data", (chunk) => {
      output += chunk;
      const found = /serving TAXII 2\.1 on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolvePort(Number(found[1]));
      }
    });
    server.stderr.on("data", (chunk) => (output += chunk));
    server.on("exit", (code) => reject(new Error(`the node exited (${code}): ${output}`)));
  });
  return { server, port, base: `http://127.0.0.1:${port}` };
}

export function launchBrowser(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// Waits until the object list shows rows and every one has `value` in column
// `column` (a new list replaces the old one only once it has loaded).
export function rowsAllMatch(page, column, value, timeout = 30000) {
  return page
    .waitForFunction(
      ([column, value]) => {
        const cells = [...document.querySelectorAll(`#object-list tr.row td:nth-child(${column})`)];
        return cells.length > 0 && cells.every((cell) => cell.textContent === value);
      },
      [column, value],
      { timeout },
    )
    .then(() => true, () => false);
}
