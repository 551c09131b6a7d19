/** `$select` as text (what Graph receives) and as a list of names (what the picker shows). */

/** Names in the order written, without blanks or repeats (Graph's names are case-insensitive). */
export function parseSelect(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

export function formatSelect(names: readonly string[]): string {
  return names.join(",");
}

export function isSelected(text: string, name: string): boolean {
  return parseSelect(text).some((n) => n.toLowerCase() === name.toLowerCase());
}

/** Adds `name` at the end, or removes it, keeping everything else the person wrote. */
export function toggleSelect(text: string, name: string): string {
  const names = parseSelect(text);
  const without = names.filter((n) => n.toLowerCase() !== name.toLowerCase());
  return formatSelect(without.length === names.length ? [...names, name] : without);
}

/** Selected names that are not among `known` (typos, or properties of another resource). */
export function unknownSelected(text: string, known: readonly string[]): string[] {
  if (known.length === 0) return [];
  const lower = new Set(known.map((k) => k.toLowerCase()));
  return parseSelect(text).filter((n) => !lower.has(n.toLowerCase()) && !n.includes("/") && !n.includes("("));
}
