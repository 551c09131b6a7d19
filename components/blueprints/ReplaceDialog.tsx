"use client";

/**
 * Asked before new blueprints meet existing ones: replace all, add only the missing, or
 * cancel. A native modal <dialog>: focus moves into it and Escape cancels.
 */
import { useModalDialog } from "../useModalDialog";
import styles from "./blueprints.module.css";
import type { MergeMode } from "./generate";

export function ReplaceDialog({
  open,
  source,
  existing,
  missing,
  onChoose,
}: {
  open: boolean;
  /** "generated blueprints" or "the template". */
  source: string;
  existing: number;
  missing: number;
  onChoose: (mode: MergeMode | null) => void;
}) {
  const ref = useModalDialog(open);
  const them = existing === 1 ? "it" : "them";

  return (
    <dialog ref={ref} aria-labelledby="replace-title" data-testid="replace-dialog" onCancel={() => onChoose(null)}>
      <h2 id="replace-title">Replace the blueprints?</h2>
      <p>
        This project already has {existing} {existing === 1 ? "blueprint" : "blueprints"}. Replacing {them} with {source} drops your edits to {them}.
      </p>
      <div className={styles.dialogActions}>
        <button type="button" onClick={() => onChoose(null)} autoFocus>
          Cancel
        </button>
        <button type="button" onClick={() => onChoose("missing")} disabled={missing === 0} data-testid="add-missing">
          {missing === 0 ? "Nothing missing to add" : `Add only the ${missing} missing`}
        </button>
        <button type="button" className="danger" onClick={() => onChoose("replace")} data-testid="replace-all">
          Replace all
        </button>
      </div>
    </dialog>
  );
}
