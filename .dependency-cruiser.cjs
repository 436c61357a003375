// @ts-check
/**
 * dependency-cruiser configuration: one-way layer boundaries for src/.
 *
 * Run:   npm run check:deps            (fails with a non-zero exit on any error)
 * Graph: npx depcruise src --config .dependency-cruiser.cjs --output-type archi | dot -T svg > layers.svg
 *
 * Paths in rules are regular expressions matched against paths relative to the
 * repository root, with forward slashes ("src/core/months.ts").
 *
 * Test files (*.test.ts) and test/ are outside the source set: no rule below
 * applies to them as importers, except that non-test code may not import them.
 *
 * Type-only imports (`import type`, `import { type X }`) count like any other
 * import: `tsPreCompilationDeps: true` keeps them in the graph, so a type-only
 * import can still break a layer boundary or close a cycle.
 */

/** Test code: colocated *.test.ts files and everything under test/. */
const TEST = "(\\.test\\.ts$|^test/)";

/**
 * The layers, bottom to top. Each is a folder under src/ (or src/index.ts).
 * `may` lists the OTHER layers a layer may import from src/; a layer may
 * always import its own files. Anything in src/ not listed is forbidden.
 * Entries written { layer, typeOnly: true } may be imported with type-only
 * imports only. npm packages and node builtins are not layers: they are
 * governed by the "pure-core" rule further down.
 */
const LAYERS = [
  // 1. Kernels (diagnostics, months, series, quantity, calendar, text-table, correlation...).
  { name: "core", path: "^src/core/", may: [] },
  // 2. Reference data, its schemas, the one loader of the JSON files in data/.
  { name: "data", path: "^src/data/", may: ["core"] },
  // 3. Scenario schema with its fragments, parse, resolve.
  { name: "scenario", path: "^src/scenario/", may: ["core", "data"] },
  // 4. LpSolver interface + HiGHS adapter.
  { name: "solver", path: "^src/solver/", may: ["core"] },
  // 5. Pure parsers of public file formats; may use the profile *types* of power/profiles.
  {
    name: "formats",
    path: "^src/formats/",
    may: ["core", "data", { layer: "power/profiles", typeOnly: true }],
  },
  // 6. The monthly build-out model.
  { name: "buildout", path: "^src/buildout/", may: ["core", "data", "scenario"] },
  // 7. Site power: profiles, dispatch, grid, optimisation.
  {
    name: "power",
    path: "^src/power/",
    may: ["core", "data", "scenario", "solver", "buildout"],
  },
  // 8. Financing, P&L, returns.
  { name: "finance", path: "^src/finance/", may: ["core", "data", "scenario", "buildout"] },
  // 9. Result tables and summaries.
  {
    name: "results",
    path: "^src/results/",
    may: ["core", "data", "scenario", "buildout", "power", "finance"],
  },
  // 10. The run pipeline: everything above.
  {
    name: "pipeline",
    path: "^src/pipeline/",
    may: ["core", "data", "scenario", "solver", "formats", "buildout", "power", "finance", "results"],
  },
  // 11. Analyses on top of the pipeline. strategy may use uncertainty, claims may use peers;
  //     none of the others may use each other.
  { name: "uncertainty", path: "^src/uncertainty/", may: ["<=pipeline"] },
  { name: "strategy", path: "^src/strategy/", may: ["<=pipeline", "uncertainty"] },
  { name: "peers", path: "^src/peers/", may: ["<=pipeline"] },
  { name: "claims", path: "^src/claims/", may: ["<=pipeline", "peers"] },
  // 12. Plain-text renderers: anything below.
  {
    name: "text",
    path: "^src/text/",
    may: ["<=pipeline", "uncertainty", "strategy", "peers", "claims"],
  },
  // 12b. Charts (SVG from result data; the caller passes the DOM document) and the self-contained HTML report.
  { name: "charts", path: "^src/charts/", may: ["<=text"] },
  { name: "report", path: "^src/report/", may: ["<=charts"] },
  // 13. Use cases, and the public API (src/index.ts): anything below.
  { name: "api", path: "^src/api/", may: ["<=report"] },
  { name: "index", path: "^src/index\\.ts$", may: ["<=api"] },
  // The second public entry: charts and the HTML report (they load Observable Plot; faces that draw import it).
  { name: "visual", path: "^src/visual\\.ts$", may: ["charts", "report"] },
  // 14. Node platform edge (fs, zlib, worker_threads, Parquet/XLSX files, a DOM for server-side charts): anything
  //     except the faces. The run store (SQLite) is edge too.
  { name: "io", path: "^src/io/", may: ["<=index"] },
  { name: "store", path: "^src/store/", may: ["index", "io"] },
  // 15. Faces over the public API: the HTTP server and the command line (which starts the server: `serve`).
  { name: "server", path: "^src/server/", may: ["index", "io", "store"] },
  { name: "cli", path: "^src/cli/", may: ["index", "visual", "io", "store", "server"] },
];

/** Import targets that are not layers themselves but may be named in `may`. */
const EXTRA_TARGETS = { "power/profiles": "^src/power/profiles/" };

/**
 * Node builtins that touch the platform (files, processes, network, clock,
 * environment). Only io/ and cli/ may import them. Pure builtins (events,
 * util, assert, buffer...) stay allowed everywhere.
 */
const PLATFORM_BUILTINS = [
  "fs",
  "path",
  "zlib",
  "worker_threads",
  "child_process",
  "cluster",
  "os",
  "url",
  "module",
  "process",
  "perf_hooks",
  "readline",
  "tty",
  "net",
  "http",
  "http2",
  "https",
  "tls",
  "dgram",
  "dns",
  "inspector",
  "v8",
  "vm",
  "crypto", // randomness would break reproducible runs; use core/uncertainty RNGs
];

