/** The HTML report: one self-contained file with every chart, the key tables, the scenario, sources and provenance. */
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { type ChartInputs, chartInputs, testDocument } from "../../test/helpers/chart-inputs.ts";
import { chartIds } from "../charts/index.ts";
import { csv, csvLink, esc } from "./markup.ts";
import { type HtmlReportInput, modelDataProvenance, renderHtmlReport } from "./html.ts";

let i: ChartInputs;
let full: string;
let dom: Document;
const HASH = "0f".repeat(32);

const input = (x: ChartInputs, more: Partial<HtmlReportInput> = {}): HtmlReportInput => ({
  result: x.result,
  scenarioText: x.scenarioText,
  scenarioName: "test/fixtures/charts-program.yaml",
  provenance: { gigaplanVersion: "9.9.9", scenarioHash: HASH, scenarioHashAlgorithm: "SHA-256", seed: 7, command: "gigaplan report x.yaml --out r.html" },
  ...more,
});

beforeAll(async () => {
  i = await chartInputs();
  full = renderHtmlReport(input(i, { simulation: { ...i.simulation, samples: i.samples }, comparison: i.comparison, hourly: i.hourly }), { document: testDocument() });
  dom = new JSDOM(full).window.document;
});

describe("renderHtmlReport", () => {
  it("is one self-contained HTML document: utf-8, no script, nothing loaded from elsewhere", () => {
    expect(full.startsWith("<!doctype html>")).toBe(true);
    expect(dom.querySelector('meta[charset="utf-8"]')).not.toBeNull();
    expect(full).not.toMatch(/<script|<iframe|<link |<img |@import|url\(\s*["']?https?:/i);
    for (const e of dom.querySelectorAll("[src]")) throw new Error(`unexpected src on <${e.tagName}>`);
    const hrefs = [...dom.querySelectorAll("[href]")].map((e) => [e.tagName.toLowerCase(), e.getAttribute("href")!] as const);
    for (const [tag, href] of hrefs) {
      // links to the sources are anchors a reader may follow; everything else stays inside the file
      if (tag === "a" && /^https?:\/\//.test(href)) continue;
      expect(href, `${tag} href`).toMatch(/^(#|data:)/);
    }
  });

  it("holds every chart, twice (screen and phone), with its data as CSV where small", () => {
    for (const id of chartIds()) {
      const fig = dom.getElementById(`chart-${id}`);
      expect(fig, id).not.toBeNull();
      expect(fig!.querySelectorAll("svg"), id).toHaveLength(2);
      expect(fig!.querySelector(".wide svg")!.getAttribute("width")).toBe("720");
      expect(fig!.querySelector(".narrow svg")!.getAttribute("width")).toBe("380");
    }
    const link = dom.querySelector("#chart-mw-online-by-site a.csv")!;
    expect(link.getAttribute("download")).toBe("mw-online-by-site.csv");
    const text = decodeURIComponent(link.getAttribute("href")!.replace("data:text/csv;charset=utf-8,", ""));
    expect(text.split("\r\n")[0]).toBe("year,site,itPowerMwOnline");
    expect(dom.querySelector("#chart-hourly-cfe-heatmap a.csv")).toBeNull();
    const ids = [...dom.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(ids).size, "element ids are unique").toBe(ids.length);
  });

  it("headline figures, key tables, scenario and diagnostics", () => {
    const cards = [...dom.querySelectorAll("#headline .card")].map((c) => c.textContent);
    expect(cards).toContainEqual(expect.stringContaining("phases online later than requested"));
    expect(cards.find((c) => c!.includes("phases online later"))).toContain("2 of 4");
    expect(cards).toContainEqual(expect.stringContaining("probability that NPV < 0"));
    const tables = [...dom.querySelectorAll("#tables table")];
    expect(tables).toHaveLength(4);
    expect(tables[0].querySelectorAll("tbody tr")).toHaveLength(i.result.tables.yearly.rows.length);
    expect(tables[1].textContent).toContain("interconnection");
    expect(dom.querySelector("pre.scenario")!.textContent).toBe(i.scenarioText);
    expect(dom.querySelector("#scenario ul.diagnostics")!.textContent).toContain("online 6 month(s) later than requested (interconnection)");
  });

  it("sources of the reference data with links, and the run's provenance", () => {
    const files = modelDataProvenance();
    expect(Object.keys(files)).toContain("data/opex.json");
    expect(Object.keys(files).some((f) => f.startsWith("data/claims/"))).toBe(false);
    const source = files["data/opex.json"].sources.find((s) => s.url.startsWith("https://"))!;
    expect(dom.querySelector(`#sources a[href="${source.url}"]`)!.textContent).toBe(source.title);
    const prov = dom.querySelector("#provenance")!.textContent!;
    for (const s of ["9.9.9", HASH, "200 samples, method lhs, seed 7", "Alpha, 2027", files["data/opex.json"].retrieved, "gigaplan report x.yaml"]) expect(prov).toContain(s);
  });

  it("each site's weather and grid data with its status, and the scenario's numbers with their sources", () => {
    const rows = [...dom.querySelectorAll("#sources table.site-data tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    const p = i.result.provenance!;
    expect(rows).toHaveLength(p.sites.reduce((a, s) => a + s.profiles.length, 0));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(["local", "proxy", "flat"]).toContain(r[2]);
    const numbers = dom.querySelectorAll("#sources table.scenario-numbers tbody tr");
    expect(numbers.length).toBe(p.scenario.length);
  });

  it("leaves out what it was not given", () => {
    const bare = renderHtmlReport(input(i), { document: testDocument() });
    expect(bare).not.toContain('id="uncertainty"');
    expect(bare).not.toContain("chart-dispatch-week");
    expect(bare).toContain("chart-mw-online-by-site");
    expect(bare.length).toBeLessThan(full.length);
  });
});

describe("markup", () => {
  it("escapes text and writes RFC 4180 CSV", () => {
    expect(esc(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(csv({ columns: ["a", "b"], rows: [["x,y", 1.5], [null, 'say "hi"']] })).toBe('a,b\r\n"x,y",1.5\r\n,"say ""hi"""\r\n');
    expect(csvLink({ columns: ["a"], rows: Array.from({ length: 10_000 }, () => ["0123456789"]) }, "big.csv")).toBeNull();
  });
});
