/** The test of every claim, by id. */
import { c01, c02, c03, c04, c05, c11 } from "./company.ts";
import { c12, c13, c15, c16, c17, c18 } from "./energy.ts";
import { c08, c09, c10, c22 } from "./financing.ts";
import { c14, c26, c28, c29 } from "./model.ts";
import { c19, c20, c21, c23 } from "./peers.ts";
import { c06, c07, c24, c25, c27 } from "./sites.ts";
import type { ClaimTest } from "./types.ts";

export const CLAIM_TESTS: Readonly<Record<string, ClaimTest>> = {
  C01: c01, C02: c02, C03: c03, C04: c04, C05: c05, C06: c06, C07: c07, C08: c08, C09: c09, C10: c10,
  C11: c11, C12: c12, C13: c13, C14: c14, C15: c15, C16: c16, C17: c17, C18: c18, C19: c19, C20: c20,
  C21: c21, C22: c22, C23: c23, C24: c24, C25: c25, C26: c26, C27: c27, C28: c28, C29: c29,
};
