"use client";

import type { CSSProperties } from "react";
import type { JsonRow } from "./json-tree";
import { shownText } from "./visible-text";
import styles from "./explore.module.css";

const INDENT_PX = 16;

function leafClass(text: string): string | undefined {
  if (text.startsWith('"')) return styles.string;
  if (text === "true" || text === "false" || text === "null") return styles.literal;
  return styles.number;
}

function Key({ row }: { row: JsonRow }) {
  if (row.key === null) return null;
  return <span className={styles.key}>{/^\d+$/.test(row.key) ? `${row.key}:` : `"${shownText(row.key, 200)}":`}</span>;
}

/** One line of the JSON tree; an object or array is a button that opens or closes it. */
export function JsonRowView({ row, style, onToggle }: { row: JsonRow; style: CSSProperties; onToggle: (pointer: string) => void }) {
  const indent = { paddingLeft: row.depth * INDENT_PX };
  if (row.expandable) {
    const open = row.kind === "open";
    return (
      <div className={styles.jsonRow} style={{ ...style, ...indent }}>
        <button type="button" className={styles.toggleRow} aria-expanded={open} onClick={() => onToggle(row.pointer)} title={open ? undefined : row.text}>
          <span className={styles.caret} aria-hidden>{open ? "▾" : "▸"}</span>
          <Key row={row} />
          <span className={open ? undefined : styles.summaryText}>
            {row.text}
            {open && row.size !== null ? <span className={styles.summaryText}> {row.size.toLocaleString("en-US")} {row.text === "[" ? "items" : "keys"}</span> : null}
          </span>
        </button>
      </div>
    );
  }
  return (
    <div className={styles.jsonRow} style={{ ...style, paddingLeft: row.depth * INDENT_PX + 18 }} title={row.kind === "leaf" ? row.text : undefined}>
      <Key row={row} />
      <span className={row.kind === "leaf" ? leafClass(row.text) : undefined}>{row.key !== null ? " " : ""}{row.text}</span>
    </div>
  );
}