// ---------------------------------------------------------------------------
// Generation of the layer rules from LAYERS (no need to edit below to move a layer).

const byName = new Map(LAYERS.map((l) => [l.name, l]));
/** @param {string} name */
function targetPath(name) {
  const found = byName.get(name)?.path ?? EXTRA_TARGETS[name];
  if (!found) throw new Error(`.dependency-cruiser.cjs: unknown layer "${name}"`);
  return found;
}
/** Expands "<=x" to x and every layer listed before it. */
function expand(entry) {
  const e = typeof entry === "string" ? { layer: entry, typeOnly: false } : entry;
  if (!e.layer.startsWith("<=")) return [e];
  const upTo = LAYERS.findIndex((l) => l.name === e.layer.slice(2));
  if (upTo < 0) throw new Error(`.dependency-cruiser.cjs: unknown layer "${e.layer}"`);
  return LAYERS.slice(0, upTo + 1).map((l) => ({ layer: l.name, typeOnly: e.typeOnly }));
}

const layerRules = LAYERS.flatMap((layer) => {
  const allowed = layer.may.flatMap(expand);
  const allowedNames = allowed.map((a) => a.layer);
  const rules = [
    {
      name: `layer-${layer.name}`,
      severity: "error",
      comment:
        allowed.length === 0
          ? `${layer.name} imports nothing in src/ outside itself.`
          : `${layer.name} may import only these parts of src/: ${allowedNames.join(", ")}.`,
      from: { path: layer.path, pathNot: TEST },
      to: {
        path: "^src/",
        pathNot: [layer.path, ...allowed.map((a) => targetPath(a.layer))],
      },
    },
  ];
  for (const a of allowed.filter((x) => x.typeOnly)) {
    rules.push({
      name: `layer-${layer.name}-types-only-from-${a.layer.replaceAll("/", "-")}`,
      severity: "error",
      comment: `${layer.name} may import ${a.layer} with type-only imports (import type ...) only.`,
      from: { path: layer.path, pathNot: TEST },
      to: { path: targetPath(a.layer), dependencyTypesNot: ["type-only"] },
    });
  }
  return rules;
});

const SRC_LAYERS = LAYERS.map((l) => l.path);

// ---------------------------------------------------------------------------

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "No import cycles, type-only imports included: a module may not (indirectly) import itself.",
      from: { pathNot: TEST },
      to: { circular: true },
    },
    {
      name: "no-unknown-layer",
      severity: "error",
      comment:
        "Every source file in src/ belongs to a layer of LAYERS in .dependency-cruiser.cjs; add a new folder there before using it.",
      from: { path: "^src/", pathNot: [TEST, ...SRC_LAYERS] },
      to: {},
    },
    ...layerRules,
    {
      name: "no-io-below-io",
      severity: "error",
      comment:
        "Nothing outside io/ and cli/ (src/index.ts included) may import io/: the platform edge sits on top.",
      from: { path: "^src/", pathNot: [TEST, "^src/io/", "^src/cli/", "^src/store/", "^src/server/"] },
      to: { path: "^src/io/" },
    },
    {
      name: "pure-core",
      severity: "error",
      comment:
        "Only io/ and cli/ may import node builtins that touch the platform (fs, path, zlib, worker_threads, os, url, perf_hooks, ...).",
      from: { path: "^src/", pathNot: [TEST, "^src/io/", "^src/cli/", "^src/store/", "^src/server/"] },
      to: {
        dependencyTypes: ["core"],
        path: `^(node:)?(${PLATFORM_BUILTINS.join("|")})(/|$)`,
      },
    },
    {
      name: "data-json-only-via-data-layer",
      severity: "error",
      comment:
        "Only src/data/ (the one loader) imports the reference JSON files in the top-level data/ folder.",
      from: { path: "^src/", pathNot: [TEST, "^src/data/"] },
      to: { path: "^data/" },
    },
    {
      name: "bin-only-cli",
      severity: "error",
      comment: "bin/ launches the command line: from src/ it imports only cli/.",
      from: { path: "^bin/" },
      to: { path: "^src/", pathNot: "^src/cli/" },
    },
    {
      name: "examples-use-the-api",
      comment: "examples show the library as a user sees it: they import only the public API (src/index.ts).",
      severity: "error",
      from: { path: "^examples/" },
      to: { path: "^src/", pathNot: "^src/index\\.ts$" },
    },
    {
      name: "web-uses-the-public-api",
      comment:
        "The web app (web/) runs the model from the same source as the CLI, through the public API only: from src/ it imports src/index.ts and src/visual.ts and nothing else (tests may reach further).",
      severity: "error",
      from: { path: "^web/", pathNot: TEST },
      to: { path: "^src/", pathNot: "^src/(index|visual)\\.ts$" },
    },
    {
      name: "no-test-in-source",
      severity: "error",
      comment: "Non-test code may not import test files (*.test.ts) or anything under test/.",
      from: { path: "^(src|bin)/", pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "Every import resolves to a file or an installed package (catches typos in relative .ts/.json paths).",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Keep type-only imports in the graph (parse TypeScript before compiling away the types).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: ["node_modules", "^test/"] },
    // the web app's build output (npm run build:web) is not source
    exclude: { path: "^web/dist/" },
    enhancedResolveOptions: {
      // Resolve package subpath exports such as "csv-stringify/sync" and "tsx/esm/api".
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: {
      archi: {
        collapsePattern: "^(src/[^/]+|node_modules/(@[^/]+/)?[^/]+|data|bin|test)",
      },
      text: { highlightFocused: true },
    },
  },
};
