/**
 * The frame every chart shares: one standalone SVG (xmlns, viewBox, white background) with the title, a legend of
 * swatches or a colour ramp, the Observable Plot drawing, and a footnote (source, caveats). Plot's own figure
 * wrapper (an HTML <figure>) is not used, so the result stays one SVG that a browser, a report or a file viewer
 * shows the same. Works with any DOM `document` (the browser's, or jsdom's on Node).
 */
import * as Plot from "@observablehq/plot";

export const SVG_NS = "http://www.w3.org/2000/svg";
const TITLE_PX = 15;
const TEXT_PX = 11;
const NOTE_PX = 10;
/** rough advance width of a character of the sans-serif UI font, in em (no text measurement outside a browser) */
const CHAR_EM = 0.58;
const BOLD_CHAR_EM = 0.64;
const PAD_PX = 8;
export const INK = "#1f2328";
export const MUTED = "#59636e";

export interface LegendItem {
  label: string;
  color: string;
  /** swatch (default): a filled square; line / dash: a stroke; dot: a circle; ring: an open circle */
  kind?: "swatch" | "line" | "dash" | "dot" | "ring";
}

export interface Ramp {
  label: string;
  domain: [number, number];
  /** maps a value of the domain to a CSS colour */
  color: (value: number) => string;
  format?: (value: number) => string;
}

export interface Figure {
  /** Plot options without `document` and `width` (the frame sets them) */
  plot: Plot.PlotOptions;
  subtitle?: string;
  legend?: LegendItem[];
  ramp?: Ramp;
  /** footnote: source, caveats */
  note?: string;
  /** draws into the plot after Plot has (e.g. an image placed with the plot's scales) */
  decorate?: (plot: Plot.Plot, group: SVGGElement, document: Document) => void;
}

type Attrs = Record<string, string | number>;

