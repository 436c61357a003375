/** Claims about electricity, energy projects and grids: C12, C13, C15, C16, C17, C18. */
import { type ClaimCtx, MissingData } from "../context.ts";
import { type Alternative, type ClaimedValue, combineParts, deviationFactor, judgeBenchmark, judgeFigure, judgeLabel, judgeReadings, withMixes } from "../judge.ts";
import { type Quantity, div, format, mul, qty, restate, scale, to } from "../../core/quantity.ts";
import type { ClaimTest } from "./types.ts";

const about = (q: Quantity): ClaimedValue => ({ bound: "about", low: q, high: q });

/** The site's first year at its highest annual facility electricity (the first full year after build-out). */
function fullYearEnergy(ctx: ClaimCtx, site: string): { year: number; mwh: number } {
  const t = ctx.inputs.model.tables.sitesYearly;
  const [iy, is, ie] = ["year", "site", "facilityEnergyMwh"].map((c) => t.columns.indexOf(c));
  const rows = t.rows.filter((r) => r[is] === site).map((r) => ({ year: Number(r[iy]), mwh: Number(r[ie]) }));
  const max = Math.max(...rows.map((r) => r.mwh));
  // within 1 % of the maximum: leap years (8784 h) are not mistaken for a larger fleet
  const first = rows.find((r) => r.mwh >= max * 0.99);
  // a scenario without the site the claim is about cannot judge it: unverifiable, with this reason
  if (!first || !(max > 0)) throw new MissingData(`the scenario has no site "${site}" using electricity in the model run`);
  return first;
}

/** C12: a 1 GW data center (El Paso) needs about as much electricity as San Francisco in a single day. */
export const c12: ClaimTest = (ctx) => {
  const site = ctx.context("site");
  const day = ctx.statedQty("period");
  const sf = ctx.evidence("sanFranciscoElectricity");
  const sfDay = mul(sf, day, "GWh", { measure: "electricity" });
  ctx.step(`San Francisco: ${format(sf)} = ${format(restate(sf, "GW"))} on average; in ${format(day)}: ${format(sfDay)} (energy)`);
  const dc = ctx.stated("dataCenter");
  const { year, mwh } = fullYearEnergy(ctx, ctx.context("site"));
  const dcYear = ctx.model(`tables.sitesYearly[site=${site},year=${year}].facilityEnergyMwh`, mwh, "MWh/year", `${site} facility electricity ${year} (first full year)`, { measure: "electricity" });
  const dcDay = mul(dcYear, day, "GWh", { measure: "electricity" });
  const facility = ctx.evidence("elPasoFacilityPower");
  const fullLoad = mul(facility, day, "GWh", { measure: "electricity" });
  ctx.step(`model: ${site} draws ${format(restate(dcYear, "GW"))} on average in ${year} (IT MW x utilization x PUE) = ${format(dcDay)} per day`);
  ctx.step(`at full load: ${format(facility)} x ${format(day)} = ${format(fullLoad)}`);
  return {
    test: "the claim's power (GW) against the city's energy in one day (GWh); coherent readings compare daily energies",
    parts: [
      judgeFigure("1 GW vs one day of San Francisco's electricity", dc, sfDay, ctx.tol, {
        alternatives: [
          { kind: "dimension", label: `modelled ${site} electricity per day`, actual: dcDay, claimed: about(sfDay) },
          { kind: "dimension", label: "1 GW at full load for one day", actual: fullLoad, claimed: about(sfDay) },
        ],
      }),
    ],
  };
};

