/** A file the command was given, as text; a file it cannot read is unusable input, named with the reason. */
import { readFile } from "node:fs/promises";
import { AppError } from "../lib/errors";

export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw new AppError("cli_unreadable", `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
