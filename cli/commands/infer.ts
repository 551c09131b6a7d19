/**
 * `npm run cli -- infer --input response.json|pages.ndjson [--kind /users]`
 *
 * Infers the fields of every item in --input (one Graph response body, a JSON array of
 * items, or NDJSON with one page per line) and prints
 * `{"items":N,"fields":[{"path","type","format","presence","nulls","examples","inDefaultSet"}]}`
 * on stdout. `presence` and `nulls` are fractions (0..1) of all items. The kind (for
 * `inDefaultSet`) defaults to what the first page's `@odata.context` names. NDJSON is read
 * line by line: memory follows the largest page, not the file. What the depth and path
 * limits left out goes to stderr as `note:` lines. Exit 0 when it ran; 2 for unusable
 * input, with one line on stderr.
 */
import { walkFlags } from "../flags";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { AppError, isAppError } from "@/lib/errors";
import { createFieldInference, type FieldInference } from "@/lib/schema";

interface InferArgs {
  input: string;
  kind?: string;
}

const USAGE = "usage: infer --input <response.json|pages.ndjson> [--kind <path, e.g. /users>]";

function parseArgs(argv: string[]): InferArgs {
  const out: Partial<InferArgs> = {};
  walkFlags(argv, USAGE, (flag, value) => {
    if (flag === "--input") out.input = value();
    else if (flag === "--kind") out.kind = value();
    else return false;
    return true;
  });
  if (!out.input) throw new AppError("cli_usage", USAGE);
  if (out.kind !== undefined && !/^\/[^\s]*$/.test(out.kind)) throw new AppError("cli_usage", `--kind takes an endpoint path such as /users, got "${out.kind}"`);
  return out as InferArgs;
}

function unreadable(path: string, e: unknown): AppError {
  return new AppError("cli_unreadable", `cannot read input ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}

/**
 * Feeds --input to the inference: NDJSON page by page; when the first line is not JSON on
 * its own, the file is one (pretty-printed) JSON document.
 */
async function feed(path: string, inference: FieldInference): Promise<void> {
  const stream = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  let bodies = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === "") continue;
      let body: unknown;
      try {
        body = JSON.parse(line);
      } catch (e) {
        if (bodies === 0) break; // not NDJSON: read it as one document below
        throw new AppError("cli_bad_input", `${path} line ${lineNumber} is not JSON (${(e as Error).message}); give one JSON body or NDJSON, one page per line`);
      }
      bodies += 1;
      inference.addBody(body, `${path} line ${lineNumber}`);
    }
  } catch (e) {
    throw isAppError(e) ? e : unreadable(path, e);
  } finally {
    lines.close();
    stream.destroy();
  }
  if (bodies > 0) return;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw unreadable(path, e);
  }
  if (text.trim() === "") throw new AppError("cli_bad_input", `${path} holds no JSON`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    throw new AppError("cli_bad_input", `${path} is not JSON (${(e as Error).message}); give one JSON body, a JSON array of items, or NDJSON, one page per line`);
  }
  inference.addBody(document, path);
}

export default async function run(argv: string[]): Promise<number> {
  let inference: FieldInference;
  try {
    const args = parseArgs(argv);
    inference = createFieldInference({ kind: args.kind });
    await feed(args.input, inference);
  } catch (e) {
    process.stderr.write(`${isAppError(e) ? e.message : String(e)}\n`);
    return 2;
  }
  const result = inference.result();
  const fields = result.fields.map(({ path, type, format, presence, nulls, examples, inDefaultSet }) => ({ path, type, format, presence, nulls, examples, inDefaultSet }));
  for (const note of result.notes) process.stderr.write(`note: ${note.message}\n`);
  process.stdout.write(`${JSON.stringify({ items: result.items, fields })}\n`);
  return 0;
}
