/** Boots the page: the scenario from the URL (a shared link or a preset), else the Meta scenario. */
import { checkClaims, compare, peers, prepareSimulation, run, runSimulation, simulate, validate, withPowerProfiles } from "../../src/index.ts";
import { fetchInputFiles } from "./model/fetch-files.ts";
import { App } from "./app/app.ts";
import { readHash } from "./app/url-state.ts";
import { PRESETS, presetById } from "./presets/index.ts";
import "./style.css";

const app = new App();
app.mount(document.getElementById("app") as HTMLElement);
// The use cases of the public API in the browser console (the functions the workers run), the page's scenario
// and its last Monte Carlo run (samples and report); `files()` reads the weather and grid files the page reads.
const api = { run, validate, checkClaims, simulate, prepareSimulation, withPowerProfiles, runSimulation, compare, peers };
const files = () => fetchInputFiles({ dataRoot: new URL("data/", document.baseURI).href });
Object.assign(window, { gigaplan: { api, files, scenario: () => app.doc(), lastSimulation: () => app.lastSimulation() } });

async function fromUrl(): Promise<void> {
  const state = await readHash(location.hash);
  if (state.kind === "text") app.load(state.text, "shared-scenario.yaml");
  else {
    const preset = (state.kind === "preset" && presetById(state.id)) || PRESETS[0];
    app.loadPreset(preset);
    if (state.kind === "invalid") document.getElementById("status")?.replaceChildren(`The link's scenario could not be read (${state.reason}); showing ${preset.label}.`);
  }
}

window.addEventListener("hashchange", () => {
  // a link pasted into this tab: load it (our own updates use replaceState, which fires no hashchange)
  void fromUrl();
});
void fromUrl();

// Offline use: the production build registers its service worker (web/sw.js); development runs without one.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("./sw.js").catch(() => undefined));
}
