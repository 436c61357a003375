/**
 * All-in IT watts per accelerator on one basis for every generation: the server or rack system power per
 * accelerator where it is published, times the network-and-storage share outside it (Epoch's IT/server 1.14);
 * otherwise the chip's TDP times the whole overhead (1.53 server/GPU x 1.14 = 1.744).
 */
import type { AcceleratorSpec } from "./reference-schemas.ts";

export interface AllInFactors {
  itOverheadFactorPerTdp: number;
  networkStorageOverheadFactor: number;
}

export function referenceAllInW(a: Pick<AcceleratorSpec, "tdpW" | "systemWPerAccelerator">, f: AllInFactors): number {
  return a.systemWPerAccelerator !== undefined ? a.systemWPerAccelerator * f.networkStorageOverheadFactor : a.tdpW * f.itOverheadFactorPerTdp;
}
