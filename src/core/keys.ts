/**
 * User-given keys and names used to look things up (accelerator generations, grid regions, scenario paths) must
 * never reach a built-in property of JavaScript objects: `constructor`, `toString` or `__proto__` would find a
 * function (or the prototype) instead of nothing, and a write through `__proto__` would pollute every object.
 */

import { keyPath } from "./diagnostics.ts";

/** Names of Object.prototype's properties (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, ...). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);

/** The record's own value at `key`, or undefined (never an inherited one). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export const reservedKeyMessage = (key: string): string =>
  `"${key}" is a reserved name (a built-in property of JavaScript objects): choose another name`;

/** Every reserved key anywhere in a parsed document, as [path, key] (path segments as in diagnostics). */
export function findReservedKeys(value: unknown, path = ""): [path: string, key: string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, p: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else if (v !== null && typeof v === "object") {
      for (const k of Object.keys(v)) {
        const kp = p === "" && /^[A-Za-z_$][\w$]*$/.test(k) ? k : keyPath(p, k);
        if (isReservedKey(k)) out.push([kp, k]);
        else walk((v as Record<string, unknown>)[k], kp);
      }
    }
  };
  walk(value, path);
  return out;
}
