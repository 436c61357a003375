/** The scenarios the page offers to start from (as raw text, so comments and formats stay as written). */
import meta from "../../../scenarios/meta-600b.yaml?raw";
import minimal from "./minimal.yaml?raw";

export interface Preset {
  id: string;
  label: string;
  /** the document name diagnostics and downloads use */
  fileName: string;
  text: string;
}

export const PRESETS: Preset[] = [
  { id: "meta", label: "Meta $600B build-out", fileName: "meta-600b.yaml", text: meta },
  { id: "minimal", label: "Minimal: one campus", fileName: "minimal.yaml", text: minimal },
];

export const presetById = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);
export const presetOfText = (text: string): Preset | undefined => PRESETS.find((p) => p.text === text);
