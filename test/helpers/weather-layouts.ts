/**
 * The Phoenix TMY2 data (SAM csv) rewritten in other public layouts, so the readers of those layouts can be
 * checked against the same hours: NREL TMY3 csv and EnergyPlus EPW (the way NREL's and EnergyPlus's converters
 * write them: hour-ending rows, TMY3 in W/m2 and mbar, EPW in Wh/m2 and Pa).
 */
/** The 68 column names of an NREL TMY3 csv file (TMY3 user's manual, NREL/TP-581-43156, Table 1-1). */
export const TMY3_COLUMNS = [
  "Date (MM/DD/YYYY)", "Time (HH:MM)", "ETR (W/m^2)", "ETRN (W/m^2)",
  ...["GHI (W/m^2)", "DNI (W/m^2)", "DHI (W/m^2)", "GH illum (lx)", "DN illum (lx)", "DH illum (lx)", "Zenith lum (cd/m^2)"].flatMap((c) => [c, `${c.split(" (")[0]} source`, `${c.split(" (")[0]} uncert (%)`]),
  ...["TotCld (tenths)", "OpqCld (tenths)", "Dry-bulb (C)", "Dew-point (C)", "RHum (%)", "Pressure (mbar)", "Wdir (degrees)", "Wspd (m/s)", "Hvis (m)", "CeilHgt (m)", "Pwat (cm)", "AOD (unitless)", "Alb (unitless)"].flatMap((c) => [c, `${c.split(" (")[0]} source`, `${c.split(" (")[0]} uncert (code)`]),
  "Lprecip depth (mm)", "Lprecip quantity (hr)", "Lprecip source", "Lprecip uncert (code)",
];

/** Rewrites the Phoenix TMY2 (SAM csv) file in TMY3 layout: hour-ending times 01:00..24:00, albedo column. */
export function tmy2AsTmy3(samCsv: string): string {
  const rows = samCsv.trim().split("\n").slice(3).map((l) => l.split(","));
  const col = (name: string) => TMY3_COLUMNS.indexOf(name);
  const out = ['723183,"PHOENIX SKY HARBOR, INTL AP",AZ,-7.0,33.433333,-112.016667,339', TMY3_COLUMNS.join(",")];
  rows.forEach(([year, month, day, hour, ghi, dni, dhi, tdry, , , pres, wspd], k) => {
    const f = TMY3_COLUMNS.map(() => "0");
    f[col("Date (MM/DD/YYYY)")] = `${month.padStart(2, "0")}/${day.padStart(2, "0")}/${year}`;
    f[col("Time (HH:MM)")] = `${String(Number(hour) + 1).padStart(2, "0")}:00`;
    f[col("GHI (W/m^2)")] = ghi;
    f[col("DNI (W/m^2)")] = dni;
    f[col("DHI (W/m^2)")] = dhi;
    f[col("Dry-bulb (C)")] = tdry;
    f[col("Pressure (mbar)")] = pres;
    f[col("Wspd (m/s)")] = wspd;
    f[col("Alb (unitless)")] = k % 100 === 0 ? "-9900" : "0.2"; // TMY3 marks missing values -9900
    out.push(f.join(","));
  });
  return `${out.join("\r\n")}\r\n`;
}


/** EPW header lines 2-8 as the EnergyPlus weather converter writes them (content not used by gigaplan). */
const EPW_HEADER = [
  "DESIGN CONDITIONS,0",
  "TYPICAL/EXTREME PERIODS,0",
  "GROUND TEMPERATURES,0",
  "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
  "COMMENTS 1,Phoenix TMY2 rows rewritten in EPW layout for gigaplan's reader tests",
  "COMMENTS 2,",
  "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31",
];

/** Rewrites the Phoenix TMY2 (SAM csv) file as an EPW: 35 fields per row, hour 1..24, missing markers where absent. */
export function tmy2AsEpw(samCsv: string): string {
  const rows = samCsv.trim().split("\n").slice(3).map((l) => l.split(","));
  const out = ["LOCATION,PHOENIX SKY HARBOR INTL AP,AZ,USA,TMY3,723183,33.433333,-112.016667,-7.0,339.0", ...EPW_HEADER];
  rows.forEach(([year, month, day, hour, ghi, dni, dhi, tdry, , , pres, wspd]) => {
    const f = Array.from({ length: 35 }, () => "0");
    [f[0], f[1], f[2], f[3], f[4], f[5]] = [year, month, day, String(Number(hour) + 1), "60", "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9"];
    [f[6], f[9], f[13], f[14], f[15], f[20], f[21], f[32]] = [tdry, String(Number(pres) * 100), ghi, dni, dhi, "180", wspd, "999"];
    out.push(f.join(","));
  });
  return `${out.join("\r\n")}\r\n`;
}
