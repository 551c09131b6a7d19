/**
 * POSIX shell quoting for the generated commands. Every value is either a word that needs
 * no quoting or single-quoted (the only quoting in which nothing is special: `$`, `` ` ``,
 * `"`, `\` and newlines stay as they are; a `'` is closed, escaped and reopened). Values
 * from the caller's environment are written as `"$NAME"`: expanded once, never split or
 * re-read as shell.
 */

const SAFE_WORD = /^[A-Za-z0-9@%+=:,./_-]+$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One shell word that the shell turns back into exactly `value`. */
export function quote(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `"$NAME"`: the caller's environment variable, expanded as one word. */
export function envRef(name: string): string {
  if (!VARIABLE_NAME.test(name)) throw new Error(`not an environment variable name: ${name}`);
  return `"$${name}"`;
}

/** A word made of literal text followed by a variable: `'key=prefix'"$NAME"`. */
export function literalThenEnv(literal: string, name: string): string {
  return `${quote(literal)}${envRef(name)}`;
}

/** A command over several lines: the first word, then one argument group per line. */
export function multiline(head: string, groups: readonly (readonly string[])[], indent = "  "): string {
  if (groups.length === 0) return head;
  return [head, ...groups.map((g) => `${indent}${g.join(" ")}`)].join(" \\\n");
}

/** `: "${NAME:?message}"`: stops the script with the message when the variable is unset or empty. */
export function requireEnv(name: string, message: string): string {
  if (!VARIABLE_NAME.test(name)) throw new Error(`not an environment variable name: ${name}`);
  // Inside ${...:?word} the word undergoes expansion: keep it to plain text.
  const safe = message.replace(/[^A-Za-z0-9 .,:()/_-]/g, " ");
  return `: "\${${name}:?${safe}}"`;
}
