/** Claims tested with the model run of the scenario: C14, C26, C28, C29. */
import type { ClaimCtx } from "../context.ts";
import { judgeExceeds, judgeFigure, judgeLabel, unverifiable } from "../judge.ts";
import { type Quantity, div, format, formatNumber, minus, mul, qty, restate, sum, to } from "../../core/quantity.ts";
import type { ClaimTest } from "./types.ts";

const argmax = (rec: Record<string, number>): string => Object.keys(rec).reduce((a, b) => (rec[b] > rec[a] ? b : a));

/**
 * C14: Meta's combined AI data centers could need several dozen GW. Judged against what Meta announced (the named
 * campuses at their stated end states), not against the scenario: the scenario's phases are gigaplan's assumptions,
 * so its peak is shown for context only. The claim has no date; the announcements are end states over several years.
 */
export const c14: ClaimTest = (ctx) => {
  const campuses = ["hyperionFullBuildOut", "prometheusFacilityPower", "elPasoFacilityPower"].map((k) => ctx.evidence(k));
  const announced = sum(campuses, "GW");
  ctx.step(`announced campuses at their end states: ${campuses.map((q) => format(restate(q, "GW"))).join(" + ")} = ${format(announced)} of facility power (no date: Hyperion's 5 GW is "over several years")`);
  const s = ctx.inputs.model.summary;
  const peakYear = argmax(s.facilityPowerMwByYear);
  const peak = ctx.model(`summary.facilityPowerMwByYear.${peakYear}`, s.facilityPowerMwByYear[peakYear], "MW", `facility power at its modelled peak (${peakYear})`, { measure: "facilityPower" }, { assumption: true });
  ctx.step(`for context only (not the verdict): the scenario, whose unallocated capacity is an assumption, peaks at ${format(restate(peak, "GW"))} in ${peakYear}`);
  return {
    test: "announced campus capacity (Hyperion 5 GW, Prometheus 1 GW, El Paso 1 GW) vs 'several dozen GW'; the model run is context, not evidence",
    parts: [judgeFigure("facility power", ctx.stated("power"), announced, ctx.tol)],
  };
};

/** All-in watts of one accelerator of a generation: the system-level figure where published x network/storage, else TDP x overhead. */
function allInW(ctx: ClaimCtx, gen: string): Quantity | null {
  const ref = ctx.inputs.reference;
  const spec = Object.hasOwn(ref.accelerators, gen) ? ref.accelerators[gen] : undefined;
  if (!spec) return null;
  if (spec.systemWPerAccelerator !== undefined) {
    const sys = ctx.reference("data/accelerators.json", `accelerators.${gen}.systemWPerAccelerator`, spec.systemWPerAccelerator, "W", `${gen} system W per accelerator`);
    const k = ref.facility.networkStorageOverheadFactor;
    ctx.reference("data/facility.json", "networkStorageOverheadFactor", k, "x", "network and storage outside the server or rack");
    return qty(to(sys, "W") * k, "W");
  }
  const tdp = ctx.reference("data/accelerators.json", `accelerators.${gen}.tdpW`, spec.tdpW, "W", `${gen} TDP`);
  const k = ctx.inputs.reference.facility.itOverheadFactorPerTdp;
  ctx.reference("data/facility.json", "itOverheadFactorPerTdp", k, "x", "IT overhead per accelerator TDP");
  return qty(to(tdp, "W") * k, "W");
}

/** C26: a 1 GW data center needs 50,000-200,000 high-end GPUs. */
export const c26: ClaimTest = (ctx) => {
  const s = ctx.inputs.model.summary;
  const year = String(ctx.evidenceYear("metaUsPledgeEndYear"));
  const gpus = ctx.model(`summary.acceleratorsByYear.${year}`, s.acceleratorsByYear[year], "count", `accelerators installed at the end of ${year}`);
  const facility = ctx.model(`summary.facilityPowerMwByYear.${year}`, s.facilityPowerMwByYear[year], "MW", `facility power at the end of ${year}`);
  const it = ctx.model(`summary.itPowerMwByYear.${year}`, s.itPowerMwByYear[year], "MW", `IT power at the end of ${year}`);
  const pue = div(facility, it, "x");
  const power = ctx.statedQty("power");
  const perGw = mul(div(gpus, facility, "count/MW"), power, "count");
  ctx.step(`fleet: ${format(gpus)} / ${format(facility)} x ${format(power)} = ${format(perGw)} (facility/IT = ${format(pue)})`);
  for (const gen of Object.keys(s.acceleratorsByGenerationByYear).sort()) {
    const w = allInW(ctx, gen);
    if (w) ctx.step(`${gen}: ${format(power)} / (${format(w)} x ${format(pue)}) = ${formatNumber(power.si / (w.si * to(pue, "x")), 3)} accelerators`);
  }
  return { test: "accelerators per GW of facility power in the modelled fleet (all-in W per accelerator x PUE)", parts: [judgeFigure("GPUs per GW", ctx.stated("gpus"), perGw, ctx.tol)] };
};

