/** The pure monthly model: resolved scenario in, arrays by site and month out. */
import { type BuildSchedule, scheduleBuild } from "./schedule.ts";
import { type Capacity, computeCapacity } from "./capacity.ts";
import { type Vintage, buildFleet } from "./fleet.ts";
import { type SiteEnergy, computeEnergy } from "./energy.ts";
import { type AssetClass, type CapexByClass, computeCapex } from "./capex.ts";
import { computeDepreciation } from "./depreciation.ts";
import { type SiteOpex, computeOpex } from "./opex.ts";
import { type SiteImpacts, computeImpacts } from "./impacts.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";

export interface ModelState {
  scenario: ResolvedScenario;
  build: BuildSchedule;
  fleet: Vintage[];
  capacity: Capacity;
  energy: SiteEnergy[];
  capex: CapexByClass;
  depreciation: Record<AssetClass, Float64Array>[];
  opex: SiteOpex[];
  impacts: SiteImpacts[];
}

export function runModel(s: ResolvedScenario): ModelState {
  const build = scheduleBuild(s);
  const fleet = buildFleet(s, build);
  const capacity = computeCapacity(s, build, fleet);
  const energy = computeEnergy(s, build);
  const capex = computeCapex(s, build, fleet);
  const depreciation = computeDepreciation(s, capex.assets);
  const opex = computeOpex(s, capacity.sites, energy, capex.assets);
  const impacts = computeImpacts(s, capacity.sites, energy);
  return { scenario: s, build, fleet, capacity, energy, capex, depreciation, opex, impacts };
}
