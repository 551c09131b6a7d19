/**
 * Where a package's entry file is, for code that must `require` it by path (a worker
 * thread evaluated from a string). Looked up from the project root first: in a bundled
 * server (Next's server chunks under .next/) a module's own location says nothing about
 * where node_modules is; the calling module's location is the fallback (tsx, vitest, a
 * CLI started from elsewhere).
 */
import { createRequire } from "node:module";
import path from "node:path";

export function resolvePackage(name: string, fromModuleUrl: string | undefined, root: string = process.cwd()): string {
  const bases = [path.join(root, "package.json"), ...(fromModuleUrl ? [fromModuleUrl] : [])];
  for (const base of bases) {
    try {
      return createRequire(base).resolve(name);
    } catch {
      // try the next base
    }
  }
  throw new Error(`${name} not found from ${root}${fromModuleUrl ? ` nor from ${fromModuleUrl}` : ""}: start from the project root (where node_modules/${name} is) or run npm ci there`);
}

/** `import.meta.url`, or undefined in a CommonJS bundle that has none. */
export function moduleUrl(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
