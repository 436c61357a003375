import { z } from "zod";

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

/** Operational CO2 factors by EIA-930 fuel code (`data/emission-factors.json`). */
export const EmissionFactorsSchema = z
  .object({
    basis: z.string().min(1),
    fuels: z.record(
      z.string().regex(/^[A-Z]{2,4}$/, "expected an EIA-930 fuel code such as NG"),
      z
        .object({ name: z.string().min(1), co2KgPerMwh: nonNegative, heatRateMmbtuPerMwh: positive.optional(), co2KgPerMmbtu: positive.optional() })
        .strict()
        .refine(
          (f) => f.heatRateMmbtuPerMwh === undefined || f.co2KgPerMmbtu === undefined || Math.abs(f.heatRateMmbtuPerMwh * f.co2KgPerMmbtu - f.co2KgPerMwh) < 0.01,
          { message: "co2KgPerMwh must equal heatRateMmbtuPerMwh x co2KgPerMmbtu", path: ["co2KgPerMwh"] },
        ),
    ),
  })
  .strict();
export type EmissionFactorsData = z.infer<typeof EmissionFactorsSchema>;
