/**
 * What the editor knows about each blueprint text: its problems (lib/schema's validation,
 * with line and column), plus the two rules of this step's document: one blueprint per
 * editor, and no two editors with the same identifier (Port would get one of them).
 */
import type { Blueprint } from "@/lib/port/schemas";
import { validateBlueprintText, type BlueprintProblem } from "@/lib/schema";
import type { BlueprintEntry } from "./generate";

export interface EntryAnalysis {
  /** The blueprint, when the text has no error. */
  blueprint: Blueprint | null;
  problems: BlueprintProblem[];
  errors: number;
}

const wholeTextProblem = (text: string, message: string): BlueprintProblem => {
  const firstLine = text.split("\n", 1)[0] ?? "";
  return { code: "blueprint_shape", severity: "error", message, path: "", line: 1, column: 1, endLine: 1, endColumn: Math.max(2, firstLine.length + 1) };
};

export function analyseEntry(text: string): EntryAnalysis {
  const { blueprints, problems } = validateBlueprintText(text);
  const all = [...problems];
  let blueprint: Blueprint | null = null;
  if (blueprints && blueprints.length === 1 && !text.trimStart().startsWith("[")) blueprint = blueprints[0]!;
  else if (blueprints) all.push(wholeTextProblem(text, "Put one blueprint (a JSON object) in each editor, not an array."));
  return { blueprint, problems: all, errors: all.filter((p) => p.severity === "error").length };
}

/** Every entry's analysis; a repeated identifier is an error on the later entries. */
export function analyseEntries(entries: readonly BlueprintEntry[]): EntryAnalysis[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    const analysis = analyseEntry(entry.text);
    const id = analysis.blueprint?.identifier;
    if (id === undefined) return analysis;
    if (!seen.has(id)) {
      seen.add(id);
      return analysis;
    }
    const problem = wholeTextProblem(entry.text, `Another blueprint above already has the identifier "${id}": give this one its own.`);
    return { blueprint: null, problems: [...analysis.problems, problem], errors: analysis.errors + 1 };
  });
}

/** The entry after an edit: the identifier follows the text whenever the text names one. */
export function editedEntry(entry: BlueprintEntry, text: string): BlueprintEntry {
  const named = namedIdentifier(text);
  return { identifier: named ?? entry.identifier, text };
}

/** The blueprint identifier a text names (even while other parts are invalid); null when it cannot tell. */
function namedIdentifier(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    const id = (value as { identifier?: unknown }).identifier;
    return typeof id === "string" && id.length > 0 && id.length <= 100 ? id : null;
  } catch {
    return null;
  }
}

/** "line 12, column 5: schema.properties.mail.type: ..." */
export function problemText(problem: BlueprintProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
