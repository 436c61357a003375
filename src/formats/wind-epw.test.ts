import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseWindResource } from "./wind-resource.ts";
import { parseSolarWeather } from "./solar/solar.ts";
import { referenceData } from "../data/index.ts";
import { extrapolateToHubHeight } from "../power/profiles/wind/derive.ts";
import { runWindFarm } from "../power/profiles/wind/farm.ts";
import { parsePowerCurveCsv } from "../power/profiles/wind/power-curve.ts";
import { PHOENIX_TMY2, REPO_ROOT } from "../../test/helpers/solar-fixtures.ts";
import { tmy2AsEpw } from "../../test/helpers/weather-layouts.ts";

const gz = (name: string) => gunzipSync(readFileSync(join(REPO_ROOT, "data", "weather", name))).toString("utf8");
const epw = tmy2AsEpw(gz(`${PHOENIX_TMY2}.gz`));
const model = referenceData.windModel;
const hub = model.referenceTurbine.hubHeightM;
const shear = model.defaults.shearExponent;

describe("EPW station wind", () => {
  const { value: r, diagnostics } = parseWindResource(epw, "phoenix.epw");

  it("reads speed and direction at 10 m, temperature and pressure (atm) at 2 m", () => {
    expect(diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(r!.hours).toBe(8760);
    expect(r!.heightsM).toEqual([2, 10]);
    const solar = parseSolarWeather(epw, "phoenix.epw").value!;
    const speed = r!.fields.find((f) => f.kind === "speed")!;
    expect(speed.heightM).toBe(10);
    expect(speed.values).toEqual(solar.windSpeedMPerS);
    const p = r!.fields.find((f) => f.kind === "pressure")!.values;
    expect(p[0]).toBeCloseTo((solar.pressureMbar![0] * 100) / model.physics.pascalsPerAtm, 12);
  });

  it("is scaled to hub height by the power law, with a warning naming the exponent", () => {
    const d = extrapolateToHubHeight(r!, hub, shear, model, "phoenix.epw");
    expect(d.value.shearExponentApplied).toBe(shear);
    expect(d.value.fromHeightM).toBe(10);
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0].severity).toBe("warning");
    expect(d.diagnostics[0].message).toContain(`shear exponent ${shear}`);
    const atHub = d.value.resource.fields.find((f) => f.kind === "speed" && f.heightM === hub)!.values;
    const at10 = r!.fields.find((f) => f.kind === "speed")!.values;
    const factor = (hub / 10) ** shear;
    for (const h of [0, 4000, 8759]) expect(atHub[h]).toBeCloseTo(at10[h] * factor, 12);
    expect(r!.fields).toHaveLength(4); // the input is not mutated
    const curve = parsePowerCurveCsv(readFileSync(join(REPO_ROOT, "data", "wind", "ssc_windpower_test_powercurve_1500kW.csv"), "utf8")).value!;
    const farm = runWindFarm(d.value.resource, { turbine: { powerCurve: curve, rotorDiameterM: model.referenceTurbine.rotorDiameterM, hubHeightM: hub }, turbineCount: 1 });
    expect(farm.value!.capacityFactorFraction).toBeGreaterThan(0.02);
    expect(farm.value!.capacityFactorFraction).toBeLessThan(0.4);
  });

  it("leaves a hub-height SRW resource alone", () => {
    const srw = parseWindResource(gz("35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw.gz"), "amarillo.srw").value!;
    const d = extrapolateToHubHeight(srw, hub, shear, model);
    expect(d.value.resource).toBe(srw);
    expect(d.value.shearExponentApplied).toBeNull();
    expect(d.diagnostics).toEqual([]);
  });

  it("names the line and field of a missing wind speed and a short row", () => {
    const lines = epw.split("\r\n");
    const f = lines[12].split(",");
    f[21] = "999";
    lines[12] = f.join(",");
    lines[13] = "1988,1,1,6,60";
    const bad = parseWindResource(lines.join("\n"), "t.epw");
    expect(bad.value).toBeNull();
    expect(bad.diagnostics.map((d) => d.path)).toEqual(["t.epw:13:Wind Speed", "t.epw:14", "t.epw"]);
  });
});
