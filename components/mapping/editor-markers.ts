/**
 * Findings as editor markers: underlined from their column to the end of the line's text
 * (a jq error points at a character; the rest of the expression is what to look at), the
 * message and hint as the hover text.
 */
import { markerFindings, type Finding } from "./findings";

export interface MarkerSpec {
  severity: Finding["severity"];
  message: string;
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export function markerSpecs(findings: readonly Finding[], lineText: (line: number) => string | null): MarkerSpec[] {
  const out: MarkerSpec[] = [];
  for (const f of markerFindings(findings)) {
    const text = lineText(f.line!);
    if (text === null) continue;
    const firstChar = text.length - text.trimStart().length + 1;
    const start = Math.min(Math.max(f.column ?? firstChar, firstChar), text.length + 1);
    const end = Math.max(text.trimEnd().length + 1, start + 1);
    out.push({
      severity: f.severity,
      message: f.hint ? `${f.message}\n\n${f.hint}` : f.message,
      code: f.code,
      startLineNumber: f.line!,
      startColumn: start,
      endLineNumber: f.line!,
      endColumn: end,
    });
  }
  return out;
}
