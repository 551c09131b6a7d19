/**
 * Validation of blueprint JSON text for the Blueprints step's editor: problems with the
 * line and column range to underline. JSON syntax errors sit where the scanner stopped;
 * shape violations (lib/port's blueprint schema) sit on the offending key, or on the
 * object that lacks a required key. The text holds one blueprint or an array of them.
 */
import type { z } from "zod";
import { blueprintSchema, type Blueprint } from "../port/schemas";
import { lineIndex, scanJson, spanKey, type JsonPathSegment, type NodeSpans, type Span } from "./json-positions";

export interface BlueprintProblem {
  code: "json_syntax" | "blueprint_shape" | "unknown_required_property" | "duplicate_key" | "forbidden_key";
  severity: "error" | "warning";
  message: string;
  /** Dotted path into the document (`[1].schema.properties.mail.type`), empty for the root. */
  path: string;
  /** 1-based start and end (exclusive end column, as Monaco markers take it). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface BlueprintValidation {
  /** The blueprints with Port's defaults applied, when there is no error. */
  blueprints: Blueprint[] | null;
  problems: BlueprintProblem[];
}

function dottedPath(path: readonly JsonPathSegment[]): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** Where to underline a path: its key, a scalar value, or the first character of a container. */
function spanFor(spans: Map<string, NodeSpans>, text: string, path: readonly JsonPathSegment[]): { span: Span; found: boolean } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = spans.get(spanKey(path.slice(0, depth)));
    if (!node) continue;
    if (node.key) return { span: node.key, found: depth === path.length };
    const opening = text[node.value.start];
    const span = opening === "{" || opening === "[" ? { start: node.value.start, end: node.value.start + 1 } : node.value;
    return { span, found: depth === path.length };
  }
  return { span: { start: 0, end: Math.min(1, text.length) }, found: false };
}

/** zod's wording for the two commonest problems, in plain words ("must be one of string, number"). */
function plainWords(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
  if (issue.code === "invalid_type") return `must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "an array" : `a ${issue.expected}`}`;
  return issue.message;
}

function issueMessage(issue: z.core.$ZodIssue, found: boolean): string {
  const where = dottedPath(issue.path as JsonPathSegment[]);
  if (!found && issue.code === "invalid_type") return `${where || "blueprint"} is missing`;
  return where ? `${where}: ${plainWords(issue)}` : plainWords(issue);
}

/**
 * Paths of every `__proto__` key. JSON.parse keeps it as an own key, but any object built
 * from it by assignment (zod's records among them) turns it into a prototype: the property
 * or relation would vanish silently, or change what the object inherits.
 */
function protoKeyPaths(value: unknown, path: JsonPathSegment[] = [], out: JsonPathSegment[][] = []): JsonPathSegment[][] {
  if (value === null || typeof value !== "object") return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => protoKeyPaths(item, [...path, i], out));
    return out;
  }
  for (const key of Object.keys(value)) {
    if (key === "__proto__") out.push([...path, key]);
    else protoKeyPaths((value as Record<string, unknown>)[key], [...path, key], out);
  }
  return out;
}

export function validateBlueprintText(text: string): BlueprintValidation {
  const at = lineIndex(text);
  const problem = (code: BlueprintProblem["code"], severity: BlueprintProblem["severity"], message: string, path: string, span: Span): BlueprintProblem => {
    const start = at(span.start);
    const end = at(Math.max(span.end, span.start));
    return { code, severity, message, path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };

  const scanned = scanJson(text);
  if (!scanned.ok) {
    return { blueprints: null, problems: [problem("json_syntax", "error", scanned.message, "", { start: scanned.offset, end: scanned.offset + 1 })] };
  }
  const value: unknown = JSON.parse(text);
  const problems: BlueprintProblem[] = scanned.duplicateKeys.map((d) =>
    problem("duplicate_key", "warning", `${dottedPath(d.path)} is given twice; only the last one counts`, dottedPath(d.path), d.key),
  );

  const forbidden = protoKeyPaths(value);
  if (forbidden.length > 0) {
    const found = forbidden.map((path) =>
      problem("forbidden_key", "error", `${dottedPath(path)}: the key "__proto__" is not allowed (it is not a name Port accepts here, and JavaScript treats it as the object's prototype)`, dottedPath(path), spanFor(scanned.spans, text, path).span),
    );
    return { blueprints: null, problems: [...problems, ...found] };
  }

  const list = Array.isArray(value) ? value : [value];
  const blueprints: Blueprint[] = [];
  list.forEach((raw, i) => {
    const prefix: JsonPathSegment[] = Array.isArray(value) ? [i] : [];
    const parsed = blueprintSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = [...prefix, ...(issue.path as JsonPathSegment[])];
        const { span, found } = spanFor(scanned.spans, text, path);
        problems.push(problem("blueprint_shape", "error", issueMessage({ ...issue, path }, found), dottedPath(path), span));
      }
      return;
    }
    const properties = parsed.data.schema.properties;
    parsed.data.schema.required.forEach((name, j) => {
      if (name in properties) return;
      const path = [...prefix, "schema", "required", j];
      problems.push(problem("unknown_required_property", "error", `required names "${name}", which is not in schema.properties`, dottedPath(path), spanFor(scanned.spans, text, path).span));
    });
    blueprints.push(parsed.data);
  });
  return { blueprints: problems.some((p) => p.severity === "error") ? null : blueprints, problems };
}
