/** The report's view of a run's data provenance: each site's weather and grid files, and the scenario's numbers by source status. */
import { type DataProvenance, profileStatus } from "../results/provenance.ts";
import { esc } from "./markup.ts";

const km = (d: number | null): string => (d === null ? "" : Math.round(d).toLocaleString("en-US"));

/** One row per hourly profile of each site: data, station, distance, period, local / proxy / flat. */
export function siteDataTable(p: DataProvenance): string {
  const rows = p.sites.flatMap((s) =>
    s.profiles.map((x) => {
      const status = profileStatus(x);
      const station = x.station ? `${x.station.latitudeDeg.toFixed(2)}, ${x.station.longitudeDeg.toFixed(2)}` : "";
      const base = x.file === null ? "" : (x.file.split("/").pop() ?? x.file);
      const data = x.file === null ? esc(x.label) : `${esc(x.format)}: <code title="${esc(x.file)}">${esc(base)}</code>`;
      return `<tr><td>${esc(s.site)}</td><td>${esc(x.kind)}</td><td><span class="status ${status}">${status}</span></td><td class="n">${km(x.distanceKm)}</td><td>${esc(x.period)}</td><td>${station}</td><td>${data}</td></tr>`;
    }),
  );
  if (rows.length === 0) return "<p>No site has a <code>power</code> block: no hourly weather or grid data were used.</p>";
  return `<p class="tcap">Weather and grid data by site (distance from the site's <code>location</code>; proxy data are flagged in the diagnostics)</p><div class="scroll"><table class="site-data"><thead><tr><th>site</th><th class="t">profile</th><th class="t">status</th><th>distance km</th><th class="t">period</th><th class="t">station (lat, lon)</th><th class="t">data</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** The scenario's numbers grouped by how they are sourced, with each number's comment. */
export function scenarioNumbersList(p: DataProvenance): string {
  if (p.scenario.length === 0) return "<p>The scenario was given as data without comments: its numbers carry no sources.</p>";
  const counts = Object.entries(p.counts.scenarioByStatus).map(([k, v]) => `${v} ${esc(k)}`).join(", ");
  const rows = p.scenario
    .map((n) => `<tr><td><code>${esc(n.path)}</code></td><td class="n">${esc(n.value.toLocaleString("en-US", { maximumSignificantDigits: 8 }))}</td><td>${esc(n.unit)}</td><td>${esc(n.status)}</td><td class="wrap">${esc(n.comment ?? "")}</td></tr>`)
    .join("");
  return `<details><summary>The scenario's ${p.scenario.length} numbers and their sources (${counts}; the source is the comment nearest each number)</summary><div class="scroll"><table class="scenario-numbers"><thead><tr><th>path</th><th>value</th><th class="t">unit</th><th class="t">status</th><th class="t">source (scenario comment)</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}