/** Capital recovery factor: the annual payment per unit of capital at rate r over n years. */
export const capitalRecoveryFactor = (r: number, years: number): number => (r === 0 ? 1 / years : r / (1 - (1 + r) ** -years));

/** C28: under extreme uncertainty, under-investment costs more than over-investment. */
export const c28: ClaimTest = (ctx) => {
  const { reference: ref, scenario, model } = ctx.inputs;
  const econ = scenario.economics;
  if (!econ) return { test: "newsvendor costs per MW-year", parts: [unverifiable("asymmetry", "the scenario has no economics block (discount rate, revenue per MW)")] };
  const perMwYear = "USD/MW·year";
  const r = ctx.model("scenario.economics.discountRateFractionPerYear", econ.discountRateFractionPerYear, "fraction", "discount rate (scenario assumption)", {}, { assumption: true });
  const cx = ref.capexPerMw;
  const facility = sum((["shellCoreUsdPerMw", "electricalMechanicalUsdPerMw", "siteLandOtherUsdPerMw"] as const).map((k) => ctx.reference("data/capex-per-mw.json", k, cx[k], "USD/MW", `facility capex per MW IT: ${k}`)), "USD m/MW");
  const phases = model.tables.phases;
  const [iMw, iIt] = ["itPowerMw", "firstFleetItCapexUsd"].map((c) => phases.columns.indexOf(c));
  const itCapex = ctx.model("tables.phases[*].firstFleetItCapexUsd / itPowerMw", phases.rows.reduce((a, row) => a + Number(row[iIt]), 0) / phases.rows.reduce((a, row) => a + Number(row[iMw]), 0), "USD/MW", "first-fleet IT capex per MW IT (program average)");
  const lifeF = ctx.reference("data/facility.json", "facilityLifeYears", ref.facility.facilityLifeYears, "year", "facility life");
  const lifeIt = ctx.reference("data/facility.json", "serverLifeYears", ref.facility.serverLifeYears, "year", "server life");
  const crf = (life: Quantity) => capitalRecoveryFactor(to(r, "fraction"), to(life, "year"));
  const capital = qty(to(facility, "USD/MW") * crf(lifeF) + to(itCapex, "USD/MW") * crf(lifeIt), perMwYear);
  const staff = mul(ctx.reference("data/opex.json", "staffPerMw", ref.opex.staffPerMw, "count/MW", "staff per MW"), ctx.reference("data/opex.json", "staffCostUsdPerYear", ref.opex.staffCostUsdPerYear, "USD/count·year", "cost per staff member per year"), perMwYear);
  const maintenance = qty(to(facility, "USD/MW") * ctx.inputs.reference.opex.maintenanceFractionPerYear, perMwYear);
  ctx.reference("data/opex.json", "maintenanceFractionPerYear", ref.opex.maintenanceFractionPerYear, "fraction", "maintenance per year, fraction of facility capex");
  const overage = sum([capital, staff, maintenance], perMwYear);
  const mwhPerMwYear = ref.facility.utilizationFraction * ref.facility.pue * 8760;
  ctx.reference("data/facility.json", "utilizationFraction", ref.facility.utilizationFraction, "fraction", "utilization");
  ctx.reference("data/facility.json", "pue", ref.facility.pue, "x", "PUE");
  const price = ctx.reference("data/opex.json", "energyPriceUsdPerMwh", ref.opex.energyPriceUsdPerMwh, "USD/MWh", "electricity price");
  const energy = qty(to(price, "USD/MWh") * mwhPerMwYear, perMwYear);
  const breakEven = sum([overage, energy], perMwYear);
  const m = (q: Quantity) => format(q, "USD m/MW·year");
  ctx.step(`idle capacity (over-investment) per MW-year: capital ${m(capital)} (facility ${format(facility)} over ${format(lifeF)}, IT ${format(itCapex, "USD m/MW")} over ${format(lifeIt)}, at ${format(restate(r, "%"))}) + staff ${m(staff)} + maintenance ${m(maintenance)} = ${m(overage)}`);
  ctx.step(`missing capacity (under-investment) per MW-year: revenue - energy ${m(energy)}; break-even revenue = ${m(breakEven)}`);
  const ratio = (rev: Quantity) => (rev.si - energy.si) / (rev.si - energy.si + overage.si);
  const perMw = econ.revenueUsdPerMwItYear;
  if (perMw !== undefined) {
    const assumed = ctx.model("scenario.economics.revenueUsdPerMwItYear", perMw, perMwYear, "revenue per MW-year (scenario assumption)", {}, { assumption: true });
    ctx.step(`with the scenario's assumed ${m(assumed)}: critical ratio (under-cost / (under-cost + over-cost)) = ${formatNumber(ratio(assumed), 3)}`);
  } else {
    ctx.step("the scenario's revenue follows compute (per PFLOP/s-year, falling with the compute price), so it states no revenue per MW-year to set against the break-even");
  }
  const part = ctx.has("aiComputeRevenuePerMwItYear")
    ? judgeExceeds("under-investment vs over-investment cost", minus(ctx.evidence("aiComputeRevenuePerMwItYear"), energy, perMwYear), overage, ctx.tol, "lost margin / idle-capacity cost per MW-year")
    : unverifiable("under-investment vs over-investment cost", `no sourced revenue per MW-year of AI capacity in data/ (${perMw !== undefined ? `the scenario's ${m(qty(perMw, perMwYear))} is an assumption` : "the scenario's revenue per compute is an assumption"}); the asymmetry holds only if revenue exceeds the break-even ${m(breakEven)}`);
  return { test: "newsvendor comparison per MW-year: margin lost by missing capacity vs carrying cost of idle capacity (annualized capex at the scenario's discount rate + fixed opex)", parts: [part] };
};

/** C29: Louisiana uses closed-loop liquid cooling; Meta will be water-positive by 2030. */
export const c29: ClaimTest = (ctx) => {
  const site = ctx.context("site");
  const cooling = ctx.has("hyperionCooling")
    ? judgeLabel("Louisiana cooling", "closed-loop", ctx.evidenceText("hyperionCooling"))
    : unverifiable("Louisiana cooling", `no sourced statement on ${site}'s cooling design in data/; the closed-loop statement in data/ is for El Paso: "${ctx.evidenceText("elPasoCooling")}"`);
  const target = ctx.evidenceYear("metaWaterPositiveYear");
  const water = ctx.inputs.model.summary.waterMegalitersByYear[String(target)];
  const wue = ctx.reference("data/facility.json", "wueLPerKwh", ctx.inputs.reference.facility.wueLPerKwh, "L/kWh", "water usage effectiveness");
  const use = ctx.model(`summary.waterMegalitersByYear.${target}`, water ?? 0, "ML/year", `program water use ${target} (WUE x IT energy)`, { measure: "water" });
  const restored = ctx.evidence("metaWaterRestored2024");
  const planned = ctx.evidenceRange("metaWaterRestorationPlanned");
  ctx.step(`model: the program uses ${format(use)} in ${target} at ${format(wue)} (${format(restate(use, "bn gal/year"))})`);
  ctx.step(`Meta restored ${format(restored)} in 2024 (${format(restate(restored, "ML/year"))}); current projects fully implemented: ${format(planned.low)}-${format(planned.high)}, i.e. ${formatNumber(planned.high.si / use.si, 3)} x the program's use at most`);
  const asOfYear = Number(ctx.dataAsOf.slice(0, 4));
  const positive =
    target > asOfYear
      ? unverifiable("water-positive by " + target, `a ${target} goal cannot be verified with data as of ${ctx.dataAsOf}; restoration planned so far covers at most ${formatNumber((planned.high.si / use.si) * 100, 3)} % of the modelled program's use`)
      : judgeExceeds("water-positive by " + target, restored, use, ctx.tol, `restored water vs the modelled program's use in ${target}`);
  return { test: "water balance: modelled program water use (WUE x IT energy) vs Meta's restoration volumes; cooling design from sourced statements", parts: [cooling, positive] };
};
