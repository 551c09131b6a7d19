/** Words and numbers the Explore step shows, in one place so they read the same everywhere. */
import type { SampleSummary } from "@/lib/builder/contracts";

const n = (value: number) => value.toLocaleString("en-US");

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${n(count)} ${count === 1 ? one : many}`;
}

/** "12 pages · 11,988 items" */
export function pagesAndItems(pages: number, items: number): string {
  return `${plural(pages, "page")} · ${plural(items, "item")}`;
}

/** "page 3 · 300 items kept in the sample" */
export function keptInSample(sample: Pick<SampleSummary, "pages" | "itemCount">): string {
  return `page ${n(sample.pages)} · ${plural(sample.itemCount, "item")} kept in the sample`;
}

export type StatusTone = "ok" | "redirect" | "error" | "none";

/** 2xx green, 3xx neutral, 4xx/5xx red; 0 means no HTTP answer at all. */
export function statusTone(status: number): StatusTone {
  if (status >= 200 && status < 300) return "ok";
  if (status >= 300 && status < 400) return "redirect";
  if (status >= 400) return "error";
  return "none";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${n(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDuration(ms: number): string {
  return ms < 10_000 ? `${n(Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Characters that would change how the line reads as a query once decoded: kept escaped. */
const STRUCTURAL = /[%&=#+?/]/g;

/**
 * The request line as a person reads it: `$select=id,displayName` rather than
 * `$select=id%2CdisplayName`. Escapes of characters that carry the query's structure
 * (`&`, `=`, `%`, `/`, ...) stay, so the line still says exactly what was sent.
 */
export function readableRequest(request: string): string {
  return request.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run).replace(STRUCTURAL, (c) => encodeURIComponent(c));
    } catch {
      return run;
    }
  });
}
