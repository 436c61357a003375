/** Hourly solar weather for one site-year, as read from TMY2 (SAM csv), TMY3 or NSRDB PSM3 files. */
export interface SolarWeather {
  /** File format: "TMY2", "TMY3", "NSRDB PSM3" or "SAM CSV". */
  source: string;
  latitudeDeg: number;
  longitudeDeg: number;
  /** Standard-time offset of the timestamps from UTC (Phoenix: -7). */
  timeZoneHours: number;
  elevationM: number;
  /** The calendar year when every row has the same one, else null (typical-year files mix years). */
  year: number | null;
  /** Number of rows (8760 for an hourly year). */
  hours: number;
  month: Int8Array;
  day: Int8Array;
  /** Hour of the day 0..23, local standard time, start of the interval. */
  hour: Int8Array;
  /** Minute of the timestamp: from the file's minute column, else 30 (mid-hour). */
  minute: Int8Array;
  ghiWPerM2: Float64Array;
  dniWPerM2: Float64Array;
  dhiWPerM2: Float64Array;
  temperatureC: Float64Array;
  windSpeedMPerS: Float64Array;
  /** Surface albedo by row; values outside (0, 1) mean "unknown" (the PV model then uses its default). */
  albedoFraction: Float64Array | null;
  pressureMbar: Float64Array | null;
  /** Calendar year of each row as written in the file (typical-year files mix years); used for the sun position. */
  yearByRow?: Int16Array;
  /**
   * True when the file has no minute column (TMY2, TMY3): values are hour averages, and in the hours of sunrise
   * and sunset the sun position is taken in the middle of the sunlit part of the hour (SAM's convention).
   */
  intervalAveraged?: boolean;
}
