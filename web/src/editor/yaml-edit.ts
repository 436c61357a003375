/**
 * Small edits of scenario YAML that keep everything else as it was written (comments, number formats such as
 * `125e9`, flow mappings): a scalar is replaced in place, a missing field is inserted into its closest existing
 * block mapping, a flow mapping (`fleetMix: { GB200: 0.6 }`) is rewritten as one. Re-stringifying the whole
 * document instead would turn `125e9` into `1.25e+11` and move comments.
 */
import { type Node, type Pair, type YAMLMap, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { PathSegment } from "./yaml-paths.ts";

export type EditValue = number | string;

/** A number as a person writes it in a scenario: 125e9, 12.5e6, 1.08, 0.68. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  const abs = Math.abs(v);
  for (const exp of [12, 9, 6]) {
    if (abs >= 10 ** exp) {
      const m = v / 10 ** exp;
      const text = String(Number(m.toPrecision(12)));
      if (Number(`${text}e${exp}`) === v) return `${text}e${exp}`;
    }
  }
  return String(v);
}

const PLAIN_STRING = /^[A-Za-z0-9][\w .:/()-]*$/;

/** A scalar as YAML text: numbers plain, strings plain when they cannot be read as anything else. */
export function formatScalar(v: EditValue): string {
  if (typeof v === "number") return formatNumber(v);
  const looksLikeOther = /^[-+.\d]/.test(v) && !/^\d{4}-\d{2}$/.test(v) ? !Number.isNaN(Number(v)) : /^(true|false|null|yes|no|on|off|~)$/i.test(v);
  return PLAIN_STRING.test(v) && !looksLikeOther && !/ #|: /.test(v) && !v.endsWith(" ") ? v : JSON.stringify(v);
}

const formatKey = (k: PathSegment): string => (typeof k === "string" && !/^[A-Za-z0-9_][\w.-]*$/.test(k) ? JSON.stringify(k) : String(k));
const keyText = (p: Pair): string => String(isScalar(p.key) ? p.key.value : p.key);

/** `{ a: 1, b: 2 }` for a flat mapping of scalars. */
function flowMap(entries: [string, unknown][]): string {
  return `{ ${entries.map(([k, v]) => `${formatKey(k)}: ${formatScalar(v as EditValue)}`).join(", ")} }`;
}

/** `rest: value` as block lines (nested keys indented by two spaces). */
function blockLines(rest: PathSegment[], value: EditValue): string[] {
  return rest.map((k, i) => `${"  ".repeat(i)}${formatKey(k)}:${i === rest.length - 1 ? ` ${formatScalar(value)}` : ""}`);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/** Offset just after the end of the line holding `offset - 1` (after its newline; the text's end if none). */
function afterLine(text: string, offset: number): number {
  const nl = text.indexOf("\n", Math.max(0, offset - 1));
  return nl < 0 ? text.length : nl + 1;
}

interface Walk {
  /** the deepest existing node and how many segments it consumed */
  node: unknown;
  depth: number;
  pair: Pair | null;
}

function walk(contents: unknown, path: PathSegment[]): Walk {
  let node = contents;
  let pair: Pair | null = null;
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth];
    if (isMap(node)) {
      const p = node.items.find((q) => keyText(q) === String(seg));
      if (!p) return { node, depth, pair };
      pair = p;
      node = p.value;
    } else if (isSeq(node) && typeof seg === "number" && seg < node.items.length) {
      pair = null;
      node = node.items[seg];
    } else return { node, depth, pair };
  }
  return { node, depth: path.length, pair };
}

function parse(text: string) {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(`the YAML has errors: ${doc.errors[0].message.split("\n")[0]}`);
  return doc;
}

/** The text with the value at `path` set (inserted when missing). Throws when the YAML is malformed. */
export function setIn(text: string, path: PathSegment[], value: EditValue): string {
  const doc = parse(text);
  const w = walk(doc.contents, path);
  const node = w.node as Node | null;
  if (w.depth === path.length && isScalar(node) && node.range) {
    return text.slice(0, node.range[0]) + formatScalar(value) + text.slice(node.range[1]);
  }
  if (w.depth === path.length) throw new Error(`${path.join(".")} is not a single value`);
  const rest = path.slice(w.depth);
  if (rest.some((s) => typeof s === "number")) throw new Error(`cannot create list items (${path.join(".")})`);
  if (w.depth === 0 && !isMap(node)) return `${text}${text.endsWith("\n") || text === "" ? "" : "\n"}${blockLines(rest, value).join("\n")}\n`;
  if (!isMap(node) || !node.range) throw new Error(`${path.slice(0, w.depth).join(".")} is not a mapping`);
  return insertIntoMap(text, node, rest, value);
}

function insertIntoMap(text: string, map: YAMLMap, rest: PathSegment[], value: EditValue): string {
  const range = map.range as [number, number, number];
  if (map.flow) {
    const entries: [string, unknown][] = map.items.map((p) => [keyText(p), isScalar(p.value) ? p.value.value : p.value]);
    if (rest.length !== 1 || entries.some(([, v]) => typeof v === "object" && v !== null)) throw new Error("cannot add nested fields to a flow mapping");
    entries.push([String(rest[0]), value]);
    return text.slice(0, range[0]) + flowMap(entries) + text.slice(range[1]);
  }
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? columnOf(text, first.range[0]) : 0;
  const at = afterLine(text, range[1]);
  const prefix = at === text.length && !text.endsWith("\n") ? "\n" : "";
  const lines = blockLines(rest, value).map((l) => " ".repeat(indent) + l);
  return `${text.slice(0, at)}${prefix}${lines.join("\n")}\n${text.slice(at)}`;
}

/** The text without the field at `path` (a no-op when it is missing). Only single-line fields and flow entries. */
export function deleteIn(text: string, path: PathSegment[]): string {
  const doc = parse(text);
  const parentWalk = walk(doc.contents, path.slice(0, -1));
  const parent = parentWalk.node;
  if (parentWalk.depth !== path.length - 1 || !isMap(parent) || !parent.range) return text;
  const key = String(path[path.length - 1]);
  const pair = parent.items.find((p) => keyText(p) === key);
  if (!pair) return text;
  if (parent.flow) {
    const entries: [string, unknown][] = parent.items.filter((p) => p !== pair).map((p) => [keyText(p), isScalar(p.value) ? p.value.value : p.value]);
    return text.slice(0, parent.range[0]) + flowMap(entries) + text.slice(parent.range[1]);
  }
  const keyRange = (pair.key as Node).range as [number, number, number];
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? keyRange[1];
  const start = keyRange[0] - columnOf(text, keyRange[0]);
  return text.slice(0, start) + text.slice(afterLine(text, valueEnd));
}
