/** "Create in Port"'s report (lib/port's EnsureBlueprintsReport) as one sentence per blueprint. */
import type { EnsureBlueprintsReport } from "@/lib/port";

export interface PushOutcome {
  identifier: string;
  outcome: "created" | "updated" | "unchanged";
  words: string;
}

const and = (names: readonly string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

function additions(one: string, many: string, names: readonly string[]): string | null {
  if (names.length === 0) return null;
  return `${names.length === 1 ? one : many} ${and(names)}`;
}

/** In creation order (the report's steps), each blueprint once. */
export function pushOutcomes(report: Pick<EnsureBlueprintsReport, "created" | "updated" | "unchanged" | "steps">): PushOutcome[] {
  const order = [...new Set([...report.steps.map((s) => s.identifier), ...report.created, ...report.updated.map((u) => u.identifier), ...report.unchanged])];
  const out: PushOutcome[] = [];
  for (const id of order) {
    const update = report.updated.find((u) => u.identifier === id);
    if (report.created.includes(id)) out.push({ identifier: id, outcome: "created", words: `${id}: created in Port.` });
    else if (update) {
      const added = [additions("property", "properties", update.addedProperties), additions("relation", "relations", update.addedRelations)].filter(Boolean);
      out.push({ identifier: id, outcome: "updated", words: `${id}: already in Port; added ${added.join(" and ")}.` });
    } else if (report.unchanged.includes(id)) out.push({ identifier: id, outcome: "unchanged", words: `${id}: already in Port with everything it needs; nothing changed.` });
  }
  return out;
}
