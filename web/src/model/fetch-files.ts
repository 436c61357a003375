/**
 * `InputFiles` in the browser: gigaplan's bundled weather, wind and grid files are fetched from the page's own
 * server (`{ origin: "bundled", path: "data/weather/x.csv.gz" }` → `<dataRoot>/weather/x.csv.gz`) and
 * gzip-compressed ones are decoded with `DecompressionStream`. Files a scenario names itself cannot be read by
 * a page: they come back as an error diagnostic at the file's path. Each file is fetched once per instance.
 */
import { type InputFile, type InputFiles, type InputText, type Outcome, error } from "../../../src/index.ts";

/** The folders of data/ a bundled file may come from (the server and the static build serve these only). */
const BUNDLED_FOLDERS = ["data/weather/", "data/grid/", "data/wind/"];

const GZIP_MAGIC = [0x1f, 0x8b];

/** True when the bytes start with the gzip magic number (a server may already have decoded a .gz file). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** The text of gzip-compressed bytes, decoded by the platform's `DecompressionStream`. */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/** The URL of a bundled file below `dataRoot` (the URL of the site's /data/ folder), or null if it is not one. */
export function bundledUrl(path: string, dataRoot: string): string | null {
  const ok = BUNDLED_FOLDERS.some((f) => path.startsWith(f)) && !path.split("/").some((s) => s === ".." || s === "." || s === "");
  return ok ? new URL(path.slice("data/".length).split("/").map(encodeURIComponent).join("/"), dataRoot).href : null;
}

export interface FetchFilesOptions {
  /** absolute URL of the data folder, ending in "/" (e.g. "http://127.0.0.1:5173/data/") */
  dataRoot: string;
  fetch?: typeof fetch;
}

export function fetchInputFiles(o: FetchFilesOptions): InputFiles {
  const get = o.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const cache = new Map<string, Promise<Outcome<InputText | null>>>();
  const load = async (f: InputFile): Promise<Outcome<InputText | null>> => {
    if (f.origin === "scenario") {
      const message = "the web app reads only gigaplan's bundled weather files: remove power.weather.solarFile / windFile to use them, or run the scenario with the gigaplan CLI";
      return { value: null, diagnostics: [error(f.path, message)] };
    }
    const url = bundledUrl(f.path, o.dataRoot);
    if (!url) return { value: null, diagnostics: [error(f.path, "not a bundled input file")] };
    try {
      const response = await get(url);
      if (!response.ok) return { value: null, diagnostics: [error(f.path, `cannot read (HTTP ${response.status} from ${url})`)] };
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = isGzip(bytes) ? await gunzipText(bytes) : new TextDecoder().decode(bytes);
      return { value: { text, name: f.path }, diagnostics: [] };
    } catch (e) {
      return { value: null, diagnostics: [error(f.path, `cannot read: ${(e as Error).message}`)] };
    }
  };
  return {
    read(f) {
      const key = `${f.origin}:${f.path}`;
      let p = cache.get(key);
      if (!p) {
        p = load(f);
        cache.set(key, p);
        // a failed read is not remembered: the next run tries again (e.g. after the server came back)
        void p.then((r) => r.value === null && cache.delete(key));
      }
      return p;
    },
  };
}
