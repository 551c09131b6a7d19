/**
 * `npm run cli -- <command> [options]`: the command-line door onto lib/.
 * Each command lives in cli/commands/<name>.ts and default-exports `run(argv)` returning
 * an exit code. Exit 2 means unusable input, with one line on stderr.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Command = (argv: string[]) => Promise<number>;

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const commandsDir = path.join(__dirname, "commands");
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write("usage: npm run cli -- <command> [options]\ncommands: see cli/commands/\n");
    return name ? 0 : 2;
  }
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(path.join(commandsDir, `${name}.ts`))) {
    process.stderr.write(`unknown command "${name}"; run with --help for the list\n`);
    return 2;
  }
  const mod = (await import(pathToFileURL(path.join(commandsDir, `${name}.ts`)).href)) as { default: Command };
  return mod.default(rest);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
