/** The limits on a run's estimated memory and time, and how they are said. */
import { describe, expect, it } from "vitest";
import { MEMORY_LIMIT_BYTES, TIME_LIMIT_SECONDS, formatBytes, formatSeconds, limitProblem, piecesToFit } from "./run-limits.ts";

const small = { samples: 1000, columns: 15, memoryBytes: 200e6, seconds: 2 };
const advice = (): string => "split it";

describe("limitProblem", () => {
  it("lets a run within 4 GB and an hour go, and refuses one beyond either unless forced", () => {
    expect(limitProblem(small, { flag: "--iterations", force: false, advice, machineBytes: 64e9 })).toBeNull();
    const big = { ...small, memoryBytes: 6e9, seconds: 2 * TIME_LIMIT_SECONDS };
    const p = limitProblem(big, { flag: "--iterations", force: false, advice, machineBytes: 64e9 });
    expect(p).toEqual({ path: "--iterations", severity: "error", message: "this run would take about 6.0 GB of memory (limit 4.0 GB) and about 2.0 h (limit 1.0 h); split it, or pass --force to run it anyway" });
    expect(limitProblem(big, { flag: "--iterations", force: true, advice, machineBytes: 64e9 })).toBeNull();
  });

  it("refuses a run larger than the machine's memory even with --force", () => {
    const p = limitProblem({ ...small, memoryBytes: 100e9 }, { flag: "--paths", force: true, advice, machineBytes: 16e9 });
    expect(p?.message).toBe("this run needs about 100.0 GB of memory and this machine has 16.0 GB, so it cannot run even with --force; split it");
  });

  it("counts the pieces that fit and formats sizes and times", () => {
    expect(piecesToFit({ ...small, memoryBytes: 160e6 + 3 * (MEMORY_LIMIT_BYTES - 160e6) }, 160e6)).toBe(3);
    expect(piecesToFit({ ...small, seconds: 10.5 * TIME_LIMIT_SECONDS }, 160e6)).toBe(11);
    expect(piecesToFit(small, 160e6)).toBe(2);
    expect([formatBytes(950e6), formatBytes(4.3e9), formatBytes(1.6573247e18)]).toEqual(["950 MB", "4.3 GB", "1,657,324.7 TB"]);
    expect([formatSeconds(0.42), formatSeconds(42), formatSeconds(420), formatSeconds(8280), formatSeconds(3.6e6)]).toEqual(["0.4 s", "42 s", "7 min", "2.3 h", "42 days"]);
  });
});
