/**
 * Batched evaluation: a list of field expressions (and an optional boolean selector)
 * compiled once, then applied to a page of items with few engine calls.
 *
 * Per item and field the outcome is the first output, no output, or the error, exactly
 * Ocean's rule. Simple expressions run on the fast path in JS; the rest go to jq as ONE
 * program per page (split across the engine's workers; batch-run.ts). An item on which
 * a fast expression cannot decide (NEEDS_JQ), or that jq would not read back as the fast
 * path sees it (fast-input.ts), is re-run entirely through jq: both paths read one value.
 */
import { isSelected, runChunked, type BatchRow, type RunOptions } from "./batch-run";
import type { JqEngine } from "./engine";
import { readsBackAlike } from "./fast-input";
import { compileFastPath, EMPTY as SHARED_EMPTY, JqRuntimeError, NEEDS_JQ, type FastExpr } from "./fast-path";
import {
  CHECK_FIRST_LINE,
  CHECK_INPUT,
  buildCheckProgram,
  isCompileError,
  parseCompileError,
  rewriteSingleQuotes,
  type FieldOutcome,
  type JqSyntaxError,
} from "./program";

export type { BatchRow } from "./batch-run";

/** Module-local, as in fast-path.ts: read once per item and field. */
const EMPTY: typeof SHARED_EMPTY = SHARED_EMPTY;

export interface CompiledExpression {
  /** As written in the configuration. */
  source: string;
  /** After Ocean's single-quote rewrite: what jq compiles. */
  jq: string;
  fast: FastExpr | null;
  syntaxError: JqSyntaxError | null;
}

export interface CompiledBatch {
  fields: CompiledExpression[];
  selector: CompiledExpression | null;
  /** Indexes of the fields that jq evaluates (not fast, no syntax error). */
  jqFields: number[];
}

export interface EvaluateOptions extends RunOptions {
  /**
   * The input is a page body whose items are evaluated afterwards, each on its own (a
   * data_path): then a value jq could not read inside one item must not decide here, where
   * jq would refuse the whole page; that item meets it when it is evaluated (and alone
   * fails, as in Ocean). The fast path reads the body as it is.
   */
  pageBody?: boolean;
}

export async function compileExpression(engine: JqEngine, source: string): Promise<CompiledExpression> {
  const jq = rewriteSingleQuotes(source);
  const syntaxError = await checkSyntax(engine, jq);
  return { source, jq, fast: syntaxError ? null : compileFastPath(jq), syntaxError };
}

/**
 * Verdicts of `checkSyntax` per engine, by expression text. jq's grammar does not change
 * while a process runs, so a scheduled sync, a resync or a preview does not ask jq again
 * (and start its workers again: lib/jq/node-pool.ts) about what it already checked. Only
 * jq's own answers are kept, never a timeout or a crash; the oldest goes past the bound.
 */
const verdicts = new WeakMap<JqEngine, Map<string, JqSyntaxError | null>>();
const MAX_VERDICTS = 5_000;

/** Compiles without running: a syntax error with its line and column inside `expr`. */
export async function checkSyntax(engine: JqEngine, expr: string): Promise<JqSyntaxError | null> {
  let known = verdicts.get(engine);
  if (!known) verdicts.set(engine, (known = new Map()));
  if (known.has(expr)) return known.get(expr)!;
  const r = await engine.run({ program: buildCheckProgram(expr), input: CHECK_INPUT });
  if (!r.ok && r.reason !== "error") return { message: r.reason === "timeout" ? "compiling the expression did not finish" : r.message };
  const verdict = r.ok ? null : syntaxVerdict(expr, r.stderr, r.exitCode);
  if (known.size >= MAX_VERDICTS) known.delete(known.keys().next().value!);
  known.set(expr, verdict);
  return verdict;
}

/** jq's answer to the check program: the syntax error inside `expr`, or null (it compiled). */
function syntaxVerdict(expr: string, stderr: string, exitCode: number): JqSyntaxError | null {
  if (!isCompileError(stderr, exitCode)) return null; // compiled; with no input nothing ran
  const error = parseCompileError(stderr, CHECK_FIRST_LINE);
  // jq points just past the end of the text: say so, at the end of the expression.
  if (/unexpected end of file/.test(error.message)) {
    const lines = expr.split("\n");
    const last = lines[lines.length - 1] ?? "";
    return { message: error.message.replace("unexpected end of file", "unexpected end of the expression"), line: lines.length, column: last.length + 1 };
  }
  return error;
}

export interface CompileBatchOptions {
  /** Default true. False sends every expression to jq (for benchmarks and comparisons). */
  fastPath?: boolean;
}

