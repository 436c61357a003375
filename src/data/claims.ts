/** zod schemas of data/claims/{claims,evidence,rules}.json. Units are validated here, so a typo fails at load. */
import { z } from "zod";
import { parseUnit } from "../core/quantity.ts";

/** A calendar year ("2049") is a label, not a duration: it is compared by equality, never converted. */
export const CALENDAR_YEAR = "calendar year";

const unit = z.string().refine((u) => u === CALENDAR_YEAR || parseUnit(u) !== null, { message: "unknown unit" });
const isoDateOrMonth = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");
const tag = z.string().regex(/^[A-Za-z][\w-]*$/);

export const BOUNDS = ["about", "range", "moreThan", "atLeast", "upTo"] as const;
export type Bound = (typeof BOUNDS)[number];

export const StatedSchema = z
  .object({
    value: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    unit,
    bound: z.enum(BOUNDS),
    measure: tag.optional(),
    scope: tag.optional(),
  })
  .strict()
  .refine((s) => (s.bound === "range" ? s.low !== undefined && s.high !== undefined && s.low <= s.high : s.value !== undefined), {
    message: "a range needs low <= high; other bounds need a value",
  });

export const ClaimSchema = z
  .object({
    id: z.string().regex(/^C\d{2}$/),
    text: z.string().min(10),
    kind: z.string().min(1),
    articleRef: z.string().min(1),
    interpretation: z.string(),
    stated: z.record(z.string(), StatedSchema),
    context: z.record(z.string(), z.string()),
  })
  .strict();

export const ClaimsFileSchema = z
  .object({
    article: z.object({ title: z.string(), publisher: z.string(), date: isoDateOrMonth }).strict(),
    claims: z.array(ClaimSchema).min(1),
  })
  .strict()
  .refine((f) => new Set(f.claims.map((c) => c.id)).size === f.claims.length, { message: "duplicate claim id" });

/** The figure fields an evidence item and each of its readings share: who says it, a value or a range, its bound. */
const figureFields = {
  /** who says it, e.g. "Borderplex Alliance (via KURV)" */
  label: z.string().min(1),
  value: z.number().finite().optional(),
  low: z.number().finite().optional(),
  high: z.number().finite().optional(),
  bound: z.enum(["exact", "atLeast", "atMost"]).optional(),
};

/**
 * One source's figure for an evidence item whose sources disagree (different reported values for the same
 * quantity). Its source is `items.<key>.readings.<i>.value` (or `.low`) in evidence.meta.json, like any leaf.
 */
export const EvidenceReadingSchema = z
  .object({ ...figureFields, asOf: isoDateOrMonth })
  .strict()
  .refine((r) => r.value !== undefined || (r.low !== undefined && r.high !== undefined && r.low <= r.high), {
    message: "a reading needs a value, or low <= high",
  });

export const EvidenceItemSchema = z
  .object({
    ...figureFields,
    text: z.string().min(1).optional(),
    /** several sources' figures for the same quantity, shown side by side and all judged (never one picked) */
    readings: z.array(EvidenceReadingSchema).min(2).optional(),
    sourceId: z.string().min(1).optional(),
    unit: unit.optional(),
    /** as of the item's figure; an item with readings dates each reading instead */
    asOf: isoDateOrMonth.optional(),
    measure: tag.optional(),
    scope: tag.optional(),
  })
  .strict()
  .refine((e) => (e.text !== undefined ? e.sourceId !== undefined : e.unit !== undefined && (e.value !== undefined || (e.low !== undefined && e.high !== undefined) || e.readings !== undefined)), {
    message: "a numeric item needs a unit and a value (or low and high, or readings); a text item needs a sourceId",
  })
  .refine((e) => (e.readings !== undefined) === (e.asOf === undefined), { message: "an item has its own asOf, or readings that each carry one (not both)" })
  .refine((e) => e.readings === undefined || (e.value === undefined && e.low === undefined && e.high === undefined && e.bound === undefined && e.text === undefined), {
    message: "an item with readings carries its figures only in the readings",
  });

export const EvidenceFileSchema = z.object({ items: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), EvidenceItemSchema) }).strict();

export const RulesSchema = z
  .object({
    dataAsOf: isoDateOrMonth,
    holdsRelativeTolerance: z.number().min(0).max(0.5),
    approxRelativeTolerance: z.number().min(0).max(2),
    maxRangeWidthRelative: z.number().min(0).max(5),
  })
  .strict()
  .refine((r) => r.holdsRelativeTolerance <= r.approxRelativeTolerance, { message: "holds tolerance must not exceed the approximate tolerance" });

export type Stated = z.infer<typeof StatedSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimsFile = z.infer<typeof ClaimsFileSchema>;
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;
export type EvidenceReading = z.infer<typeof EvidenceReadingSchema>;
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;
export type Rules = z.infer<typeof RulesSchema>;
