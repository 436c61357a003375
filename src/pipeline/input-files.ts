/** How the pipeline reads files: the platform implements `InputFiles` (the file system in io/, `fetch` in the browser). */
import type { Outcome } from "../core/diagnostics.ts";

/** A file the pipeline needs: one bundled with gigaplan (path from the package root) or one a scenario names. */
export type InputFile = { origin: "bundled"; path: string } | { origin: "scenario"; path: string };

/** The text of a file and the name its diagnostics use (a resolved path, a URL). */
export interface InputText {
  text: string;
  name: string;
}

/**
 * Where input files come from. `read` returns the file's text (gzip-compressed files decoded) or an error
 * diagnostic whose path names the file. A scenario's own file names are relative to the scenario's location.
 */
export interface InputFiles {
  read(file: InputFile): Promise<Outcome<InputText | null>>;
}