/** C13: the average US data center used about 23 GWh per month in 2023. */
export const c13: ClaimTest = (ctx) => {
  const total = ctx.evidence("usDataCenterElectricity2023");
  const count = ctx.evidence("usDataCenterCount");
  const perDc = scale(restate(total, "GWh/month"), 1 / to(count, "count"));
  ctx.step(`average per data center = ${format(total)} / ${format(count)} = ${format(perDc)} = ${format(restate(perDc, "GWh/year"))}`);
  ctx.step("the count (Statista, March 2025) is later than 2023 and a floor ('more than'), so the 2023 average is at most this much higher");
  const stated = ctx.stated("perDataCenter");
  const asAnnual = qty(to(stated.low, "GWh/month"), "GWh/year", { measure: "electricity", scope: "US" });
  return {
    test: "US data-center electricity in 2023 / number of US data centers, per month",
    parts: [
      judgeFigure("electricity per data center", stated, perDc, ctx.tol, {
        alternatives: [{ kind: "period", label: "per year instead of per month", actual: restate(perDc, "GWh/year"), claimed: about(asAnnual) }],
      }),
    ],
  };
};

const EPRI_SCENARIOS = [
  ["epri2024GrowthLow", "low"],
  ["epri2024GrowthModerate", "moderate"],
  ["epri2024GrowthHigh", "high"],
  ["epri2024GrowthHighest", "highest"],
] as const;

/** C15: EPRI: US data-center electricity could grow 80 % from 2023 to 2030, doubling in the extreme scenario. */
export const c15: ClaimTest = (ctx) => {
  const years = ctx.evidenceYear("epriTargetYear") - ctx.evidenceYear("epriBaseYear");
  const scenarios = EPRI_SCENARIOS.map(([key, name]) => {
    const rate = ctx.evidence(key);
    const multiple = qty((1 + to(rate, "fraction")) ** years, "x");
    const growth = qty((to(multiple, "x") - 1) * 100, "%");
    ctx.step(`EPRI 2024 ${name}: ${format(rate)} per year for ${years} years -> x${format(multiple).replace(" x", "")} (+${format(growth)})`);
    return { name, multiple, growth };
  });
  const growth = ctx.stated("growth");
  const nonExtreme = scenarios.slice(0, -1).reduce((best, s) => (deviationFactor(s.growth, growth) < deviationFactor(best.growth, growth) ? s : best));
  const extreme = scenarios[scenarios.length - 1];
  const share2024 = ctx.evidenceRange("epri2024Share2030");
  const share2026 = ctx.evidenceRange("epri2026Share2030");
  ctx.step(`share of US electricity in 2030: EPRI 2024 ${format(share2024.low)}-${format(share2024.high)}; EPRI update of Feb 2026 ${format(share2026.low)}-${format(share2026.high)}`);
  return {
    test: "(1 + annual growth rate)^(2030 - 2023) for each EPRI 2024 scenario; 80 % against the nearest non-extreme scenario, doubling against the highest",
    parts: [
      judgeFigure(`growth 2023-2030 (nearest scenario: ${nonExtreme.name})`, growth, nonExtreme.growth, ctx.tol),
      judgeFigure(`extreme scenario (EPRI ${extreme.name})`, ctx.stated("extremeMultiple"), extreme.multiple, ctx.tol),
    ],
  };
};

/**
 * C16: data centers already take 25-50 % of Virginia's electricity. "Already" is today: each end of the stated range
 * against today's share; an end that matches only a projection (EPRI's for 2030, every source's reading of it) mixes
 * time frames, which the verdict says (a scope-mismatch), instead of a range that merely contains today's share.
 */
export const c16: ClaimTest = (ctx) => {
  const share = ctx.evidence("virginiaDcShare");
  const projections = ctx.readings("virginiaDcShare2030");
  const asOf = ctx.asOf("virginiaDcShare");
  ctx.step(`today: ${format(share)} (${asOf}${asOf > ctx.articleDate ? ", after the article: no earlier state figure in data/; the share only grew, so at the article's date it was at most this" : ""})`);
  for (const p of projections) ctx.step(`projection for 2030, ${p.label} (${p.asOf}): ${p.shown}`);
  const stated = ctx.stated("share");
  const end = (which: "low" | "high"): ClaimedValue => ({ bound: "about", low: stated[which], high: stated[which] });
  const alternatives = (c: ClaimedValue): Alternative[] =>
    projections
      .filter((p) => p.high && deviationFactor(c.low, { bound: "range", low: p.actual, high: p.high }) === 1)
      .map((p) => ({ kind: "timeframe" as const, label: `EPRI's projection for 2030 as reported by ${p.label} (${p.shown})`, actual: c.low }));
  const parts = (["low", "high"] as const).map((w) => judgeFigure(`${w} end of the range vs today's share`, end(w), share, ctx.tol, { alternatives: alternatives(end(w)) }));
  const whole = combineParts(parts);
  const mixes = whole.verdict === "scope-mismatch" ? [`time frames: 'already' ${format(stated.low)} is today's share, ${format(stated.high)} lies only within the projection for 2030`] : [];
  return { test: "each end of the stated range vs today's sourced share; an end matching only the 2030 projection mixes time frames", parts: parts.map((p) => (p.verdict === "scope-mismatch" ? withMixes(p, mixes) : p)) };
};

