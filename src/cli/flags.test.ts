/** Number flags in any JavaScript notation with one sentence per bad value; choices in any letter case. */
import { Command, CommanderError, Option } from "commander";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../index.ts";
import { caseInsensitiveChoicesEverywhere, describeRule, numberFlag, printProblems } from "./flags.ts";

const parse = (raw: string | undefined, rule: Parameters<typeof numberFlag>[2]): { value: number | undefined; problems: Diagnostic[] } => {
  const problems: Diagnostic[] = [];
  return { value: numberFlag(raw, "--iterations", rule, problems), problems };
};

describe("numberFlag", () => {
  const count = { integer: true, min: 1 };
  it("accepts any finite JavaScript number that is whole where a count is asked for", () => {
    expect(parse("1e3", count)).toEqual({ value: 1000, problems: [] });
    expect(parse(" 10000 ", count)).toEqual({ value: 10000, problems: [] });
    expect(parse("0x10", count)).toEqual({ value: 16, problems: [] });
    expect(parse("2.5e0", { min: 0 })).toEqual({ value: 2.5, problems: [] });
    expect(parse(undefined, count)).toEqual({ value: undefined, problems: [] });
  });

  it("rejects with one sentence naming the flag and the value", () => {
    expect(parse("-5", count).problems).toEqual([{ path: "--iterations", severity: "error", message: "must be a positive integer, got -5" }]);
    expect(parse("1.5", count).problems[0].message).toBe("must be a positive integer, got 1.5");
    expect(parse("abc", count).problems[0].message).toBe("must be a positive integer, got abc");
    expect(parse("", count).problems[0].message).toBe('must be a positive integer, got ""');
    expect(parse("Infinity", { min: 0 }).problems[0].message).toBe("must be a number ≥ 0, got Infinity");
    // integers stop at 2^53 − 1: beyond it, a count cannot be represented exactly
    expect(parse("9007199254740992", count).problems).toHaveLength(1);
    expect(parse("9007199254740991", count).value).toBe(9007199254740991);
    expect(parse("-1", { integer: true, min: 0 }).problems[0].message).toBe("must be a non-negative integer, got -1");
    expect(describeRule({ integer: true, min: 1, max: 52 })).toBe("a positive integer up to 52");
  });

  it("prints flag errors as one line each, without blaming the scenario file", () => {
    let err = "";
    printProblems("s.yaml", [{ path: "--iterations", severity: "error", message: "must be a positive integer, got -5" }], { stdout: () => undefined, stderr: (s) => void (err += s) });
    expect(err).toBe("error: --iterations: must be a positive integer, got -5\n");
    err = "";
    printProblems("s.yaml", [{ path: "--paths", severity: "error", message: "x" }, { path: "sites[0]", severity: "error", message: "y" }], { stdout: () => undefined, stderr: (s) => void (err += s) });
    expect(err).toBe("error: --paths: x\ns.yaml: 1 error(s); nothing was written\n  error: sites[0]: y\n");
  });
});

describe("caseInsensitiveChoicesEverywhere", () => {
  function program(): { cmd: Command; got: () => string | undefined } {
    let got: string | undefined;
    const cmd = new Command("t").exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    cmd.command("sub").addOption(new Option("--format <f>").choices(["table", "json"]).default("table")).action((o: { format: string }) => void (got = o.format));
    caseInsensitiveChoicesEverywhere(cmd);
    return { cmd, got: () => got };
  }
  it("takes JSON as json and still rejects what is not a choice", async () => {
    const p = program();
    await p.cmd.parseAsync(["sub", "--format", "JSON"], { from: "user" });
    expect(p.got()).toBe("json");
    const q = program();
    await expect(q.cmd.parseAsync(["sub", "--format", "xml"], { from: "user" })).rejects.toBeInstanceOf(CommanderError);
  });
});
