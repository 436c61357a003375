/** Plain-text rendering of a strategy comparison. */
import { renderTextTable } from "../core/text-table.ts";
import { formatValue } from "./simulation.ts";
import type { CompareReport } from "../strategy/compare.ts";

/** First column left, the rest right-aligned, no rule. */
const table = (header: string[], rows: string[][]): string => renderTextTable(header, rows).join("\n");

export function renderCompareReport(r: CompareReport): string {
  const out: string[] = [];
  const usd = (v: number): string => formatValue("Usd", v);
  const mw = (v: number): string => formatValue("itPowerMw", v);
  out.push(`Strategy comparison: ${r.paths} demand paths (${r.method}, seed ${r.seed}), ${r.months} months from ${r.startMonth}`);
  out.push(`  demand starts at ${mw(r.initialItMw)} IT; at the end of ${r.targetYear}: p5 ${mw(r.demandAtTargetMw.percentiles.p5)}, p50 ${mw(r.demandAtTargetMw.percentiles.p50)}, p95 ${mw(r.demandAtTargetMw.percentiles.p95)}`);
  out.push(`  costs per MW-month: shortfall ${usd(r.shortfallUsdPerMwMonth)}, idle ${usd(r.idleUsdPerMwMonth)} (ratio ${(r.shortfallUsdPerMwMonth / r.idleUsdPerMwMonth).toFixed(2)}); just-in-time lead time ${r.leadTimeMonths} months; staged gate ${(r.gateFraction * 100).toFixed(0)} % of committed capacity`);
  out.push("");
  out.push(
    table(
      ["strategy", "expected cost", "p5", "p95", "expected regret", "p95 regret", "P(best)", "shortfall GW-mo", "idle GW-mo", `MW end ${r.targetYear}`],
      r.strategies.map((s) => [
        s.name,
        usd(s.costUsd.mean),
        usd(s.costUsd.percentiles.p5),
        usd(s.costUsd.percentiles.p95),
        usd(s.regretUsd.mean),
        usd(s.regretUsd.percentiles.p95),
        `${(s.probabilityBest * 100).toFixed(1)}%`,
        (s.meanShortfallMwMonths / 1000).toFixed(1),
        (s.meanIdleMwMonths / 1000).toFixed(1),
        mw(s.meanCapacityAtTargetMw),
      ]),
    ),
  );
  const nv = r.newsvendor;
  out.push("", `Asymmetric bet (newsvendor): optimal IT capacity at the end of ${r.targetYear} for a shortfall/idle cost ratio`);
  out.push(table(["shortfall / idle", "critical ratio", "optimal capacity"], nv.curve.map((p) => [p.ratio.toString(), p.criticalRatio.toFixed(3), mw(p.optimalCapacityMw)])));
  out.push(`  at the stated costs (ratio ${nv.atCosts.ratio.toFixed(2)}): optimum ${mw(nv.atCosts.optimalCapacityMw)} (demand quantile ${nv.atCosts.criticalRatio.toFixed(3)})`);
  const implied = nv.plan.impliedRatioIsLowerBound ? `≥ ${nv.plan.impliedRatio.toFixed(0)} (above every demand path)` : nv.plan.impliedRatio.toFixed(2);
  out.push(`  the plan (${mw(nv.plan.capacityMw)}) sits at demand quantile ${nv.plan.demandQuantile.toFixed(3)}: optimal if a MW-month of shortfall costs ${implied} × a MW-month of idle capacity`);
  const lt = r.leadTimeRisk;
  if (lt) {
    const ltImplied = lt.impliedRatioIsLowerBound ? `≥ ${lt.impliedRatio.toFixed(0)}` : lt.impliedRatio.toFixed(2);
    out.push(
      "",
      `With time-to-power risk (every strategy faces the same delay per path: mean ${lt.delayMonths.mean?.toFixed(1)} months, p95 ${lt.delayMonths.percentiles.p95.toFixed(0)}):`,
      `  the plan's capacity at the end of ${r.targetYear}: mean ${mw(lt.planCapacityAtTargetMw.mean ?? NaN)}, p5 ${mw(lt.planCapacityAtTargetMw.percentiles.p5)}; it covers demand on ${(lt.planDemandQuantile * 100).toFixed(1)} % of paths`,
      `  implied shortfall/idle cost ratio ${ltImplied} (without the risk ${implied}): the costs and regrets above include the delays`,
    );
  }
  return `${out.join("\n")}\n`;
}
