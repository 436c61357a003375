/**
 * A DOM `Document` on Node (jsdom) for drawing charts and reports outside a browser. jsdom is large (~0.8 s to
 * load), so it is imported on first use only: commands that draw nothing never pay for it.
 */

let cached: Promise<Document> | null = null;

/** A fresh, empty HTML document (jsdom). Charts only create elements with it; nothing is fetched or run. */
export async function createDocument(): Promise<Document> {
  const { JSDOM } = await import("jsdom");
  return new JSDOM("<!doctype html><html><head></head><body></body></html>").window.document;
}

/** One shared document for a process that draws many charts. */
export function sharedDocument(): Promise<Document> {
  cached ??= createDocument();
  return cached;
}
