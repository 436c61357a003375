/** The Node edge of gigaplan (`gigaplan/io`): files, scenario documents, Parquet sample files, the worker pool. */
export { bundledPath, nodeInputFiles } from "./input-files.ts";
export { readScenarioFile } from "./scenario-file.ts";
export { readTextFile } from "./read-text-file.ts";
export { readSolarWeatherFile } from "./solar-file.ts";
export { readSrwFile } from "./srw-file.ts";
export { readEia930DemandFile, readEia930FuelMixFile } from "./eia930-file.ts";
export { decodeParquet, encodeCsv, encodeParquet } from "./samples-file.ts";
export { CancelledError, runPool, workerPoolExecutor } from "./simulation-pool.ts";
export { writeFileAtomic } from "./write-file-atomic.ts";
export { tableToCsv, writeResultDir } from "./write-output.ts";
export { readableHeader } from "./column-header.ts";
export { type RunAbout, runToXlsx } from "./xlsx.ts";
export { RUN_TABLE_META_KEY, tableToParquet } from "./run-parquet.ts";
