import type { OnMount } from "@monaco-editor/react";

/**
 * Monaco is not a form control, so a disabled `<fieldset>` (a read-only share's step
 * pages: components/project/ProjectAccessGate) does not reach it: an editor mounted inside
 * one becomes read only, so a viewer cannot type text that no save would keep.
 */
export function readOnlyInsideDisabled(onMount: OnMount | undefined): OnMount {
  return (editor, monaco) => {
    if (editor.getDomNode()?.closest("fieldset:disabled")) editor.updateOptions({ readOnly: true, domReadOnly: true });
    onMount?.(editor, monaco);
  };
}
