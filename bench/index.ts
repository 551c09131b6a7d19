/**
 * `npm run bench [-- --quick] [-- name-filter]`: runs every `bench/*.bench.ts` in turn.
 * Each file default-exports a `Bench`; each prints its own figures through `report`.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatFigure, type Bench, type Figure } from "./report";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const filters = args.filter((a) => !a.startsWith("--"));
  const dir = __dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.log("no benchmarks matched");
    return;
  }
  for (const file of files) {
    console.log(`# ${file}${quick ? " (quick)" : ""}`);
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Bench };
    await mod.default({
      quick,
      report: (f: Figure) => console.log(formatFigure(f)),
    });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