export async function compileBatch(
  engine: JqEngine,
  spec: { fields: readonly string[]; selector?: string },
  options: CompileBatchOptions = {},
): Promise<CompiledBatch> {
  const useFast = options.fastPath ?? true;
  // Each distinct expression is compiled on its own, as Ocean compiles it: one run each,
  // spread over the engine's workers. (Compiling them all inside the page program would
  // accept an expression that closes the wrapper's brackets, e.g. `.a) | (.b`.)
  const cache = new Map<string, Promise<CompiledExpression>>();
  const compileOne = async (source: string): Promise<CompiledExpression> => {
    let compiled = cache.get(source);
    if (!compiled) cache.set(source, (compiled = compileExpression(engine, source)));
    const c = await compiled;
    return useFast ? c : { ...c, fast: null };
  };
  const fields = await Promise.all(spec.fields.map(compileOne));
  const selector = spec.selector === undefined ? null : await compileOne(spec.selector);
  const jqFields = fields.flatMap((f, i) => (f.fast || f.syntaxError ? [] : [i]));
  return { fields, selector, jqFields };
}

function fastOutcome(expr: FastExpr, item: unknown): FieldOutcome {
  try {
    const v = expr(item);
    return v === EMPTY ? { kind: "empty" } : { kind: "value", value: v };
  } catch (e) {
    if (e instanceof JqRuntimeError) return { kind: "error", message: e.message };
    throw e; // NEEDS_JQ or a bug
  }
}

const SYNTAX: FieldOutcome = { kind: "error", message: "the expression does not compile" };

export async function evaluateBatch(
  engine: JqEngine,
  batch: CompiledBatch,
  items: readonly unknown[],
  options: EvaluateOptions = {},
): Promise<BatchRow[]> {
  const rows: BatchRow[] = items.map(() => ({}));
  const sel = batch.selector;
  const fullJq = new Set<number>();
  const mixed: number[] = [];

  const fastFields = (i: number): boolean => {
    const out: FieldOutcome[] = [];
    for (const f of batch.fields) {
      if (f.syntaxError) out.push(SYNTAX);
      else if (f.fast) {
        try {
          out.push(fastOutcome(f.fast, items[i]));
        } catch (e) {
          if (e === NEEDS_JQ) return false;
          throw e;
        }
      } else out.push({ kind: "empty" }); // filled by jq below
    }
    rows[i]!.fields = out;
    return true;
  };

  if (sel?.syntaxError) {
    for (const row of rows) row.selector = { kind: "error", message: `selector does not compile: ${sel.syntaxError.message}` };
    return rows;
  }

  const selectorInJq = sel !== null && sel.fast === null;
  // Each item once, when a fast expression would read it (fast-input.ts).
  const screen = !options.pageBody && (Boolean(sel?.fast) || batch.fields.some((f) => f.fast));
  for (let i = 0; i < items.length; i++) {
    if (screen && !readsBackAlike(items[i])) {
      fullJq.add(i);
      continue;
    }
    if (sel && sel.fast) {
      try {
        rows[i]!.selector = fastOutcome(sel.fast, items[i]);
      } catch (e) {
        if (e !== NEEDS_JQ) throw e;
        fullJq.add(i);
        continue;
      }
      if (!isSelected(rows[i]!.selector)) continue;
    }
    if (selectorInJq) mixed.push(i);
    else if (!fastFields(i)) fullJq.add(i);
    else if (batch.jqFields.length > 0) mixed.push(i);
  }

  // The jq part: the selector (when not fast) and the jq fields, one program per chunk.
  if (mixed.length > 0) {
    const jqExprs = batch.jqFields.map((k) => batch.fields[k]!.jq);
    const outs = await runChunked(engine, jqExprs, selectorInJq ? sel.jq : undefined, mixed.map((i) => items[i]), options);
    mixed.forEach((i, n) => {
      const out = outs[n]!;
      const row = rows[i]!;
      if (selectorInJq) {
        row.selector = out.selector;
        if (!isSelected(out.selector)) return;
        if (!fastFields(i)) {
          fullJq.add(i);
          return;
        }
      }
      batch.jqFields.forEach((k, j) => (row.fields![k] = out.fields![j]!));
    });
  }

  // Items a fast expression could not decide: everything through jq.
  if (fullJq.size > 0) {
    const idx = [...fullJq];
    const exprs = batch.fields.map((f) => (f.syntaxError ? "null" : f.jq));
    const outs = await runChunked(engine, exprs, sel?.jq, idx.map((i) => items[i]), options);
    idx.forEach((i, n) => {
      const out = outs[n]!;
      rows[i] = sel ? { selector: out.selector } : {};
      if (out.fields) rows[i]!.fields = out.fields.map((o, k) => (batch.fields[k]!.syntaxError ? SYNTAX : o));
    });
  }
  return rows;
}
