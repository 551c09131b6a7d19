/**
 * The one way the commands read their options: `--flag value` or `--flag=value`, a value
 * never taken from the next option, and an unknown option refused with the usage line.
 * Each command says what its flags mean in `onFlag`, and returns false for one it does not know.
 */
import { AppError } from "../lib/errors";

export function usageError(message: string): AppError {
  return new AppError("cli_usage", message);
}

export function walkFlags(argv: readonly string[], usage: string, onFlag: (flag: string, value: () => string) => boolean): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw usageError(`${flag} needs a value; ${usage}`);
      return v;
    };
    if (!onFlag(flag, value)) throw usageError(`unknown option ${arg}; ${usage}`);
  }
}
