/** Accessible tabs (WAI-ARIA pattern): arrow keys, Home and End move between tabs; only the selected one is in the tab order. */
import { h } from "../views/dom.ts";

export interface TabDef {
  id: string;
  label: string;
  panel: HTMLElement;
}

export class Tabs {
  readonly list: HTMLElement;
  readonly panels: HTMLElement[];
  private readonly buttons: HTMLButtonElement[];
  current: string;

  constructor(
    label: string,
    private readonly defs: TabDef[],
    private readonly onSelect: (id: string) => void = () => {},
  ) {
    this.buttons = defs.map((d) =>
      h("button", { type: "button", role: "tab", id: `tab-${d.id}`, "aria-controls": `panel-${d.id}`, "aria-selected": "false", tabindex: -1, onclick: () => this.select(d.id, true) }, d.label),
    );
    this.list = h("div", { role: "tablist", "aria-label": label }, ...this.buttons);
    this.list.addEventListener("keydown", (e) => {
      const i = this.buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (i < 0) return;
      const n = this.buttons.length;
      const to = e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i - 1 + n) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      this.select(defs[to].id, true);
    });
    this.panels = defs.map((d) => {
      d.panel.id = `panel-${d.id}`;
      d.panel.setAttribute("role", "tabpanel");
      d.panel.setAttribute("aria-labelledby", `tab-${d.id}`);
      d.panel.tabIndex = 0;
      return d.panel;
    });
    this.current = defs[0].id;
    this.select(this.current, false);
  }

  select(id: string, focus: boolean): void {
    this.current = id;
    this.defs.forEach((d, i) => {
      const on = d.id === id;
      this.buttons[i].setAttribute("aria-selected", String(on));
      this.buttons[i].tabIndex = on ? 0 : -1;
      d.panel.hidden = !on;
      if (on && focus) this.buttons[i].focus();
    });
    this.onSelect(id);
  }
}
