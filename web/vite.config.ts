/**
 * Vite configuration of the gigaplan web app (web/). `npm run web` serves it in development, `npm run build:web`
 * writes the static build to web/dist/ (served by `gigaplan serve`, or by any static file server).
 *
 * The bundled weather, wind and grid files (data/weather, data/wind, data/grid) reach the browser at /data/...:
 * in development a small middleware serves them from the repository; the build copies them into web/dist/data/,
 * so the static build works on its own (and `gigaplan serve` answers /data/... from the same files).
 * The build also writes sw.js (from web/sw.js), a service worker that keeps the app and those files for offline use.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Plugin, defineConfig } from "vite";

const WEB_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = resolve(WEB_DIR, "..");
/** The folders of data/ the model reads through `InputFiles` (as `DEFAULT_FILES` names them). */
export const DATA_FOLDERS = ["weather", "grid", "wind"];

/** Every bundled input file as [URL path below /data/, absolute path]. */
export function bundledDataFiles(repoDir = REPO_DIR): [string, string][] {
  const out: [string, string][] = [];
  for (const folder of DATA_FOLDERS) {
    const dir = join(repoDir, "data", folder);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!name.startsWith(".") && statSync(path).isFile()) out.push([`${folder}/${name}`, path]);
    }
  }
  return out;
}

/** Serves data/{weather,grid,wind}/ at /data/ in `vite` dev and preview, and copies them into the build. */
function bundledData(): Plugin {
  const files = new Map(bundledDataFiles());
  const middleware = (req: { url?: string }, res: import("node:http").ServerResponse, next: () => void): void => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const path = pathname.startsWith("/data/") ? files.get(pathname.slice("/data/".length)) : undefined;
    if (!path || pathname.includes(`..${sep}`)) return next();
    const body = readFileSync(path);
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": body.length, "Cache-Control": "no-cache" });
    res.end(body);
  };
  return {
    name: "gigaplan-bundled-data",
    configureServer: (server) => void server.middlewares.use(middleware),
    generateBundle() {
      for (const [name, path] of files) this.emitFile({ type: "asset", fileName: `data/${name}`, source: readFileSync(path) });
    },
  };
}

/** Emits sw.js with the build's files to keep offline (all but the LP solver's wasm, unused by the page, and notes). */
function serviceWorker(): Plugin {
  return {
    name: "gigaplan-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !/\.(wasm|md|map)$/.test(f) && f !== "index.html").sort();
      const hash = createHash("sha256");
      for (const f of Object.keys(bundle).sort()) {
        const out = bundle[f];
        hash.update(f).update(out.type === "chunk" ? out.code : out.source);
      }
      const template = readFileSync(join(WEB_DIR, "sw.js"), "utf8");
      const source = template
        .replace("__GIGAPLAN_BUILD__", hash.digest("hex").slice(0, 16))
        .replace('["__GIGAPLAN_PRECACHE__"]', JSON.stringify(["./", ...files.map((f) => `./${f}`)]));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}

export default defineConfig({
  root: WEB_DIR,
  base: "./",
  publicDir: false,
  plugins: [bundledData(), serviceWorker()],
  worker: { format: "es" },
  server: { host: "127.0.0.1", fs: { allow: [REPO_DIR] } },
  preview: { host: "127.0.0.1" },
  build: {
    outDir: join(WEB_DIR, "dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
  },
});
