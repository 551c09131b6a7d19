import type { BlueprintPlan } from "@/lib/sync/types";
import { BlueprintCountsTable, type CountColumn } from "./BlueprintCountsTable";

const COLUMNS: readonly CountColumn<BlueprintPlan>[] = [
  { label: "Create", value: (p) => p.create },
  { label: "Update", value: (p) => p.update },
  { label: "Unchanged", value: (p) => p.unchanged },
  { label: "Delete", value: (p) => p.delete },
];

/** The dry run's plan, a row per blueprint, its examples and property diffs folded below. */
export function PlanTable({ plan }: { plan: readonly BlueprintPlan[] }) {
  if (plan.length === 0) return <p className="muted">The dry run produced no entity.</p>;
  return (
    <BlueprintCountsTable
      name="plan"
      rows={plan}
      columns={COLUMNS}
      examples={(p) => [
        { label: "To create", examples: p.examples.create },
        { label: "To update", examples: p.examples.update },
        { label: "To delete", examples: p.examples.delete },
      ]}
      rowData={(p) => ({ "data-create": p.create, "data-update": p.update, "data-unchanged": p.unchanged, "data-delete": p.delete })}
    />
  );
}
