/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core (no browser download). The app is
 * built with Vite's JS API into a temporary folder and served on 127.0.0.1 with a tiny static server that also
 * serves /data/ from the repository. Skipped, with a message saying why, only when Chromium is not installed.
 * Screenshots and timings go to test/browser/artifacts/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../../src/index.ts";
import { nodeInputFiles } from "../../src/io/input-files.ts";
import { simulationCharts } from "../../src/visual.ts";
import { parseCsv, tableToCsv } from "../../web/src/views/csv.ts";
import { type StaticServer, startStaticServer } from "./static-server.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = join(REPO, "test/browser/artifacts");
const CHROMIUM = process.env.GIGAPLAN_CHROMIUM ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const META = readFileSync(join(REPO, "scenarios/meta-600b.yaml"), "utf8");
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

if (!HAVE_CHROMIUM) console.warn(`test/browser/web.test.ts: SKIPPED — no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium, or set GIGAPLAN_CHROMIUM)`);

describe.skipIf(!HAVE_CHROMIUM)(`web app in Chromium (${CHROMIUM})`, () => {
  let outDir = "";
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  const started = Date.now();

  /** Records every request of a context and refuses any that leaves the app's own origin. */
  async function watch(ctx: BrowserContext): Promise<void> {
    const origin = new URL(server.url).origin;
    await ctx.route("**/*", (route) => {
      const url = route.request().url();
      requested.push(url);
      if (url.startsWith("data:") || new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    ctx.on("request", (r) => requested.push(r.url()));
  }

  const value = (id: string) => page.locator(`[data-value="${id}"]`).innerText();
  const quickRev = async () => Number(await page.evaluate("document.body.dataset.quickRev ?? 0"));
  /** Waits until the quick pass has answered an edit made after `before` (and, with `full`, the hourly pass too). */
  async function waitForRecompute(before: number, full = false): Promise<void> {
    await page.waitForFunction(`Number(document.body.dataset.quickRev ?? 0) > ${before}`, undefined, { timeout: 20_000 });
    if (full) await page.waitForFunction("document.body.dataset.fullRev === document.body.dataset.quickRev", undefined, { timeout: 30_000 });
  }
  async function downloadOf(click: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
    return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), "utf8") };
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    outDir = mkdtempSync(join(tmpdir(), "gigaplan-web-"));
    // the production build, as `npm run build:web` makes it (vitest sets NODE_ENV=test, which Vite would honour)
    const { build } = await import("vite");
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: join(REPO, "web/vite.config.ts"), mode: "production", logLevel: "error", build: { outDir, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    server = await startStaticServer({ webDist: outDir, repoDir: REPO });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await watch(context);
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    writeFileSync(join(ARTIFACTS, "run.json"), JSON.stringify({ durationMs: Date.now() - started, requests: requested.length, foreign }, null, 2));
  });

  it("loads the Meta scenario, runs both passes in a worker and measures the quick pass", async () => {
    await page.goto(server.url);
    await page.waitForFunction("document.body.dataset.fullRev !== undefined && document.body.dataset.fullRev === document.body.dataset.quickRev", undefined, { timeout: 60_000 });
    expect(await value("capex")).toMatch(/^\$[\d,.]+B$/);
    expect(await page.locator("#diagnostics li.warning").count()).toBeGreaterThan(0); // proxy weather, from the hourly pass
    // after the hourly pass the NPV is `gigaplan run`'s (energy priced by the dispatch), not the quick pass's
    const golden = JSON.parse(readFileSync(join(REPO, "test/golden/meta-600b.json"), "utf8")) as { summary: { npvUsd: number } };
    const npv = golden.summary.npvUsd;
    expect(await value("npv")).toBe(`${npv < 0 ? "−" : ""}$${(Math.abs(npv) / 1e9).toFixed(1)}B`);
    await page.locator("#chart-mw-online-by-site svg").first().waitFor();
    await page.click("#bench");
    await page.waitForFunction("document.getElementById('bench-result')?.dataset.p95 !== undefined", undefined, { timeout: 30_000 });
    const p50 = Number(await page.getAttribute("#bench-result", "data-p50"));
    const p95 = Number(await page.getAttribute("#bench-result", "data-p95"));
    writeFileSync(join(ARTIFACTS, "timings.json"), JSON.stringify({ scenario: "meta-600b.yaml", quickPassRuns: 50, warmupRuns: 5, p50Ms: p50, p95Ms: p95 }, null, 2));
    console.log(`quick pass of the Meta scenario in Chromium: p50 ${p50} ms, p95 ${p95} ms (50 runs after 5 warm-up runs)`);
    expect(p50).toBeGreaterThan(0);
    await page.evaluate("window.scrollTo(0, 0)");
    await page.locator("#chart-phase-delays svg").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "desktop-1280x900.png") });
  }, 90_000);

  it("reaches the form from the keyboard; an edit there changes the numbers, a chart, the YAML and the link", async () => {
    await page.locator("#tab-form").click();
    await page.locator("body").focus();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await page.evaluate("document.activeElement?.id")) === "f-facility-pue";
    }
    expect(reached).toBe(true);
    const energy = await value("energy");
    const chart = page.locator("#chart-facility-energy-by-site .plot");
    await chart.scrollIntoViewIfNeeded();
    await page.waitForFunction("document.querySelector('#chart-facility-energy-by-site svg') !== null");
    const svgBefore = await chart.innerHTML();
    const before = await quickRev();
    await page.keyboard.type("1.3");
    await waitForRecompute(before);
    expect(await value("energy")).not.toBe(energy);
    expect(await page.inputValue("#yaml")).toContain("  pue: 1.3");
    await page.waitForFunction((old) => document.querySelector("#chart-facility-energy-by-site .plot")?.innerHTML !== old, svgBefore, { timeout: 10_000 });
    // the URL now holds the edited scenario: opened elsewhere, the link shows the same text
    await page.waitForFunction("location.hash.startsWith('#s=')", undefined, { timeout: 10_000 });
    const shared = await context.newPage();
    await shared.goto(page.url());
    await shared.waitForFunction("document.body.dataset.quickRev !== undefined", undefined, { timeout: 30_000 });
    expect(await shared.inputValue("#yaml")).toBe(await page.inputValue("#yaml"));
    await shared.close();
    // undo takes the edit back
    const beforeUndo = await quickRev();
    await page.click("#undo");
    await waitForRecompute(beforeUndo);
    expect(await value("energy")).toBe(energy);
    expect(await page.inputValue("#yaml")).toBe(META);
  }, 60_000);

  it("shows an imported file's schema error at its path and selects its line", async () => {
    const broken = META.replace("itPowerMw: 911", "itPowerMw: -5");
    const before = await quickRev();
    await page.setInputFiles("#import-file", { name: "broken.yaml", mimeType: "text/yaml", buffer: Buffer.from(broken) });
    await waitForRecompute(before);
    const item = page.locator('#diagnostics li.error button[data-path="sites[0].phases[1].itPowerMw"]');
    await item.waitFor();
    expect(await item.innerText()).toMatch(/must be > 0/);
    await expect(page.locator(".notice.error").innerText()).resolves.toMatch(/errors/);
    await item.click();
    expect(await page.getAttribute("#tab-yaml", "aria-selected")).toBe("true");
    const selected = await page.evaluate("(() => { const t = document.getElementById('yaml'); return t.value.slice(t.selectionStart, t.selectionEnd); })()");
    expect(selected).toBe("        itPowerMw: -5");
    await page.screenshot({ path: join(ARTIFACTS, "desktop-diagnostics.png") });
  }, 30_000);

  it("exports the YAML and a chart's data as CSV", async () => {
    const before = await quickRev();
    await page.selectOption("#preset", "meta");
    await waitForRecompute(before, true);
    await page.locator("#tab-results").click();
    const yaml = await downloadOf(() => page.click("#export-yaml"));
    expect(yaml.name).toBe("meta-600b.yaml");
    expect(yaml.text).toBe(META);
    const csv = await downloadOf(() => page.locator('#chart-mw-online-by-site button[data-csv]').click());
    expect(csv.name).toBe("mw-online-by-site.csv");
    const rows = parseCsv(csv.text);
    expect(rows[0].length).toBeGreaterThan(1);
    expect(rows.length).toBeGreaterThan(10);
    await page.selectOption("#table-select", "yearly");
    const yearly = await downloadOf(() => page.click("#table-csv"));
    expect(yearly.name).toBe("yearly.csv");
    expect(parseCsv(yearly.text)[0]).toContain("facilityEnergyMwh");
  }, 60_000);

  it("cancels a Monte Carlo, then runs 200 samples in two Web Workers: progress, chart, the in-thread result", async () => {
    await page.locator("#tab-montecarlo").click();
    // a long run can be cancelled: the workers stop and nothing partial is kept
    await page.fill("#mc-iterations", "20000");
    await page.fill("#mc-workers", "2");
    await page.click("#mc-run");
    await page.waitForFunction("document.getElementById('mc-progress').value > 0", undefined, { timeout: 30_000 });
    await page.click("#mc-cancel");
    await page.waitForSelector('section[data-state="cancelled"]', { timeout: 10_000 });
    expect(await page.evaluate("window.gigaplan.lastSimulation()")).toBeNull();
    await page.fill("#mc-iterations", "200");
    await page.fill("#mc-workers", "2");
    await page.selectOption("#mc-method", "lhs");
    await page.fill("#mc-seed", "1");
    await page.click("#mc-run");
    await page.waitForSelector('section[data-state="done"]', { timeout: 60_000 });
    expect(await page.evaluate("document.getElementById('mc-progress').value")).toBe(1);
    expect(await page.innerText("#mc-status")).toMatch(/Done: 200 samples/);
    await page.locator("#chart-mc-percentiles svg").first().waitFor();
    // the same samples as an in-thread run in the page (the API's default executor), bit for bit
    const differences = await page.evaluate(`(async () => {
      const { api, files, scenario, lastSimulation } = window.gigaplan;
      const planned = api.prepareSimulation(scenario(), { iterations: 200, seed: 1, method: "lhs" }).value;
      const prepared = (await api.withPowerProfiles(planned, files())).value;
      const inThread = await api.runSimulation(prepared);
      const viaWorkers = lastSimulation().table;
      let n = 0;
      [...inThread.table.inputs, ...inThread.table.outputs].forEach((col, k) => {
        const other = [...viaWorkers.inputs, ...viaWorkers.outputs][k];
        for (let i = 0; i < col.length; i++) if (!Object.is(col[i], other[i])) n++;
      });
      return { n, count: viaWorkers.count, columns: inThread.table.inputs.length + inThread.table.outputs.length };
    })()`);
    expect(differences).toMatchObject({ n: 0, count: 200 });
    // and, across engines (Chromium's V8 vs Node's), the percentiles agree to rounding
    const csv = await downloadOf(() => page.locator('#chart-mc-percentiles button[data-csv]').click());
    // Node reads the same bundled weather and grid files from disk (every iteration dispatches the sites' hourly power)
    const inNode = (await simulate({ text: META, name: join(REPO, "scenarios/meta-600b.yaml") }, { iterations: 200, seed: 1, method: "lhs", files: nodeInputFiles(join(REPO, "scenarios/meta-600b.yaml")) })).value;
    if (!inNode) throw new Error("the Meta scenario should simulate in Node");
    const spec = simulationCharts.find((c) => c.id === "mc-percentiles");
    const expected = parseCsv(tableToCsv(spec?.data({ ...inNode.report, samples: inNode.table }) ?? { columns: [], rows: [] }));
    const got = parseCsv(csv.text);
    expect(got.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    got.slice(1).forEach((row, i) => row.slice(1).forEach((v, j) => expect(Math.abs(Number(v) - Number(expected[i + 1][j + 1]))).toBeLessThanOrEqual(1e-9 * Math.abs(Number(v)))));
    await page.screenshot({ path: join(ARTIFACTS, "desktop-monte-carlo.png") });
  }, 90_000);

  it("checks the claims, compares strategies and lists the peers", async () => {
    await page.locator("#tab-claims").click();
    await page.waitForFunction("document.querySelectorAll('#claims-table tr[data-claim]').length > 20", undefined, { timeout: 30_000 });
    await page.locator("#claims-table tr[data-claim] summary").first().click();
    expect(await page.locator("#claims-table details[open] ol li").count()).toBeGreaterThan(0);
    await page.locator("#tab-strategies").click();
    await page.locator("#chart-strategy-cost svg").first().waitFor({ timeout: 30_000 });
    await page.locator("#tab-peers").click();
    await page.locator("#panel-peers table tbody tr").first().waitFor({ timeout: 30_000 });
  }, 60_000);

  it("works offline once opened (service worker), model and weather files included", async () => {
    // the service worker has cached the app and the data files, and controls the page (clients.claim)
    await page.waitForFunction("navigator.serviceWorker.controller !== null", undefined, { timeout: 30_000, polling: 250 });
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForFunction("document.body.dataset.fullRev !== undefined && document.body.dataset.fullRev === document.body.dataset.quickRev", undefined, { timeout: 60_000 });
      expect(await value("capex")).toMatch(/^\$[\d,.]+B$/);
      expect(await page.locator("#diagnostics li.error").count()).toBe(0);
      expect(await value("cfe")).toMatch(/%$/);
    } finally {
      await context.setOffline(false);
    }
  }, 90_000);

  it("is readable at phone width (390 px) without sideways scrolling", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await watch(phone);
    const p = await phone.newPage();
    p.on("pageerror", (e) => pageErrors.push(e.message));
    await p.goto(server.url);
    await p.waitForFunction("document.body.dataset.fullRev !== undefined && document.body.dataset.fullRev === document.body.dataset.quickRev", undefined, { timeout: 60_000 });
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await p.screenshot({ path: join(ARTIFACTS, "phone-390x844.png") });
    await p.locator("#chart-mw-online-by-site").scrollIntoViewIfNeeded();
    await p.locator("#chart-mw-online-by-site svg").first().waitFor();
    await p.screenshot({ path: join(ARTIFACTS, "phone-390x844-chart.png") });
    await p.click("#editor-toggle");
    await p.locator("#f-facility-pue").scrollIntoViewIfNeeded();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await p.screenshot({ path: join(ARTIFACTS, "phone-390x844-editor.png") });
    await phone.close();
  }, 60_000);

  it("asked nothing of anyone but its own server, and threw no errors", () => {
    expect(foreign).toEqual([]);
    expect(requested.some((u) => u.includes("/data/weather/"))).toBe(true);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
