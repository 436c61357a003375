/** The capex classes a scenario prices (keys of `capexPerMw`) and depreciates, each with its own life. */
/** Facility capex classes. */
export const FACILITY_CLASSES = ["shellCore", "electricalMechanical", "siteLandOther"] as const;
export type FacilityClass = (typeof FACILITY_CLASSES)[number];
/** Every capex class: the facility classes and IT equipment. */
export const ASSET_CLASSES = [...FACILITY_CLASSES, "it"] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];
