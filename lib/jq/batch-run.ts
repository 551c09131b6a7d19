/**
 * Running jq over the items of a page: one page program per chunk (a chunk per worker),
 * with two fallbacks that keep one bad item or field from spoiling the others:
 * - jq reads a chunk as ONE JSON text, so an item it cannot read (a string with a lone
 *   surrogate, nesting past jq's limit) fails the whole chunk. Ocean evaluates item by
 *   item, so only that item fails there: the chunk is split in halves until the unreadable
 *   items stand alone (`isolateUnreadable`). Free while every item is readable.
 * - A run that times out or crashes is retried field by field (`probeOneByOne`), so only
 *   the guilty field is reported and the other fields still get their values.
 */
import type { JqEngine, JqRunResult } from "./engine";
import { buildPageProgram, decodeOutcome, type FieldOutcome } from "./program";

export interface BatchRow {
  /** Present when the batch has a selector. */
  selector?: FieldOutcome;
  /** Present when there is no selector or it returned exactly `true`. */
  fields?: FieldOutcome[];
}

export interface RunOptions {
  timeoutMs?: number;
}

/** Items per engine call below which splitting a page across workers is not worth it. */
const MIN_CHUNK = 64;

export function isSelected(outcome: FieldOutcome | undefined): boolean {
  return outcome?.kind === "value" && outcome.value === true;
}

/** Runs fields (and selector) over items, split into one chunk per worker. */
export async function runChunked(
  engine: JqEngine,
  fields: string[],
  selector: string | undefined,
  items: unknown[],
  options: RunOptions,
): Promise<BatchRow[]> {
  const chunks = Math.max(1, Math.min(engine.parallelism, Math.floor(items.length / MIN_CHUNK)));
  const size = Math.ceil(items.length / chunks);
  const parts: Promise<BatchRow[]>[] = [];
  for (let c = 0; c < items.length; c += size) parts.push(runProgram(engine, fields, selector, items.slice(c, c + size), options));
  return (await Promise.all(parts)).flat();
}

async function runProgram(
  engine: JqEngine,
  fields: string[],
  selector: string | undefined,
  items: unknown[],
  options: RunOptions,
): Promise<BatchRow[]> {
  const r = await engine.run({ program: buildPageProgram(fields, selector), input: JSON.stringify(items), timeoutMs: options.timeoutMs });
  if (r.ok) {
    const decoded = decodeRows(r.stdout, items.length, selector !== undefined, fields.length);
    if (decoded) return decoded;
  }
  const unreadable = unreadableInput(r);
  if (unreadable !== null) return isolateUnreadable(unreadable, engine, fields, selector, items, options);
  // A timeout, a crash or an unreadable answer: find the guilty expressions one by one.
  return probeOneByOne(engine, fields, selector, items, options);
}

/**
 * jq's reason when it could not read the input text at all, e.g. `jq: parse error: Invalid
 * \uXXXX\uXXXX surrogate pair escape at line 1, column 17`, without the position (in a
 * text nobody sees); null for any other result. Every runtime error of the page program is
 * caught per field, so a run that fails this way failed on its input.
 */
function unreadableInput(r: JqRunResult): string | null {
  if (r.ok || r.reason !== "error") return null;
  const m = /^jq: parse error: (.*?)(?: at line \d+, column \d+)?$/m.exec(r.stderr);
  return m ? m[1]! : null;
}

/**
 * Splits a chunk jq could not read in halves until each unreadable item stands alone:
 * that item gets the error on its selector (when there is one; Ocean runs the selector
 * first) or on every field, the others their own outcomes. About 2·log2(n) runs per bad item.
 */
async function isolateUnreadable(
  reason: string,
  engine: JqEngine,
  fields: string[],
  selector: string | undefined,
  items: unknown[],
  options: RunOptions,
): Promise<BatchRow[]> {
  if (items.length === 1) {
    const error: FieldOutcome = { kind: "error", message: `jq cannot read this item: ${reason}${explain(reason)}` };
    return [selector === undefined ? { fields: fields.map(() => error) } : { selector: error }];
  }
  const half = Math.ceil(items.length / 2);
  const [first, second] = await Promise.all([
    runProgram(engine, fields, selector, items.slice(0, half), options),
    runProgram(engine, fields, selector, items.slice(half), options),
  ]);
  return [...first, ...second];
}

/** What jq's reason means for the data, where it is not plain. */
function explain(reason: string): string {
  if (/surrogate/.test(reason)) return " (a string in it holds a lone UTF-16 surrogate such as \\ud800, which jq refuses)";
  return "";
}

function decodeRows(stdout: string, count: number, hasSelector: boolean, fieldCount: number): BatchRow[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== count) return null;
  return parsed.map((encoded: unknown[]) => {
    if (!hasSelector) return { fields: encoded.map(decodeOutcome) };
    const selector = decodeOutcome(encoded[0]);
    if (encoded.length === 1 && fieldCount > 0) return { selector };
    return { selector, fields: encoded.slice(1).map(decodeOutcome) };
  });
}

function failure(r: Exclude<Awaited<ReturnType<JqEngine["run"]>>, { ok: true }>): FieldOutcome {
  if (r.reason === "timeout") {
    return {
      kind: "error",
      message: `stopped after ${r.timeoutMs} ms: the expression did not finish (an endless loop, e.g. repeat or a recursive def without an end?)`,
    };
  }
  if (r.reason === "crash") return { kind: "error", message: `jq failed: ${r.message}` };
  return { kind: "error", message: r.stderr.replace(/^jq: error[^:]*:\s*/, "").trim() || `jq exited with ${r.exitCode}` };
}

async function probeOneByOne(
  engine: JqEngine,
  fields: string[],
  selector: string | undefined,
  items: unknown[],
  options: RunOptions,
): Promise<BatchRow[]> {
  const runOne = (expr: string) => probeField(engine, expr, items, options);
  const rows: BatchRow[] = items.map(() => ({}));
  const selected: number[] = [];
  if (selector !== undefined) {
    const s = await runOne(selector);
    s.forEach((o, i) => {
      rows[i]!.selector = o;
      if (isSelected(o)) selected.push(i);
    });
  } else items.forEach((_, i) => selected.push(i));
  if (selected.length === 0 || fields.length === 0) {
    for (const i of selected) rows[i]!.fields = [];
    return rows;
  }
  // Fields only for the selected items, one expression at a time.
  const sub = selected.map((i) => items[i]);
  const perField: FieldOutcome[][] = [];
  for (const f of fields) perField.push(await probeField(engine, f, sub, options));
  selected.forEach((i, n) => (rows[i]!.fields = perField.map((col) => col[n]!)));
  return rows;
}

async function probeField(engine: JqEngine, expr: string, items: unknown[], options: RunOptions): Promise<FieldOutcome[]> {
  const r = await engine.run({ program: buildPageProgram([expr]), input: JSON.stringify(items), timeoutMs: options.timeoutMs });
  if (r.ok) {
    const rows = decodeRows(r.stdout, items.length, false, 1);
    if (rows) return rows.map((row) => row.fields![0]!);
  }
  const f = r.ok ? ({ kind: "error", message: "unreadable jq output" } as FieldOutcome) : failure(r);
  return items.map(() => f);
}
