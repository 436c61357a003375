/**
 * Read-only files over HTTP: the web app's build (web/dist: index.html at "/", its assets, index.html for app
 * routes without a file extension) and the bundled data files the web app fetches (/data/weather, /data/grid,
 * /data/wind). URL paths are split and decoded segment by segment: an empty, ".", ".." or hidden segment, or
 * one that decodes to a slash, backslash or NUL, is refused (404), and the resolved file must stay inside its
 * folder after symbolic links are followed.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { Context, Hono } from "hono";
import { bundledDataFile, insideRoot } from "./input-files.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".srw": "text/plain; charset=utf-8",
  ".gz": "application/gzip",
};

/** The decoded segments of a URL path below `prefix`, or null when any segment is unsafe. */
export function safeSegments(pathname: string, prefix: string): string[] | null {
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  if (rest === "") return [];
  const out: string[] = [];
  for (const raw of rest.split("/")) {
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (s === "" || s === "." || s === ".." || s.startsWith(".") || /[\\/\0]/.test(s)) return null;
    out.push(s);
  }
  return out;
}

const rawPath = (c: Context): string => new URL(c.req.url).pathname;

function fileResponse(c: Context, path: string, cacheControl: string): Response {
  const body = readFileSync(path);
  return c.body(body, 200, {
    "Content-Type": CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": String(body.length),
    "Cache-Control": cacheControl,
    "X-Content-Type-Options": "nosniff",
  });
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gigaplan</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>gigaplan server</h1>
<p>The API is running (<a href="/api/openapi.json">OpenAPI document</a>), but the web app is not built.
Run <code>npm run build:web</code> in the gigaplan folder, then reload this page.</p>
</body></html>
`;

/** Routes for /data/{weather,grid,wind}/... and the web app (register after the API routes). */
export function registerStatic(app: Hono, o: { webDist: string }): void {
  app.get("/data/*", (c) => {
    const segments = safeSegments(rawPath(c), "/data/");
    const path = segments ? bundledDataFile(segments) : null;
    return path ? fileResponse(c, path, "public, max-age=3600") : c.text("not found\n", 404);
  });
  app.get("*", (c) => {
    const pathname = rawPath(c);
    if (pathname.startsWith("/api/")) return c.json({ diagnostics: [{ path: "(url)", severity: "error", message: `no such endpoint: ${c.req.method} ${pathname}` }] }, 404);
    const index = join(o.webDist, "index.html");
    if (!existsSync(index)) return pathname === "/" || pathname === "/index.html" ? c.html(NOT_BUILT) : c.text("not found\n", 404);
    const segments = safeSegments(pathname, "/");
    if (!segments) return c.text("not found\n", 404);
    if (segments.length > 0) {
      const path = insideRoot(o.webDist, join(...segments));
      if (path && existsSync(path) && statSync(path).isFile()) {
        const immutable = segments[0] === "assets";
        return fileResponse(c, path, immutable ? "public, max-age=31536000, immutable" : "no-cache");
      }
      // a missing asset is a 404; a path without an extension is an app route: the app's index.html
      if (extname(segments[segments.length - 1]) !== "") return c.text("not found\n", 404);
    }
    return fileResponse(c, index, "no-cache");
  });
}
