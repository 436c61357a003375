import { describe, expect, it } from "vitest";
import { History } from "./history.ts";

describe("History", () => {
  it("undoes and redoes, and a new edit drops the redo branch", () => {
    const h = new History("a");
    h.push("b", null, 0);
    h.push("c", null, 10);
    expect(h.undo()).toBe("b");
    expect(h.undo()).toBe("a");
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe("b");
    h.push("d", null, 20);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe("b");
  });
  it("coalesces quick edits of one field into one step", () => {
    const h = new History("1.0", 1000);
    h.push("1.1", "pue", 0);
    h.push("1.15", "pue", 300);
    h.push("1.2", "pue", 600);
    h.push("x", "other", 700);
    expect(h.undo()).toBe("1.2");
    expect(h.undo()).toBe("1.0");
  });
});
