/**
 * Apply defaults from reference data and check what the schema alone cannot: cross references,
 * dates inside the horizon, fleet shares, plausibility warnings. Pure: data in, data out.
 */
import { type Diagnostic, type Outcome, dedupe, error, hasErrors, info, keyPath, warning } from "../core/diagnostics.ts";
import { makeTimeline, monthIndex, monthNumber } from "../core/months.ts";
import type { ReferenceData } from "../data/index.ts";
import { type ScenarioDefaults, scenarioDefaults } from "./defaults.ts";
import { ownValue } from "../core/keys.ts";
import { outsideHorizon, unknownAccelerator, unknownGridRegion, unknownServingUtility } from "./messages.ts";
import type { Scenario } from "./schema.ts";
import type { ResolvedAccelerator, ResolvedEconomics, ResolvedPhase, ResolvedScenario, ResolvedSite, ResolvedUnmodelledCapex } from "./resolved.ts";
import { NEWEST_GENERATION_KEY as NEWEST, newestGenerationOf, resolveAccelerators, withProjectedGenerations } from "./resolve-accelerators.ts";
import { resolveCompany } from "./resolve-company.ts";
import { resolveSitePower } from "./resolve-power.ts";
import { resolveFinancing } from "./resolve-financing.ts";

const MAX_HORIZON_MONTHS = 100 * 12;

