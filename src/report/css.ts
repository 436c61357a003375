/**
 * The report's one inline style sheet: system fonts (nothing loaded), a single readable column, charts drawn twice
 * (wide for screens, narrow for phones; CSS shows one), tables in horizontal scroll boxes, print rules.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --soft: #f6f8fa; --accent: #4269d0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 16px 20px 48px; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.6em 0 0.2em; }
h2 { font-size: 1.3rem; margin: 2em 0 0.6em; padding-top: 0.6em; border-top: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4em 0 0.4em; }
p, li { max-width: 70ch; }
a { color: var(--accent); }
.lede { color: var(--muted); margin: 0 0 1em; }
.meta { color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
nav.toc { font-size: 0.95rem; margin: 1em 0; padding: 0.6em 0.9em; background: var(--soft); border-radius: 6px; }
nav.toc a { display: inline-block; margin: 0.15em 0.9em 0.15em 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 1em 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: #fff; }
.card .v { font-size: 1.35rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .k { color: var(--muted); font-size: 0.82rem; line-height: 1.3; }
figure.chart { margin: 1.2em 0 1.8em; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; max-width: 760px; height: auto; }
figure.chart .narrow { display: none; }
figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 4px; }
figcaption a.csv { font-weight: 600; margin-left: 0.4em; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0 0 1.2em; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; font-size: 0.8rem; font-variant-numeric: tabular-nums; width: max-content; min-width: 100%; }
p.tcap { font-weight: 600; font-size: 0.9rem; margin: 1.4em 0 0.3em; }
th, td { padding: 3px 8px; border-top: 1px solid var(--line); white-space: nowrap; }
th { background: var(--soft); text-align: right; font-weight: 600; position: sticky; top: 0; }
th:first-child, td:first-child { text-align: left; position: sticky; left: 0; background: #fff; }
th:first-child { background: var(--soft); }
td.n { text-align: right; }
td.wrap { white-space: normal; min-width: 24em; max-width: 48em; }
.status.proxy { color: #b3261e; font-weight: 600; } .status.local { color: #1a7f37; font-weight: 600; }
th.t { text-align: left; }
pre.scenario { background: var(--soft); padding: 10px 12px; border-radius: 6px; overflow-x: auto; white-space: pre; max-height: 70vh; }
ul.diagnostics li { margin: 0.3em 0; overflow-wrap: anywhere; }
.sev { font-weight: 600; }
.sev.error { color: #b42318; } .sev.warning { color: #9a6700; } .sev.info { color: var(--muted); }
details { margin: 0.6em 0; } summary { cursor: pointer; font-weight: 600; }
dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; font-size: 0.9rem; }
dl.prov dt { color: var(--muted); } dl.prov dd { margin: 0; overflow-wrap: anywhere; }
.sources li { margin: 0.35em 0; overflow-wrap: anywhere; }
details.source > summary { font-weight: 400; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  main { padding: 10px 12px 40px; }
  h1 { font-size: 1.35rem; }
  figure.chart .wide { display: none; }
  figure.chart .narrow { display: block; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .card .v { font-size: 1.1rem; }
  dl.prov { grid-template-columns: 1fr; } dl.prov dd { margin-bottom: 6px; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; border: none; }
  table { width: 100%; font-size: 7.5pt; }
  th, td { white-space: normal; position: static; }
  pre.scenario { max-height: none; white-space: pre-wrap; }
  details > *:not(summary) { display: block; }
  a { color: inherit; text-decoration: none; }
}
`;
