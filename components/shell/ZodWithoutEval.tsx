"use client";

/**
 * zod 4 probes for eval (`Function("")`) the first time it parses an object, to compile
 * faster parsers. The page's Content-Security-Policy has no 'unsafe-eval', so the probe
 * fails (zod then falls back) and the browser reports a CSP violation on every page that
 * validates in the browser. Telling zod up front not to try avoids both. Rendered once by
 * the root layout so the setting is made as the page's scripts start.
 */
import { z } from "zod";

z.config({ jitless: true });

export function ZodWithoutEval(): null {
  return null;
}
