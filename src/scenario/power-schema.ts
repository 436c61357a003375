/**
 * The optional `power` block of a site: its supply portfolio (and how it changes by year), prices, technology
 * overrides, weather files for the PV and wind profiles, and the bounds and target used by `optimize-power`.
 * Every number left out comes from data/power-costs.json (or, for the grid price, data/opex.json).
 */
import { z } from "zod";

import { between, yearKey } from "./bounds.ts";

/** capacities: up to 1,000 GW; energy: up to 10,000 GWh; prices per MWh or tCO2: up to $10,000 */
const mw = between(0, 1e6);
const mwh = between(0, 1e7);
const usdPerUnit = between(0, 10_000);
const fraction = z.number().finite().min(0).max(1);

export const portfolioSchema = z.strictObject({
  pvMw: mw.optional().describe("PV capacity, MW AC (owned or contracted)"),
  windMw: mw.optional().describe("Wind capacity, MW"),
  batteryMw: mw.optional().describe("Battery power, MW"),
  batteryMwh: mwh.optional().describe("Battery energy, MWh"),
  gasMw: mw.optional().describe("Dedicated gas generation, MW"),
  firmCleanMw: mw.optional().describe("Firm clean supply (nuclear-like contract), MW"),
  gridImportLimitMw: mw.optional().describe("Interconnection limit for imports, MW; omit for no limit"),
  exportLimitMw: mw.optional().describe("Interconnection limit for exports, MW; default 0"),
});

export const powerPricesSchema = z.strictObject({
  gridPriceUsdPerMwh: usdPerUnit.optional().describe("Price of grid imports; default opex.energyPriceUsdPerMwh"),
  exportPriceUsdPerMwh: usdPerUnit.optional(),
  gasPriceUsdPerMmbtu: between(0, 1000).optional().describe("Default: Henry Hub annual average of the year (latest known year after)"),
  carbonPriceUsdPerTco2: usdPerUnit.optional(),
});

export const powerTechnologySchema = z.strictObject({
  batteryRoundTripEfficiency: between(0.05, 1).optional(),
  batterySocMinFraction: fraction.optional(),
  batterySocMaxFraction: fraction.optional(),
  gasHeatRateMmbtuPerMwh: between(3.412, 20).optional().describe("Gas plant heat rate, MMBtu per MWh on the higher-heating-value basis (as US gas prices and the CO2 factor); default: data/power-costs.json LHV heat rate x HHV/LHV"),
  firmCleanAvailabilityFraction: fraction.optional(),
});

export const powerWeatherSchema = z.strictObject({
  solarFile: z.string().min(1).optional().describe("Solar resource file (TMY2/TMY3/PSM3/SAM CSV or EnergyPlus EPW), relative to the scenario file"),
  windFile: z
    .string()
    .min(1)
    .optional()
    .describe("Wind resource file: SAM .srw (hub-height data) or EnergyPlus EPW (10 m station wind, scaled to hub height with a warning), relative to the scenario file"),
  local: z
    .boolean()
    .default(false)
    .describe("true when the files describe the site's own location; with the site's location given, the distance to the file's station decides instead"),
});

export const powerGridSchema = z
  .strictObject({
    fuelMixFile: z
      .string()
      .min(1)
      .optional()
      .describe("Hourly EIA-930 net generation by fuel of the site's balancing authority: a CSV with a UTC hour-ending time column and one column per EIA-930 fuel code (COL, NG, NUC, OIL, WAT, SUN, WND, OTH, ...), relative to the scenario file"),
    balancingAuthority: z.string().min(1).optional().describe("EIA-930 code of the balancing authority the fuel-mix file describes, e.g. MISO, PJM, EPE (required with fuelMixFile)"),
    priceFile: z
      .string()
      .min(1)
      .optional()
      .describe("Hourly price of grid purchases, USD/MWh: a CSV with a UTC hour-ending time column and one price column (e.g. an ISO day-ahead LMP at the site's node; negative prices allowed), relative to the scenario file; replaces prices.gridPriceUsdPerMwh"),
    utcOffsetHours: z.number().int().min(-12).max(14).describe("Offset of the site's local standard time from UTC, h (Central -6, Eastern -5, Mountain -7)"),
  })
  .superRefine((g, ctx) => {
    if (g.fuelMixFile === undefined && g.priceFile === undefined) ctx.addIssue({ code: "custom", message: "give fuelMixFile, priceFile or both", path: [] });
    if (g.fuelMixFile !== undefined && g.balancingAuthority === undefined)
      ctx.addIssue({ code: "custom", message: "required with fuelMixFile: the EIA-930 code of the file's balancing authority", path: ["balancingAuthority"] });
  });

