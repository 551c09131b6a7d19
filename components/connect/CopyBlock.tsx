"use client";

import { useRef, useState } from "react";
import styles from "./connect.module.css";

type CopyState = "idle" | "copied" | "selected";

/**
 * Text to copy, with its button. Where the clipboard API is unavailable (plain http on a
 * host other than localhost) the text is selected instead, for Ctrl+C.
 */
export function CopyBlock({ text, label, placeholder, testId }: { text: string | null; label: string; placeholder?: string; testId: string }) {
  const pre = useRef<HTMLPreElement>(null);
  const [state, setState] = useState<CopyState>("idle");

  async function copy() {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      const node = pre.current;
      const selection = window.getSelection();
      if (node && selection) {
        selection.selectAllChildren(node);
        setState("selected");
      }
    }
  }

  return (
    <div className={styles.copyBlock}>
      <pre ref={pre} className={text ? undefined : styles.placeholder} data-testid={testId}>{text ?? placeholder}</pre>
      <button type="button" className={styles.copyButton} onClick={copy} disabled={!text} aria-label={`Copy ${label}`}>
        Copy
      </button>
      <span role="status" className={styles.copyStatus}>
        {state === "copied" ? `Copied ${label}.` : state === "selected" ? "Selected: press Ctrl+C (⌘C) to copy." : ""}
      </span>
    </div>
  );
}
