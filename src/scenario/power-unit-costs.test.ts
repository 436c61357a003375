import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { annualizedUsdPerUnitYear, capitalRecoveryFactor, unitFixedCosts } from "./power-unit-costs.ts";

describe("annualized costs", () => {
  it("computes the capital recovery factor", () => {
    expect(capitalRecoveryFactor(0.05, 20)).toBeCloseTo(0.0802425872, 9);
    expect(capitalRecoveryFactor(0, 25)).toBe(0.04);
    expect(capitalRecoveryFactor(0.1, 1)).toBeCloseTo(1.1, 12);
  });

  it("annualizes ATB utility PV to ~108 USD/kW-yr, an LCOE near LevelTen's solar PPA P25", () => {
    const pv = referenceData.powerCosts.technologies.pv;
    const perKwYear = annualizedUsdPerUnitYear(pv.capexUsdPerKw, pv);
    // 1605.5 × (CRF(4.19 %, 37.5 y) = 0.05335 + FOM 1.41 %)
    expect(perKwYear).toBeCloseTo(108.28, 1);
    expect(unitFixedCosts(referenceData).pvUsdPerMwYear).toBeCloseTo(perKwYear * 1000, 6);
    const ref = referenceData.powerCosts;
    const lcoeUsdPerMwh = perKwYear / (ref.atbCapacityFactorReference.pv * 8.76);
    expect(lcoeUsdPerMwh).toBeCloseTo(46.2, 1);
    // within 10 % of the continental P25 PPA price (50.0), below the market average (56.76)
    expect(lcoeUsdPerMwh / ref.ppaPriceReferenceUsdPerMwh.solarContinentalP25).toBeGreaterThan(0.9);
    expect(lcoeUsdPerMwh).toBeLessThan(ref.ppaPriceReferenceUsdPerMwh.solarMarketAverage);
  });

  it("annualizes a 4-hour battery close to ATB's all-in cost", () => {
    const c = unitFixedCosts(referenceData);
    const fourHourPerMwYear = c.batteryPowerUsdPerMwYear + 4 * c.batteryEnergyUsdPerMwhYear;
    const t = referenceData.powerCosts.technologies;
    const overnightPerKw = t.batteryPower.capexUsdPerKw + 4 * t.batteryEnergy.capexUsdPerKwh;
    expect(overnightPerKw).toBeCloseTo(2000.1, 1); // ATB all-in 4-hour: 1842 USD/kW (facts)
    expect(fourHourPerMwYear).toBeCloseTo(overnightPerKw * 1000 * (capitalRecoveryFactor(0.0419, 15) + 0.025), 3);
  });
});
