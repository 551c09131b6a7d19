"use client";

import { useState } from "react";

/** Copies text to the clipboard and says whether it worked. */
export function CopyButton({ text, label }: { text: () => string; label: string }) {
  const [result, setResult] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setResult("copied");
    } catch {
      setResult("failed");
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted">
        {result === "copied" ? "Copied." : result === "failed" ? "Copy failed: the browser refused access to the clipboard." : ""}
      </span>
    </>
  );
}
