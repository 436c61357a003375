/**
 * The visual part of gigaplan's public API (`gigaplan/visual`): charts (Observable Plot → standalone SVG, each
 * with the table behind it) and the self-contained HTML report. They draw with a DOM `document` the caller
 * passes (the browser's, or jsdom's from src/io/dom.ts on Node). Kept apart from src/index.ts so that faces
 * which draw nothing (most CLI commands) never load the plotting library.
 */
export { runCharts, hourlyCharts, simulationCharts, compareCharts, chartIds, type ChartSpec, type ChartOptions, type SimulationChartInput } from "./charts/index.ts";
export { renderHtmlReport, modelDataProvenance, type HtmlReportInput, type HtmlReportOptions, type RunProvenance } from "./report/html.ts";
