"use client";

import { useMemo } from "react";
import type { Blueprint } from "@/lib/port/schemas";
import { creationOrder } from "./creation-order";
import styles from "./blueprints.module.css";

/** The order in which Port gets the blueprints, and how cycles are broken. */
export function CreationOrderList({ blueprints }: { blueprints: Blueprint[] }) {
  const order = useMemo(() => creationOrder(blueprints), [blueprints]);
  return (
    <>
      <ol className="steps" data-testid="creation-order">
        {order.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {order.cycles.length > 0 && (
        <div className={styles.notes} role="note" data-testid="creation-cycles">
          <ul>
            {order.cycles.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
