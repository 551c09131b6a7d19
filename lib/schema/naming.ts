/**
 * Names for generated blueprints: blueprint identifiers and titles from a resource kind,
 * property identifiers (camelCase, valid for Port, unique) and titles from field paths.
 */
import { blueprintIdentifierPattern } from "../port/schemas";
import { parsePath } from "./paths";

const KNOWN_KINDS: Record<string, { identifier: string; title: string }> = {
  "/users": { identifier: "entra-id-user", title: "Entra ID User" },
  "/groups": { identifier: "entra-id-group", title: "Entra ID Group" },
  "/applications": { identifier: "entra-id-application", title: "Entra ID Application" },
  "/serviceprincipals": { identifier: "entra-id-service-principal", title: "Entra ID Service Principal" },
  "/groups/{}/members": { identifier: "entra-id-group-membership", title: "Entra ID Group Membership" },
};

/** Longest identifier written (Port's blueprint identifiers stop at 100). */
const MAX_IDENTIFIER_LENGTH = 100;

/** `/users` and `/users/delta` -> `/users`; `{group_id}` -> `{}`; lower case. */
export function normalizeKind(kind: string): string {
  return kind
    .trim()
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/\/delta$/i, "")
    .replace(/\/+$/, "")
    .toLowerCase();
}

/** Acronyms with a plural s (`URIs`), acronyms, capitalised or lower-case words, other letters, numbers. */
const WORD = /\p{Lu}{2,}s(?!\p{Ll})|\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|[\p{Lo}\p{Lm}\p{Lt}]+|\p{N}+/gu;

/** Words of a key: `lastSignInDateTime` -> last Sign In Date Time; `identifierURIs` -> identifier URIs; `@odata.type` -> odata type. */
export function wordsOf(key: string, asciiOnly = false): string[] {
  // Accents go (é -> e) before anything that is not an ASCII letter or digit separates words.
  const text = asciiOnly ? key.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^A-Za-z0-9]+/g, " ") : key;
  return text.match(WORD) ?? [];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  if (/sses$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, "");
}

function kindWords(kind: string): string[] {
  const segments = kind.split("/").filter((s) => s && !s.startsWith("{") && s.toLowerCase() !== "delta");
  const words = segments.flatMap((s) => wordsOf(s, true));
  if (words.length > 0) words[words.length - 1] = singular(words[words.length - 1]!);
  return words;
}

/** `/users` -> `entra-id-user`, `/servicePrincipals` -> `entra-id-service-principal`, `/devices` -> `entra-id-device`. */
export function blueprintIdentifierForKind(kind: string): string {
  const known = KNOWN_KINDS[normalizeKind(kind)];
  if (known) return known.identifier;
  const slug = kindWords(kind).map((w) => w.toLowerCase()).join("-");
  const identifier = `entra-id-${slug || "resource"}`.slice(0, MAX_IDENTIFIER_LENGTH).replace(/-+$/, "");
  return blueprintIdentifierPattern.test(identifier) ? identifier : "entra-id-resource";
}

/** `/users` -> `Entra ID User`, `/directoryRoles` -> `Entra ID Directory Role`. */
export function blueprintTitleForKind(kind: string): string {
  const known = KNOWN_KINDS[normalizeKind(kind)];
  if (known) return known.title;
  const words = kindWords(kind).map(capitalize);
  return `Entra ID ${words.join(" ") || "Resource"}`;
}

function keysOf(path: string): string[] {
  return (parsePath(path) ?? []).flatMap((s) => ("key" in s ? [s.key] : []));
}

/** `.signInActivity.lastSignInDateTime` -> `Last Sign In Date Time`; `full` titles the whole path. */
export function titleFromPath(path: string, full = false): string {
  const keys = keysOf(path);
  const used = full ? keys : keys.slice(-1);
  const title = used.flatMap((k) => wordsOf(k)).map(capitalize).join(" ");
  return title || "Value";
}

/** `.signInActivity.lastSignInDateTime` -> `signInActivityLastSignInDateTime` (ASCII letters and digits only). */
export function camelIdentifier(path: string): string {
  const words = keysOf(path).flatMap((k) => wordsOf(k, true));
  const [first, ...rest] = words;
  if (first === undefined) return "value";
  const head = first === first.toUpperCase() ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return (head + rest.map(capitalize).join("")).slice(0, MAX_IDENTIFIER_LENGTH);
}

/** Hands out identifiers that are unique among those already given (`mail`, `mail2`, ...). */
export function uniqueNamer(taken: Iterable<string> = []): (base: string) => string {
  const used = new Set(taken);
  return (base) => {
    let name = base;
    for (let n = 2; used.has(name); n++) {
      const suffix = String(n);
      name = base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length) + suffix;
    }
    used.add(name);
    return name;
  };
}
