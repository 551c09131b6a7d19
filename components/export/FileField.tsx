"use client";

import { useId, useState } from "react";

/** A text to paste, or a file to upload into it. */
export function FileField(props: { label: string; help: string; accept: string; value: string; onChange(text: string): void; testId: string; rows?: number }) {
  const id = useId();
  const helpId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      props.onChange(await file.text());
      setProblem(null);
    } catch (error) {
      setProblem(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        value={props.value}
        rows={props.rows ?? 12}
        spellCheck={false}
        aria-describedby={helpId}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
      <span id={helpId} className="help">
        {props.help}{" "}
        <label>
          Or upload a file: <input type="file" accept={props.accept} onChange={(e) => void upload(e.target.files?.[0])} data-testid={`${props.testId}-file`} />
        </label>
      </span>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
