/** PVWatts v8-class PV model: `simulatePv(weather, system)` → hourly AC/DC, monthly and annual energy. */
export { simulatePv } from "./simulate.ts";
export {
  ARRAY_TYPE_NAMES,
  checkPvSystem,
  MODULE_TYPE_NAMES,
  type PvArrayType,
  type PvModuleType,
  type PvResult,
  type PvSystem,
} from "./system.ts";
