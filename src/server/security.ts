/**
 * Who may talk to the server. Without a token the server listens on loopback only, and it answers only
 * requests whose Host header names a loopback host (so a web page on another site cannot reach it through DNS
 * rebinding). With a token every /api request must carry `Authorization: Bearer <token>` (compared in
 * constant time).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { problem } from "./respond.ts";

/** localhost, 127.0.0.0/8, ::1 (with or without brackets). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1" || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** The host name of a Host header value ("127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "[::1]"). */
export function hostName(header: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(header.trim());
  return m ? m[1] : header;
}

export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host");
    if (!host || !isLoopbackHost(hostName(host))) {
      return c.json({ diagnostics: [problem("Host", "this server answers only requests to localhost / 127.0.0.1 (start it with --token to serve other hosts)")] }, 403);
    }
    await next();
  };
}

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

export function bearerToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const m = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "");
    if (!m || !timingSafeEqual(digest(m[1].trim()), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="gigaplan"');
      return c.json({ diagnostics: [problem("Authorization", "a valid bearer token is required")] }, 401);
    }
    await next();
  };
}