export function el(document: Document, name: string, attrs: Attrs = {}, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Splits text into lines of at most `widthPx` at a font size (estimated widths). */
export function wrap(text: string, widthPx: number, fontPx: number, em = CHAR_EM): string[] {
  const max = Math.max(8, Math.floor(widthPx / (fontPx * em)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Adds lines of text from `y` on (baseline of the first line at y + fontPx); returns the y below them. */
function textBlock(document: Document, parent: Element, lines: string[], y: number, fontPx: number, attrs: Attrs = {}): number {
  for (const [i, line] of lines.entries()) parent.appendChild(el(document, "text", { x: PAD_PX, y: y + fontPx + i * fontPx * 1.3, "font-size": fontPx, ...attrs }, line));
  return y + lines.length * fontPx * 1.3 + (lines.length > 0 ? 4 : 0);
}

function legendMark(document: Document, item: LegendItem, x: number, cy: number): SVGElement {
  switch (item.kind ?? "swatch") {
    case "line":
      return el(document, "line", { x1: x, x2: x + 14, y1: cy, y2: cy, stroke: item.color, "stroke-width": 2.5 });
    case "dash":
      return el(document, "line", { x1: x, x2: x + 14, y1: cy, y2: cy, stroke: item.color, "stroke-width": 2, "stroke-dasharray": "4 2" });
    case "dot":
      return el(document, "circle", { cx: x + 6, cy, r: 4.5, fill: item.color });
    case "ring":
      return el(document, "circle", { cx: x + 6, cy, r: 4, fill: "white", stroke: item.color, "stroke-width": 1.5 });
    default:
      return el(document, "rect", { x, y: cy - 5.5, width: 12, height: 11, fill: item.color });
  }
}

/** Swatches in rows that fit the width (a label too long for one row wraps onto its own rows); returns the y below them. */
function legendBlock(document: Document, parent: Element, items: LegendItem[], y: number, widthPx: number): number {
  if (items.length === 0) return y;
  const g = el(document, "g", { "aria-label": "legend", "font-size": TEXT_PX });
  parent.appendChild(g);
  const rowPx = TEXT_PX * 1.6;
  const charPx = TEXT_PX * CHAR_EM;
  let x = PAD_PX;
  let row = 0;
  for (const item of items) {
    const lines = wrap(item.label, widthPx - 2 * PAD_PX - 20, TEXT_PX);
    const w = 20 + Math.max(...lines.map((l) => l.length)) * charPx + 14;
    if (x > PAD_PX && (lines.length > 1 || x + w > widthPx - PAD_PX)) {
      x = PAD_PX;
      row++;
    }
    const cy = y + row * rowPx + rowPx / 2;
    g.appendChild(legendMark(document, item, x, cy));
    lines.forEach((line, k) => g.appendChild(el(document, "text", { x: x + 18, y: cy + k * TEXT_PX * 1.25, dy: "0.35em" }, line)));
    if (lines.length > 1) {
      row += Math.ceil((lines.length * TEXT_PX * 1.25) / rowPx);
      x = PAD_PX;
    } else x += w;
  }
  return y + (x === PAD_PX ? row : row + 1) * rowPx + 2;
}

/** A horizontal colour ramp of 32 steps with the domain's ends and middle labelled; returns the y below it. */
function rampBlock(document: Document, parent: Element, ramp: Ramp, y: number): number {
  const g = el(document, "g", { "aria-label": "colour legend", "font-size": TEXT_PX });
  parent.appendChild(g);
  const [lo, hi] = ramp.domain;
  const steps = 32;
  const w = 240;
  const fmt = ramp.format ?? ((v: number) => String(v));
  g.appendChild(el(document, "text", { x: PAD_PX, y: y + TEXT_PX }, ramp.label));
  const top = y + TEXT_PX + 5;
  for (let i = 0; i < steps; i++) {
    const v = lo + ((i + 0.5) / steps) * (hi - lo);
    g.appendChild(el(document, "rect", { x: PAD_PX + (i * w) / steps, y: top, width: w / steps + 0.5, height: 10, fill: ramp.color(v) }));
  }
  for (const [f, anchor] of [[0, "start"], [0.5, "middle"], [1, "end"]] as const) {
    g.appendChild(el(document, "text", { x: PAD_PX + f * w, y: top + 10 + TEXT_PX + 2, "text-anchor": anchor }, fmt(lo + f * (hi - lo))));
  }
  return top + 10 + TEXT_PX + 8;
}

/** Moves the children of Plot's <svg> into a <g> (keeping its text defaults), so the frame stays one SVG. */
function plotGroup(document: Document, plot: Element, y: number): SVGGElement {
  const g = el(document, "g", { "aria-label": "plot", transform: `translate(0,${y})` }) as SVGGElement;
  for (const a of ["fill", "font-size", "text-anchor"]) {
    const v = plot.getAttribute(a);
    if (v !== null) g.setAttribute(a, v);
  }
  for (const child of Array.from(plot.childNodes)) if ((child as Element).tagName?.toLowerCase() !== "style") g.appendChild(child);
  return g;
}

const round = (x: number, digits: number): string => String(Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * A path of absolute M/L/H/V/Z commands (what Plot draws for lines, areas and steps) with coordinates rounded to
 * 0.1 px and horizontal or vertical segments written as H/V: step areas shrink to about half. Other paths are
 * only rounded.
 */
export function minifyPath(d: string): string {
  if (!/^[MLHVZ0-9eE.,\s-]*$/.test(d)) return d.replace(/-?\d+\.\d{2,}/g, (n) => round(Number(n), 1));
  let out = "";
  let [px, py] = [NaN, NaN];
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const xs = args.split(/[\s,]+/).filter(Boolean).map(Number);
    if (cmd === "Z") out += "Z";
    else if (cmd === "H" || cmd === "V") {
      for (const v of xs) out += `${cmd}${round(v, 1)}`;
      if (cmd === "H") px = Number(round(xs[xs.length - 1], 1));
      else py = Number(round(xs[xs.length - 1], 1));
    } else {
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const [x, y] = [Number(round(xs[i], 1)), Number(round(xs[i + 1], 1))];
        if (cmd === "L" || i > 0) {
          if (y === py && x === px) continue;
          out += y === py ? `H${x}` : x === px ? `V${y}` : `L${x},${y}`;
        } else out += `M${x},${y}`;
        [px, py] = [x, y];
      }
    }
  }
  return out;
}

/** Rounds long decimals inside attribute values (coordinates) to 2 places and minifies paths: smaller files, stable snapshots. */
function compact(markup: string): string {
  return markup
    .replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${minifyPath(d)}"`)
    .replace(/="([^"]*)"/g, (_, v: string) => `="${v.replace(/-?\d+\.\d{3,}/g, (n) => round(Number(n), 2))}"`)
    .replaceAll("&nbsp;", "&#160;");
}

function outerSvg(document: Document, widthPx: number, title: string): SVGElement {
  const svg = el(document, "svg", { width: widthPx, "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", color: INK, fill: INK, role: "img" });
  svg.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", SVG_NS);
  svg.appendChild(el(document, "title", {}, title));
  svg.appendChild(el(document, "rect", { width: "100%", height: "100%", fill: "white" }));
  return svg;
}

/**
 * Renames the ids Plot numbers from a global counter (markers, clip paths) to `<prefix>-<k>`: the same chart
 * gives the same SVG however many were drawn before, and charts sharing a page keep distinct ids.
 */
function stableIds(markup: string, prefix: string): string {
  const ids = [...new Set([...markup.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]))];
  let out = markup;
  ids.forEach((id, k) => {
    const to = `${prefix}-${k + 1}`;
    out = out.replaceAll(`id="${id}"`, `id="${to}"`).replaceAll(`url(#${id})`, `url(#${to})`).replaceAll(`href="#${id}"`, `href="#${to}"`);
  });
  return out;
}

function finish(svg: SVGElement, widthPx: number, heightPx: number, idPrefix: string): string {
  const h = Math.ceil(heightPx);
  svg.setAttribute("height", String(h));
  svg.setAttribute("viewBox", `0 0 ${widthPx} ${h}`);
  return stableIds(compact(svg.outerHTML), idPrefix);
}

/** The standalone SVG of a chart: title, subtitle, legend, the plot, footnote. */
export function renderFigure(document: Document, widthPx: number, title: string, fig: Figure, idPrefix = "chart"): string {
  const svg = outerSvg(document, widthPx, title);
  let y = textBlock(document, svg, wrap(title, widthPx - 2 * PAD_PX, TITLE_PX, BOLD_CHAR_EM), 2, TITLE_PX, { "font-weight": 600 });
  if (fig.subtitle) y = textBlock(document, svg, wrap(fig.subtitle, widthPx - 2 * PAD_PX, TEXT_PX), y - 2, TEXT_PX, { fill: MUTED });
  if (fig.legend) y = legendBlock(document, svg, fig.legend, y, widthPx);
  if (fig.ramp) y = rampBlock(document, svg, fig.ramp, y);
  const plot = Plot.plot({ ...fig.plot, width: widthPx, document }) as unknown as Plot.Plot;
  const g = plotGroup(document, plot as unknown as Element, y);
  fig.decorate?.(plot, g, document);
  svg.appendChild(g);
  y += Number((plot as unknown as Element).getAttribute("height"));
  if (fig.note) y = textBlock(document, svg, wrap(fig.note, widthPx - 2 * PAD_PX, NOTE_PX), y + 2, NOTE_PX, { fill: MUTED });
  return finish(svg, widthPx, y + 4, idPrefix);
}

/** A chart without data: its title and why there is nothing to draw. */
export function renderEmpty(document: Document, widthPx: number, title: string, message: string): string {
  const svg = outerSvg(document, widthPx, title);
  let y = textBlock(document, svg, wrap(title, widthPx - 2 * PAD_PX, TITLE_PX, BOLD_CHAR_EM), 2, TITLE_PX, { "font-weight": 600 });
  y = textBlock(document, svg, wrap(message, widthPx - 2 * PAD_PX, TEXT_PX), y + 6, TEXT_PX, { fill: MUTED });
  return finish(svg, widthPx, y + 6, "chart");
}
