/**
 * The YAML text of the scenario (a plain textarea) and the list of diagnostics: each `path: message`, clickable to
 * select the line it points at. Typing is reported after a short pause; Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) go to the
 * page's history, which also holds the form's edits.
 */
import type { Diagnostic } from "../../../src/index.ts";
import { h } from "../views/dom.ts";
import { lineSpan, spanOfPath } from "./yaml-paths.ts";

export interface YamlViewHooks {
  onText(text: string): void;
  onUndo(): void;
  onRedo(): void;
  /** called before a diagnostic's line is selected (e.g. to show the YAML tab) */
  onReveal(): void;
}

const TYPING_PAUSE_MS = 150;

export class YamlView {
  readonly textarea: HTMLTextAreaElement;
  readonly diagnosticsEl: HTMLElement;
  private readonly summaryEl: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly hooks: YamlViewHooks) {
    this.textarea = h("textarea", { id: "yaml", class: "yaml-text", spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-describedby": "diag-summary", wrap: "off" });
    this.textarea.addEventListener("input", () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), TYPING_PAUSE_MS);
    });
    this.textarea.addEventListener("keydown", (e) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && (e.key === "z" || e.key === "Z")) {
        e.preventDefault();
        this.flush();
        if (e.shiftKey) hooks.onRedo();
        else hooks.onUndo();
      } else if (mod && e.key === "y") {
        e.preventDefault();
        this.flush();
        hooks.onRedo();
      }
    });
    this.summaryEl = h("p", { id: "diag-summary", class: "diag-summary", role: "status" });
    this.diagnosticsEl = h("ul", { id: "diagnostics", class: "diagnostics", "aria-label": "Problems in the scenario" });
  }

  /** Reports pending typing now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.hooks.onText(this.textarea.value);
  }

  get value(): string {
    return this.textarea.value;
  }

  /** Shows `text` (from the form, undo, a preset), keeping the scroll position and, if possible, the caret. */
  setValue(text: string): void {
    if (this.textarea.value === text) return;
    const { scrollTop, selectionStart } = this.textarea;
    this.textarea.value = text;
    this.textarea.scrollTop = scrollTop;
    const at = Math.min(selectionStart, text.length);
    if (document.activeElement === this.textarea) this.textarea.setSelectionRange(at, at);
  }

  /** Selects the text a diagnostic points at (the whole line) and scrolls it into view. */
  select(d: Diagnostic): boolean {
    const text = this.textarea.value;
    const span = spanOfPath(text, d.path, d.message);
    if (!span) return false;
    this.hooks.onReveal();
    const line = lineSpan(text, span.line);
    this.textarea.focus();
    this.textarea.setSelectionRange(line.start, line.end);
    const lineHeightPx = parseFloat(getComputedStyle(this.textarea).lineHeight) || 19;
    this.textarea.scrollTop = Math.max(0, (span.line - 4) * lineHeightPx);
    return true;
  }

  showDiagnostics(ds: readonly Diagnostic[]): void {
    const order = { error: 0, warning: 1, info: 2 } as const;
    const sorted = [...ds].sort((a, b) => order[a.severity] - order[b.severity]);
    const n = (s: Diagnostic["severity"]) => ds.filter((d) => d.severity === s).length;
    const [errors, warnings, infos] = [n("error"), n("warning"), n("info")];
    const parts = [`${errors} error${errors === 1 ? "" : "s"}`, `${warnings} warning${warnings === 1 ? "" : "s"}`, `${infos} note${infos === 1 ? "" : "s"}`];
    this.summaryEl.textContent = errors + warnings + infos === 0 ? "No problems found." : `${parts.join(", ")}. Select one to go to its line in the YAML.`;
    this.summaryEl.classList.toggle("has-errors", errors > 0);
    const text = this.textarea.value;
    this.diagnosticsEl.replaceChildren(
      ...sorted.map((d) => {
        const span = spanOfPath(text, d.path, d.message);
        const where = span ? ` (line ${span.line})` : "";
        return h(
          "li",
          { class: d.severity },
          h(
            "button",
            { type: "button", "data-path": d.path, onclick: () => this.select(d), disabled: !span, title: span ? `Go to line ${span.line}` : "no line to show" },
            h("span", { class: "sev" }, d.severity),
            h("code", {}, d.path),
            `: ${d.message}${where}`,
          ),
        );
      }),
    );
  }

  /** The list's heading line and the list, for the page to place. */
  elements(): HTMLElement[] {
    return [this.summaryEl, this.diagnosticsEl];
  }
}
