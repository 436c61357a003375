import { describe, expect, it } from "vitest";
import { hostName, isLoopbackHost } from "./security.ts";
import { safeSegments } from "./static.ts";

describe("loopback hosts", () => {
  it("accepts localhost, 127.0.0.0/8 and ::1 only", () => {
    for (const h of ["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "10.0.0.1", "example.com", "localhost.example.com", "127.0.0.1.nip.io", ""]) expect(isLoopbackHost(h), h).toBe(false);
  });

  it("takes the host name out of a Host header", () => {
    expect(hostName("127.0.0.1:8787")).toBe("127.0.0.1");
    expect(hostName("[::1]:80")).toBe("[::1]");
    expect(hostName("localhost")).toBe("localhost");
    expect(isLoopbackHost(hostName("evil.example:8787"))).toBe(false);
  });
});

describe("URL path segments for static files", () => {
  it("decodes plain segments", () => {
    expect(safeSegments("/data/weather/a%20b.csv.gz", "/data/")).toEqual(["weather", "a b.csv.gz"]);
    expect(safeSegments("/", "/")).toEqual([]);
  });

  it("refuses traversal, encoded slashes, hidden files, NUL and bad escapes", () => {
    for (const p of [
      "/data/weather/..%2F..%2Fpackage.json",
      "/data/..%2Fpackage.json",
      "/data/weather/%2e%2e/package.json",
      "/data/weather/../package.json",
      "/data/weather/..%5Cpackage.json",
      "/data/weather//x",
      "/data/weather/.hidden",
      "/data/weather/a%00b",
      "/data/weather/%E0%A4%A",
    ]) {
      expect(safeSegments(p, "/data/"), p).toBeNull();
    }
  });
});