export function resolveScenario(s: Scenario, ref: ReferenceData): Outcome<ResolvedScenario | null> {
  const ds: Diagnostic[] = [];
  const d = scenarioDefaults(ref);
  const p = s.program;
  const startN = monthNumber(p.horizonStartMonth);
  const endN = monthNumber(p.horizonEndMonth);
  if (endN < startN) {
    ds.push(error("program.horizonEndMonth", `must not be before horizonStartMonth (${p.horizonStartMonth})`));
  } else if (endN - startN + 1 > MAX_HORIZON_MONTHS) {
    ds.push(error("program.horizonEndMonth", `horizon is longer than ${MAX_HORIZON_MONTHS / 12} years`));
  }
  if (hasErrors(ds)) return { value: null, diagnostics: ds };
  const timeline = makeTimeline(p.horizonStartMonth, p.horizonEndMonth);
  const firstYear = timeline.years[0];
  const lastYear = timeline.years[timeline.years.length - 1];

  const capitalPlanUsdByYearIndex = new Float64Array(timeline.years.length);
  for (const [yearText, usd] of Object.entries(p.capitalPlanUsdByYear)) {
    const y = Number(yearText);
    if (y < firstYear || y > lastYear) {
      ds.push(warning(keyPath("program.capitalPlanUsdByYear", yearText), `year is outside the horizon ${firstYear}-${lastYear}; ignored`));
    } else capitalPlanUsdByYearIndex[y - firstYear] = usd;
  }

  const unmodelledCapex = resolveUnmodelledCapex(p.unmodelledCapex, timeline.years, ds);
  const accelerators = resolveAccelerators(s, ref, ds);
  const withProjected = withProjectedGenerations(accelerators, ref.acceleratorRoadmap, lastYear);
  const sites: ResolvedSite[] = [];
  const phases: ResolvedPhase[] = [];
  const siteNames = new Set<string>();
  s.sites.forEach((site, si) => {
    const sitePath = `sites[${si}]`;
    if (siteNames.has(site.name)) ds.push(error(`${sitePath}.name`, `duplicate site name "${site.name}"`));
    siteNames.add(site.name);
    const region = ownValue(ref.gridRegions, site.gridRegion);
    if (!region) {
      ds.push(unknownGridRegion(`${sitePath}.gridRegion`, site.gridRegion, Object.keys(ref.gridRegions)));
    }
    const utility = site.gridServingUtility === undefined ? undefined : ownValue(ref.gridServingUtilities, site.gridServingUtility);
    if (site.gridServingUtility !== undefined && !utility) {
      ds.push(unknownServingUtility(`${sitePath}.gridServingUtility`, site.gridServingUtility, Object.keys(ref.gridServingUtilities)));
    } else if (utility && region && utility.region !== site.gridRegion) {
      ds.push(warning(`${sitePath}.gridServingUtility`, `serving utility "${site.gridServingUtility}" lies in grid region ${utility.region}, not in the site's gridRegion ${site.gridRegion}`));
    }
    sites.push({
      name: site.name,
      state: site.state,
      gridRegion: site.gridRegion,
      gridRegionAnnualLoadMwh: region?.annualLoadMwh ?? Number.NaN,
      gridRegionCo2KgPerMwh: region?.co2KgPerMwh ?? Number.NaN,
      gridRegionGenerationMixFraction: region?.generationMixFraction ?? {},
      gridServingUtility: utility && site.gridServingUtility !== undefined ? { name: site.gridServingUtility, annualLoadMwh: utility.annualLoadMwh } : null,
      power: site.power ? resolveSitePower(site.power, ref, `${sitePath}.power`, timeline.years, ds, { ...d.opex, ...definedOnly(s.opex) }.energyPriceUsdPerMwh) : undefined,
    });
    site.phases.forEach((ph, pi) => {
      const path = `${sitePath}.phases[${pi}]`;
      const pue = ph.pue ?? s.facility.pue ?? d.facility.pue;
      checkPue(pue, ph.pue !== undefined ? `${path}.pue` : "facility.pue", ds);
      const start = monthIndex(timeline, ph.constructionStartMonth);
      if (start < 0 || start >= timeline.months) {
        ds.push(outsideHorizon(`${path}.constructionStartMonth`, ph.constructionStartMonth, p.horizonStartMonth, p.horizonEndMonth));
      } else if (start + ph.constructionMonths >= timeline.months) {
        ds.push(warning(`${path}.constructionMonths`, "the phase cannot come online before the horizon ends"));
      }
      let interconnectionIndex = -1;
      if (ph.interconnectionMonth !== undefined) {
        interconnectionIndex = monthIndex(timeline, ph.interconnectionMonth);
        if (interconnectionIndex < 0 || interconnectionIndex >= timeline.months) {
          ds.push(outsideHorizon(`${path}.interconnectionMonth`, ph.interconnectionMonth, p.horizonStartMonth, p.horizonEndMonth));
        }
      }
      // `newest`: the newest generation available in the year the phase is requested online, power delay included (as
      // a refresh buys); a later start for want of capital or chips does not change it
      const requestedOnlineYear = timeline.years[timeline.yearIndex[Math.min(timeline.months - 1, Math.max(0, start + ph.constructionMonths, interconnectionIndex) + (ph.powerDelayMonths ?? 0))]];
      const fleetMix = checkFleetMix(withNewest(ph.fleetMix, withProjected, requestedOnlineYear), withProjected, `${path}.fleetMix`, ds);
      phases.push({
        label: `${site.name}/${ph.name}`,
        path,
        siteIndex: si,
        siteName: site.name,
        name: ph.name,
        itPowerMw: ph.itPowerMw,
        pue,
        requestedStartIndex: start,
        constructionMonths: ph.constructionMonths,
        interconnectionIndex,
        powerDelayMonths: ph.powerDelayMonths ?? 0,
        leased: ph.facilityOwnership === "leased",
        fleetMix,
      });
    });
  });

  holdUnallocatedToNamedBuildTime(s, phases, ds);

  const supplyUnitsByYearIndex: Record<string, Float64Array> = {};
  for (const [gen, byYear] of Object.entries(s.acceleratorSupplyUnitsByYear)) {
    if (!Object.hasOwn(accelerators, gen)) {
      ds.push(unknownAccelerator(keyPath("acceleratorSupplyUnitsByYear", gen), gen));
      continue;
    }
    const arr = new Float64Array(timeline.years.length).fill(Number.POSITIVE_INFINITY);
    for (const [yearText, units] of Object.entries(byYear)) {
      const y = Number(yearText);
      if (y >= firstYear && y <= lastYear) arr[y - firstYear] = units;
    }
    supplyUnitsByYearIndex[gen] = arr;
  }

  const refreshGeneration = s.assetLives.refreshGeneration ?? null;
  if (refreshGeneration !== null && !Object.hasOwn(accelerators, refreshGeneration)) {
    ds.push(unknownAccelerator("assetLives.refreshGeneration", refreshGeneration));
  }
  const basis = ref.acceleratorRoadmap.projectionBasis;
  if (s.assetLives.refreshAtEndOfLife && refreshGeneration === null && Object.hasOwn(accelerators, basis) && lastYear > accelerators[basis].firstYearAvailable) {
    ds.push(
      info(
        "assetLives.refreshGeneration",
        `IT refreshes buy the newest generation available in their year: announced ones up to ${basis} (${accelerators[basis].firstYearAvailable}), after that a projected one with ${basis}'s power and price and FLOP/s doubling every ${ref.acceleratorRoadmap.flopPerSPerUsdDoublingYears} years (price-performance trend; an assumption)`,
      ),
    );
  }
  const utilizationFraction = s.facility.utilizationFraction ?? d.facility.utilizationFraction;
  if (utilizationFraction === 0) ds.push(warning("facility.utilizationFraction", "is 0: no energy will be used"));
  if (s.economics === undefined) {
    ds.push(info("economics", "no revenue assumption: program NPV and IRR are not computed"));
  }
  const company = resolveCompany(s, ref, timeline.years, ds);
  const financing = resolveFinancing(s.financing, ref, { timeline, sites, phases, discountRateFractionPerYear: s.economics?.discountRateFractionPerYear ?? null }, ds);
  if (hasErrors(ds)) return { value: null, diagnostics: dedupe(ds) };

  const lives = s.assetLives;
  const value: ResolvedScenario = {
    name: p.name,
    currencyBaseYear: p.currencyBaseYear,
    timeline,
    capitalPlanUsdByYearIndex,
    unspentCapitalCarriesOver: p.unspentCapitalCarriesOver,
    unmodelledCapex,
    escalationFractionPerYear: p.escalationFractionPerYear,
    sites,
    phases,
    accelerators: withProjected,
    supplyUnitsByYearIndex,
    utilizationFraction,
    wueLPerKwh: s.facility.wueLPerKwh ?? d.facility.wueLPerKwh,
    gridWaterConsumptionGalPerMwhByFuel: ref.gridWater.consumptionGalPerMwhByFuel,
    serverLifeMonths: Math.round(12 * (lives.serverLifeYears ?? d.assetLives.serverLifeYears)),
    facilityLifeMonths: Math.round(12 * (lives.facilityLifeYears ?? d.assetLives.facilityLifeYears)),
    electricalMechanicalLifeMonths: Math.round(12 * (lives.electricalMechanicalLifeYears ?? d.assetLives.electricalMechanicalLifeYears)),
    refreshAtEndOfLife: lives.refreshAtEndOfLife,
    refreshGeneration,
    capexPerMw: { ...d.capexPerMw, ...definedOnly(s.capexPerMw) },
    opex: { ...d.opex, ...definedOnly(s.opex) },
    company,
    economics: s.economics ? resolveEconomics(s.economics, phases, withProjected, ref) : null,
    jobs: { ...d.jobs, ...definedOnly(s.jobs) },
    embodiedCarbon: resolveEmbodiedCarbon(s, d, accelerators, ds, ref),
    financing,
  };
  return { value, diagnostics: dedupe(ds) };
}

