"use client";

/**
 * The step's shortcuts when the focus is outside the editor (Monaco has its own bindings of
 * the same keys): Ctrl/Cmd+S saves, Ctrl/Cmd+Enter runs the preview, Ctrl/Cmd+Shift+M goes to
 * the problems list.
 */
import { useEffect, useRef } from "react";
import type { Shortcuts } from "./MappingEditor";

export function useShortcuts(shortcuts: Shortcuts): void {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  }, [shortcuts]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.target instanceof Element && event.target.closest(".monaco-editor")) return;
      const key = event.key.toLowerCase();
      const action = key === "s" && !event.shiftKey ? ref.current.save : key === "enter" ? ref.current.run : key === "m" && event.shiftKey ? ref.current.focusLints : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
