import type { BlueprintDrift } from "@/lib/sync/types";
import { BlueprintCountsTable, type CountColumn } from "./BlueprintCountsTable";

const COLUMNS: readonly CountColumn<BlueprintDrift>[] = [
  { label: "Checked", value: (d) => d.checked },
  { label: "Changed in Port", value: (d) => d.changed },
  { label: "Missing in Port", value: (d) => d.missing },
  { label: "Not this project's", value: (d) => d.unmanaged },
];

/** "Verify against Port": what differs between Port and what this project wrote. */
export function DriftTable({ drift }: { drift: readonly BlueprintDrift[] }) {
  if (drift.length === 0) return <p className="muted">This project has written no entity to compare yet.</p>;
  return (
    <BlueprintCountsTable
      name="drift"
      rows={drift}
      columns={COLUMNS}
      examples={(d) => [
        { label: "Changed in Port (Port − / this project +)", examples: d.examples.changed },
        { label: "Missing in Port", examples: d.examples.missing },
      ]}
    />
  );
}
