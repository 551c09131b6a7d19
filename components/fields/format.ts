/** Numbers of the Fields step as people read them. */
import type { ExampleValue } from "@/lib/schema";
import { revealInvisible } from "../explore/visible-text";

const count = new Intl.NumberFormat("en-US");

export const formatCount = (n: number): string => count.format(n);

/** A 0..1 share as a percentage with one decimal where it matters: 100%, 98.5%, <0.1%, 0%. */
export function formatPercent(share: number): string {
  if (share <= 0) return "0%";
  if (share >= 1) return "100%";
  const value = share * 100;
  if (value < 0.1) return "<0.1%";
  if (value > 99.9) return ">99.9%";
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}

/** Examples as one line: strings quoted, as JSON shows them, with bidi and zero-width characters revealed. */
export function formatExamples(examples: readonly ExampleValue[]): string {
  return examples.map((e) => (typeof e === "string" ? revealInvisible(JSON.stringify(e)) : String(e))).join(", ");
}

/**
 * A field path cut before each `.` (`.assignedLicenses[]`, `.skuId`), so a narrow Path
 * column wraps between property names instead of inside one.
 */
export function pathSegments(path: string): string[] {
  // A property name from Graph may hide or reorder characters: shown as escapes.
  return revealInvisible(path).split(/(?=\.)/).filter((s) => s !== "");
}
