/**
 * `$search="displayName:ann" AND "mail:ann"`: quoted `property:term` clauses joined by
 * AND/OR, read by one left-to-right scan (a split on a whitespace regex backtracks
 * quadratically over a long run of spaces, which blocked the server for seconds).
 */
import { badRequest } from "./responses";

export interface SearchClause {
  property: string;
  term: string;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";

const syntaxError = (source: string, position: number, expected: string) =>
  badRequest(`Syntax error: ${expected} expected at position ${position} in $search. Use "property:value" clauses joined by AND or OR.${source.length <= 200 ? ` The value was: ${source}` : ""}`);

export function parseSearch(source: string): SearchClause[] {
  const clauses: SearchClause[] = [];
  let i = 0;
  const skipSpaces = () => {
    while (isSpace(source[i])) i++;
  };
  for (;;) {
    skipSpaces();
    if (i >= source.length) break;
    if (clauses.length > 0) {
      const keyword = source.slice(i, i + 3).toUpperCase();
      const length = keyword === "AND" ? 3 : keyword.startsWith("OR") ? 2 : 0;
      if (length === 0 || !isSpace(source[i + length])) throw syntaxError(source, i, "AND or OR");
      i += length;
      skipSpaces();
    }
    if (source[i] !== '"') throw syntaxError(source, i, "a quoted clause");
    const close = source.indexOf('"', i + 1);
    if (close < 0) throw syntaxError(source, source.length, "a closing quote");
    const clause = source.slice(i + 1, close);
    const colon = clause.indexOf(":");
    if (colon <= 0) throw syntaxError(source, i + 1, "a clause of the form property:value");
    clauses.push({ property: clause.slice(0, colon), term: clause.slice(colon + 1) });
    i = close + 1;
  }
  if (clauses.length === 0) throw syntaxError(source, 0, "a quoted clause");
  return clauses;
}
