/**
 * Before an import reads a file as what it should be: is it that kind of file at all?
 * A PNG or a zip given as the mapping, a blueprints JSON given as the config (or the other
 * way round), a file past the size limit: one clear error naming the file and what it
 * looks like, instead of a parser's complaint about its first character.
 */
import { isMap } from "yaml";
import { parseYamlBounded } from "../mapping/yaml-depth";

export type ImportedFileKind = "config" | "blueprints" | "integration";

const LABEL: Record<ImportedFileKind, string> = { config: "mapping YAML", blueprints: "blueprints JSON", integration: "integration config" };

/** Binary formats people pick by mistake, by their first bytes as read as UTF-8 text. */
const SIGNATURES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\uFFFDPNG\r\n/, "a PNG image"],
  [/^PK\u0003\u0004/, "a zip archive"],
  [/^\u001F\uFFFD/, "a gzip archive"],
  [/^%PDF-/, "a PDF document"],
  [/^\uFFFD\uFFFD\uFFFD/, "a JPEG image or other binary file"],
  [/^GIF8[79]a/, "a GIF image"],
];

export interface KindProblem {
  code: "file_too_large" | "file_not_text" | "wrong_file";
  message: string;
  hint: string;
}

function binaryKind(text: string): string | null {
  for (const [signature, what] of SIGNATURES) if (signature.test(text)) return what;
  const head = text.slice(0, 4096);
  // NUL bytes, or many bytes that were not UTF-8: not a text file.
  const unreadable = (head.match(/[\u0000\uFFFD]/g) ?? []).length;
  return head.includes("\u0000") || unreadable > head.length / 20 ? "a binary file" : null;
}

function looksLikeBlueprints(text: string): string[] | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const list = Array.isArray(value) ? value : (value as { blueprints?: unknown } | null)?.blueprints;
  if (!Array.isArray(list) || list.length === 0) return null;
  const ids = list.map((b) => (b && typeof b === "object" && "schema" in b && typeof (b as { identifier?: unknown }).identifier === "string" ? (b as { identifier: string }).identifier : null));
  return ids.every((id): id is string => id !== null) ? ids : null;
}

function looksLikeConfig(text: string): boolean {
  if (text.trimStart().startsWith("[")) return false;
  const { doc } = parseYamlBounded(text, { prettyErrors: false });
  return !!doc && doc.errors.length === 0 && isMap(doc.contents) && doc.contents.has("resources");
}

/** The problem with giving `text` as `kind`, or null when it may be that kind of file. */
export function importedFileProblem(kind: ImportedFileKind, text: string, maxChars: number): KindProblem | null {
  const label = LABEL[kind];
  if (text.length > maxChars) {
    return { code: "file_too_large", message: `The ${label} is ${text.length.toLocaleString("en-US")} characters; at most ${maxChars.toLocaleString("en-US")} are read.`, hint: "Check that this is the right file." };
  }
  const binary = binaryKind(text);
  if (binary) return { code: "file_not_text", message: `The ${label} is not text: it looks like ${binary}.`, hint: `Choose the ${label} file itself.` };
  if (kind !== "blueprints") {
    const ids = looksLikeBlueprints(text);
    if (ids) {
      return {
        code: "wrong_file",
        message: `The ${label} is a blueprints JSON (blueprints ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", ..." : ""}), not ${kind === "config" ? "a port-app-config" : "an integration config"}.`,
        hint: "Give it as the blueprints file, and the port-app-config YAML as the mapping.",
      };
    }
  }
  if (kind === "blueprints" && looksLikeConfig(text)) {
    return { code: "wrong_file", message: "The blueprints JSON is a port-app-config (it has resources:), not blueprints.", hint: "Give it as the mapping YAML, and the blueprints JSON as the blueprints file." };
  }
  return null;
}