export const sizingLimitsSchema = z.strictObject({
  pvMaxMw: mw.optional().describe("Land limit for PV, MW; default unlimited"),
  windMaxMw: mw.optional(),
  batteryMaxMw: mw.optional(),
  batteryMaxMwh: mwh.optional(),
  gasMaxMw: mw.optional(),
  firmCleanMaxMw: mw.optional(),
  keepPortfolio: z.boolean().default(false).describe("true: the portfolio's capacities are lower bounds (already contracted)"),
});

export const cleanTargetSchema = z.strictObject({
  kind: z.enum(["annual-match", "cfe-247"]).default("cfe-247"),
  levelFraction: fraction.optional().describe("Share of load to cover with clean energy; default data/power-costs.json"),
  countGridClean: z.boolean().default(false).describe("Count the clean share of grid imports as clean supply"),
});

export const flexibilitySchema = z
  .strictObject({
    flexibleLoadFraction: fraction.describe("Share of each hour's load (training, batch) that may move within its window or be dropped; 0 = none"),
    shiftWindowHours: z.number().int().min(1).max(8760).default(24).describe("Moved load returns within consecutive windows of this many hours (energy conserved per window); default 24"),
    maxShiftUpFraction: between(0, 10).optional().describe("How far load may rise above its plan in an hour, as a share of the planned load (spare IT capacity); default: flexibleLoadFraction"),
    curtailmentCostUsdPerMwh: between(0, 1e6).optional().describe("Value of compute lost per MWh of flexible load dropped (optimize-power only); absent: no load is dropped"),
  })
  .describe("Flexible AI load: the hourly dispatch moves it toward hours with clean surplus; optimize-power chooses shifts (and drops, with a curtailment cost)");

export const sitePowerSchema = z.strictObject({
  portfolio: portfolioSchema.default({}).describe("Supply portfolio in the first year"),
  portfolioFromYear: z
    .record(yearKey, portfolioSchema)
    .default({})
    .describe("Changes from 1 January of the year on; each year inherits the capacities of earlier years"),
  newGenerationDelayYears: z
    .number()
    .int()
    .min(0)
    .max(20)
    .default(0)
    .describe("Years by which every portfolioFromYear change enters service late (new plants, lines, contracts; 0 to 20); give it a distribution in `uncertain` for lead-time risk in optimize-power --samples"),
  prices: powerPricesSchema.default({}),
  technology: powerTechnologySchema.default({}),
  weather: powerWeatherSchema.default({ local: false }),
  grid: powerGridSchema
    .optional()
    .describe("The site's own hourly grid data (fuel mix, prices); default: the region's bundled EIA-930 file, else a scaled proxy shape, and the flat grid price"),
  sizing: sizingLimitsSchema.default({ keepPortfolio: false }).describe("Bounds for optimize-power"),
  target: cleanTargetSchema.default({ kind: "cfe-247", countGridClean: false }).describe("Clean target for optimize-power"),
  flexibility: flexibilitySchema.optional(),
  certificateMatchingFraction: fraction
    .default(0)
    .describe("Share of the site's grid imports the owner matches each year with unbundled certificates or off-site PPAs (RECs, virtual PPAs); lowers market-based CO2 only"),
});

export type SitePowerInput = z.input<typeof sitePowerSchema>;
export type SitePower = z.output<typeof sitePowerSchema>;
export type PortfolioInput = z.output<typeof portfolioSchema>;
