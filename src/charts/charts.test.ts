/**
 * SVG snapshots of every chart, drawn with a jsdom document on the fixed inputs of test/fixtures/charts-program.yaml
 * (test/helpers/chart-inputs.ts), compared byte for byte with src/charts/__snapshots__/<id>.svg. A missing or
 * different snapshot fails; `UPDATE_SNAPSHOTS=1 npx vitest run src/charts` writes them (review the diff).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { type ChartInputs, chartInputs, testDocument } from "../../test/helpers/chart-inputs.ts";
import { chartIds, compareCharts, hourlyCharts, runCharts, simulationCharts } from "./index.ts";
import type { ChartSpec } from "./types.ts";

const SNAPSHOTS = join(import.meta.dirname, "__snapshots__");
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

let inputs: ChartInputs;
let document: Document;
beforeAll(async () => {
  inputs = await chartInputs();
  document = testDocument();
});

type Case = { chart: ChartSpec<never>; input: () => unknown };
const cases = (): Case[] => [
  ...runCharts.map((chart) => ({ chart, input: () => inputs.result })),
  ...hourlyCharts.map((chart) => ({ chart, input: () => inputs.hourly })),
  ...simulationCharts.map((chart) => ({ chart, input: () => ({ ...inputs.simulation, samples: inputs.samples }) })),
  ...compareCharts.map((chart) => ({ chart, input: () => inputs.comparison })),
] as unknown as Case[];

/** The SVG parsed as XML (a standalone file must be well-formed), or the parser's complaint. */
function parseSvg(svg: string): Element {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(svg, "image/svg+xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`not well-formed XML: ${err.textContent}`);
  return doc.documentElement;
}

function checkStandalone(id: string, svg: string): void {
  const root = parseSvg(svg);
  expect(root.tagName).toBe("svg");
  expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
  expect(root.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
  expect(root.querySelector("title")?.textContent, id).toBeTruthy();
  expect(svg, id).not.toMatch(/NaN|undefined|Infinity/);
  expect(svg, id).not.toMatch(/<script|<foreignObject|(?:src|href)="https?:/);
}

describe("charts", () => {
  it("have distinct ids and titles that name a unit", () => {
    const ids = chartIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(23);
    for (const { chart } of cases()) expect(chart.title, chart.id).toMatch(/MW|GW|USD|TWh|%|million|tonnes|month/);
  });

  it.each(cases().map((c) => [c.chart.id, c] as const))("%s matches its SVG snapshot", (id, c) => {
    const svg = c.chart.render(c.input() as never, { document });
    checkStandalone(id, svg);
    expect(svg.length, `${id}: keep snapshots small`).toBeLessThan(40_000);
    const file = join(SNAPSHOTS, `${id}.svg`);
    if (UPDATE) {
      mkdirSync(SNAPSHOTS, { recursive: true });
      writeFileSync(file, svg);
    }
    if (!existsSync(file)) throw new Error(`missing snapshot ${file}: run UPDATE_SNAPSHOTS=1 npx vitest run src/charts and review it`);
    expect(svg === readFileSync(file, "utf8"), `${id} differs from ${file} (UPDATE_SNAPSHOTS=1 to accept)`).toBe(true);
  });

  it.each(cases().map((c) => [c.chart.id, c] as const))("%s draws at phone width and twice the same", (id, c) => {
    const narrow = c.chart.render(c.input() as never, { document, widthPx: 380 });
    checkStandalone(id, narrow);
    expect(parseSvg(narrow).getAttribute("width")).toBe("380");
    expect(c.chart.render(c.input() as never, { document, widthPx: 380 })).toBe(narrow);
  });

  it("say so in the SVG when there is nothing to draw", () => {
    const noSpv = { ...inputs.result, tables: { ...inputs.result.tables, spvYearly: { columns: inputs.result.tables.spvYearly.columns, rows: [] } } };
    const spv = runCharts.find((c) => c.id === "spv-debt-and-rent")!;
    const svg = spv.render(noSpv, { document });
    checkStandalone("empty", svg);
    expect(svg).toContain("No SPV is declared");
    const noTornado = { ...inputs.simulation, sensitivity: { ...inputs.simulation.sensitivity, tornado: undefined } };
    expect(simulationCharts.find((c) => c.id === "tornado")!.render(noTornado, { document })).toContain("No tornado");
  });

  it("draw with any DOM document: the same SVG from a second jsdom window", () => {
    const other = new JSDOM("<!doctype html><p>").window.document;
    for (const c of runCharts.slice(0, 3)) expect(c.render(inputs.result, { document: other })).toBe(c.render(inputs.result, { document }));
  });
});
