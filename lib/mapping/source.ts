/**
 * Positions and issues shared by the parser, the validator, the compiler and the lints.
 */
import type { AppErrorShape, ErrorLocation } from "@/lib/errors";

export type PathSegment = string | number;

export interface ConfigIssue extends AppErrorShape {
  severity: "error" | "warning";
}

/** Where things are in the YAML text. A config built in code has no source: all unknown. */
export interface SourceMap {
  /** The value at `path` (or the nearest existing parent). */
  locate(path: readonly PathSegment[]): ErrorLocation;
  /** The key `key` of the map at `path`. */
  locateKey(path: readonly PathSegment[], key: string): ErrorLocation;
  /**
   * Maps a position inside a string scalar's value (1-based line/column of the jq
   * expression) to the YAML text, accounting for quotes and block indentation.
   */
  locateInScalar(path: readonly PathSegment[], line: number, column: number): ErrorLocation;
}

/** `["resources", 1, "port"]` -> `resources[1].port`; odd keys as `["a.b"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export const noSource: SourceMap = {
  locate: (path) => ({ path: formatPath(path) }),
  locateKey: (path, key) => ({ path: formatPath([...path, key]) }),
  locateInScalar: (path) => ({ path: formatPath(path) }),
};