function resolveEmbodiedCarbon(
  s: Scenario,
  d: ScenarioDefaults,
  accelerators: Record<string, ResolvedAccelerator>,
  ds: Diagnostic[],
  ref: ReferenceData,
): ResolvedScenario["embodiedCarbon"] {
  const { kgCo2ePerAcceleratorByGeneration: byGen, ...flat } = s.embodiedCarbon;
  for (const gen of Object.keys(byGen)) {
    if (!ownValue(accelerators, gen)) ds.push(unknownAccelerator(keyPath("embodiedCarbon.kgCo2ePerAcceleratorByGeneration", gen), gen, Object.keys(accelerators)));
  }
  const f = { ...d.embodiedCarbon, ...definedOnly(flat) };
  const op = ref.powerCosts.operation;
  // the IPCC life-cycle figure is for a combined cycle: its part above combustion, per MMBtu, scales with fuel burnt
  const referenceHeatRate = op.gasHeatRateLhvMmbtuPerMwh * op.naturalGasHhvPerLhvRatio;
  const gasUpstreamKgCo2ePerMmbtu = Math.max(0, f.gasLifecycleKgCo2ePerMwh - referenceHeatRate * op.gasCo2KgPerMmbtu) / referenceHeatRate;
  return { ...f, kgCo2ePerAcceleratorByGeneration: { ...byGen }, batteryLifeYears: ref.powerCosts.technologies.batteryEnergy.lifetimeYears, gasUpstreamKgCo2ePerMmbtu, gasCo2KgPerMmbtu: op.gasCo2KgPerMmbtu };
}

