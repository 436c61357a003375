/** Diagnostics are data: collected, never thrown at users. */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  path: string;
  severity: Severity;
  message: string;
}

export interface Outcome<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export const error = (path: string, message: string): Diagnostic => ({ path, severity: "error", message });
export const warning = (path: string, message: string): Diagnostic => ({ path, severity: "warning", message });
export const info = (path: string, message: string): Diagnostic => ({ path, severity: "info", message });

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");

/** Formats a property path the way users write it: `sites[1].phases[0].itPowerMw`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else {
      const key = String(s);
      if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === "" ? "(root)" : out;
}

/** `base` joined with a record key, quoting keys that are not plain names: `fleetMix["TPU-v9"]`. */
export function keyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Drops repeated diagnostics (same severity, path and message), keeping the first. */
export function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.severity}\u0000${d.path}\u0000${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}: ${d.path}: ${d.message}`;
}
