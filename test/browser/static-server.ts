/**
 * A tiny static file server for the browser tests (node:http, 127.0.0.1 only): the web app's build at "/" and
 * the repository's bundled input files at /data/{weather,grid,wind}/ (as `gigaplan serve` does). Every request is
 * recorded, so a test can check that the page asked nothing of anyone else.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".gz": "application/gzip",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** The file for a URL path inside `root`, or null (no "..", no hidden files). */
function fileIn(root: string, urlPath: string): string | null {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^[/\\]+/, "");
  if (rel.split(/[/\\]/).some((s) => s === ".." || s.startsWith("."))) return null;
  const path = resolve(root, rel);
  return path.startsWith(resolve(root) + sep) && existsSync(path) && statSync(path).isFile() ? path : null;
}

export async function startStaticServer(o: { webDist: string; repoDir: string }): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const data = /^\/data\/(weather|grid|wind)\//.test(pathname) ? fileIn(o.repoDir, pathname) : null;
    const file = data ?? fileIn(o.webDist, pathname === "/" ? "index.html" : pathname);
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Content-Length": body.length, "Cache-Control": "no-cache" });
    res.end(body);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