function checkPue(pue: number, path: string, ds: Diagnostic[]): void {
  if (pue < 1.05) ds.push(warning(path, `PUE ${pue} is below 1.05, lower than any reported fleet average`));
  if (pue > 2) ds.push(warning(path, `PUE ${pue} is above 2, far above modern hyperscale facilities`));
}

/** A fleet mix with its `newest` share given to the newest generation available in `year` (merged with a named share). */
function withNewest(mix: Record<string, number>, accelerators: Record<string, ResolvedAccelerator>, year: number): Record<string, number> {
  if (!Object.hasOwn(mix, NEWEST)) return mix;
  const { [NEWEST]: share, ...named } = mix;
  const gen = newestGenerationOf(accelerators, Object.keys(accelerators), year);
  return { ...named, [gen]: (named[gen] ?? 0) + share };
}

function checkFleetMix(
  mix: Record<string, number>,
  accelerators: Record<string, ResolvedAccelerator>,
  path: string,
  ds: Diagnostic[],
): { generation: string; fraction: number }[] {
  const out: { generation: string; fraction: number }[] = [];
  let sum = 0;
  for (const [gen, fraction] of Object.entries(mix)) {
    if (!Object.hasOwn(accelerators, gen)) {
      ds.push(unknownAccelerator(keyPath(path, gen), gen, Object.keys(accelerators)));
    }
    sum += fraction;
    if (fraction > 0) out.push({ generation: gen, fraction });
  }
  if (out.length === 0) ds.push(error(path, "must name at least one accelerator generation with a share > 0"));
  else if (Math.abs(sum - 1) > 1e-6) ds.push(error(path, `shares must sum to 1 (they sum to ${round6(sum)})`));
  return out;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The revenue form of the scenario, with the compute price decline defaulting to the price-performance trend. */
function resolveEconomics(
  e: NonNullable<Scenario["economics"]>,
  phases: readonly ResolvedPhase[],
  accelerators: Record<string, ResolvedAccelerator>,
  ref: ReferenceData,
): ResolvedEconomics {
  if (e.revenueUsdPerPflopSYear === undefined) {
    return { revenueUsdPerPflopSYear: null, computePriceDeclineFractionPerYear: 0, revenueUsdPerMwItYear: e.revenueUsdPerMwItYear ?? 0, discountRateFractionPerYear: e.discountRateFractionPerYear };
  }
  let mw = 0;
  let pflopS = 0;
  for (const ph of phases) {
    mw += ph.itPowerMw;
    for (const f of ph.fleetMix) {
      const a = accelerators[f.generation];
      pflopS += (ph.itPowerMw * f.fraction * 1e6 * a.denseBf16FlopPerS) / a.allInWPerAccelerator / 1e15;
    }
  }
  const decline = e.computePriceDeclineFractionPerYear ?? 1 - 2 ** (-1 / ref.acceleratorRoadmap.flopPerSPerUsdDoublingYears);
  return {
    revenueUsdPerPflopSYear: e.revenueUsdPerPflopSYear,
    computePriceDeclineFractionPerYear: decline,
    revenueUsdPerMwItYear: mw > 0 ? (e.revenueUsdPerPflopSYear * pflopS) / mw : 0,
    discountRateFractionPerYear: e.discountRateFractionPerYear,
  };
}

/** The capex no modelled campus explains: stated amounts and residual years on the timeline. */
function resolveUnmodelledCapex(u: Scenario["program"]["unmodelledCapex"], years: readonly number[], ds: Diagnostic[]): ResolvedUnmodelledCapex | null {
  if (!u) return null;
  const path = "program.unmodelledCapex";
  const first = years[0];
  const residualByYearIndex = years.map(() => false);
  const usdByYearIndex = new Float64Array(years.length);
  u.residualOfCapitalPlanYears.forEach((y, i) => {
    if (y < first || y > years[years.length - 1]) ds.push(warning(`${path}.residualOfCapitalPlanYears[${i}]`, `year ${y} is outside the horizon ${first}-${years[years.length - 1]}; ignored`));
    else residualByYearIndex[y - first] = true;
  });
  for (const [yearText, usd] of Object.entries(u.usdByYear)) {
    const y = Number(yearText);
    if (y < first || y > years[years.length - 1]) ds.push(warning(keyPath(`${path}.usdByYear`, yearText), `year is outside the horizon ${first}-${years[years.length - 1]}; ignored`));
    else if (residualByYearIndex[y - first]) ds.push(error(keyPath(`${path}.usdByYear`, yearText), `${y} is also a residual year: the residual already takes what the campuses do not spend`));
    else usdByYearIndex[y - first] = usd;
  }
  return { description: u.description, residualByYearIndex, usdByYearIndex };
}

/**
 * Capacity without a site never builds in less time than a named campus: each phase of an `unallocated` site takes
 * at least the shortest build time (construction, or until its interconnection date if later) of any phase of a
 * named site; a shorter phase is lengthened with a warning, and a phase without an interconnection month is flagged.
 */
function holdUnallocatedToNamedBuildTime(s: Scenario, phases: ResolvedPhase[], ds: Diagnostic[]): void {
  const named = phases.filter((ph) => !s.sites[ph.siteIndex].unallocated);
  const buildMonths = (ph: ResolvedPhase): number => Math.max(ph.constructionMonths, ph.interconnectionIndex >= 0 ? ph.interconnectionIndex - ph.requestedStartIndex : 0);
  const minMonths = named.length > 0 ? Math.min(...named.map(buildMonths)) : 0;
  const quickest = named.find((ph) => buildMonths(ph) === minMonths);
  const phaseInSite = new Map<ResolvedPhase, number>();
  for (const ph of phases) phaseInSite.set(ph, [...phaseInSite.keys()].filter((q) => q.siteIndex === ph.siteIndex).length);
  for (const ph of phases) {
    if (!s.sites[ph.siteIndex].unallocated) continue;
    if (ph.constructionMonths < minMonths) {
      ds.push(warning(`${ph.path}.constructionMonths`, `capacity without a site builds no faster than a named campus: ${ph.constructionMonths} months raised to ${minMonths} (${quickest!.label})`));
      ph.constructionMonths = minMonths;
    }
    if (s.sites[ph.siteIndex].phases[phaseInSite.get(ph)!].interconnectionMonth === undefined) ds.push(warning(`${ph.path}.interconnectionMonth`, "capacity without a site has no interconnection month: grid delays cannot bind (state one, as for a named campus)"));
  }
}