/** C17: Engie: 600 MW solar, Stonewall County TX, $900M, online 2027. */
export const c17: ClaimTest = (ctx) => {
  const capacity = ctx.evidence("engieSwensonCapacity");
  const cost = ctx.evidence("engieSwensonCost");
  const perW = div(cost, capacity, "USD/W");
  const atb = ctx.evidence("atbUtilityPvCapex2025");
  ctx.step(`cost per watt = ${format(cost)} / ${format(capacity)} = ${format(perW)}; NREL ATB 2024 utility PV 2025: ${format(atb)} = ${format(restate(atb, "USD/W"))} (2022 USD)`);
  const online = ctx.evidenceYear("engieSwensonOnlineYear");
  return {
    test: "project data vs the claim; $/W against the NREL ATB utility-PV benchmark",
    parts: [
      judgeFigure("capacity", ctx.stated("capacity"), capacity, ctx.tol),
      judgeFigure("investment", ctx.stated("cost"), cost, ctx.tol),
      judgeLabel("location", ctx.context("county"), ctx.evidenceText("engieSwensonCounty")),
      judgeLabel("online year", ctx.context("onlineYear"), String(online), { sourceAfterArticle: ctx.asOf("engieSwensonOnlineYear") > ctx.articleDate }),
      judgeBenchmark("cost per watt", perW, atb, ctx.tol, "investment / capacity"),
    ],
  };
};

/**
 * C18: Louisiana: three new gas plants with 2.2 GW in total; at least 1,500 MW of new renewables. Every source's
 * figure is judged (capacity: Entergy's 2,262 MW and a later report's 2,200 MW; renewables: Meta's "at least" and
 * the LPSC's "up to"), and the claim's mix of owners and dates is said.
 */
export const c18: ClaimTest = (ctx) => {
  const capacity = ctx.readings("entergyMetaGasCapacity");
  for (const c of capacity) ctx.step(`combined capacity of the plants, ${c.label} (${c.asOf}): ${c.shown} = ${format(restate(c.actual, "GW"))}`);
  const renewables = ctx.readings("metaLouisianaRenewables");
  for (const r of renewables) ctx.step(`new renewables, ${r.label} (${r.asOf}): ${r.shown}`);
  const plants = ctx.evidence("entergyMetaPlants");
  const plantsAsOf = ctx.asOf("entergyMetaPlants");
  const renewablesFirst = renewables.map((r) => r.asOf).sort()[0];
  const mixes =
    renewablesFirst < plantsAsOf
      ? [`owners and dates: the gas plants are Entergy Louisiana's, approved by the LPSC on ${plantsAsOf} (two in Richland Parish for late 2028, one at Waterford, St. Charles Parish, for 2029); the renewables are Meta's commitment of ${renewablesFirst}, which the LPSC approval turned into a solar procurement by Entergy`]
      : [];
  return {
    test: "LPSC-approved plants, their combined capacity and the renewable commitment vs the claim, under every source's figure",
    parts: [
      withMixes(judgeFigure("gas plants", ctx.stated("plants"), plants, ctx.tol), mixes),
      judgeReadings("gas capacity", ctx.stated("gasCapacity"), capacity, ctx.tol, ctx.articleDate),
      judgeReadings("new renewables", ctx.stated("renewables"), renewables, ctx.tol, ctx.articleDate),
    ],
  };
};
