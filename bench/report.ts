/**
 * Benchmark reporting: one line per figure, with the baseline measured in the same run
 * and the ratio between them (conventions.md). Figures are printed, never asserted.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** A baseline measured in the same run, for the ratio. */
  baseline?: { name: string; value: number };
}

export interface BenchContext {
  /** `--quick`: smaller inputs, for a smoke run. */
  quick: boolean;
  report(figure: Figure): void;
}

export type Bench = (ctx: BenchContext) => Promise<void>;

function format(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US");
  return n.toFixed(2);
}

export function formatFigure(f: Figure): string {
  let line = `${f.name}: ${format(f.value)} ${f.unit}`;
  if (f.baseline) {
    const ratio = f.baseline.value === 0 ? Infinity : f.value / f.baseline.value;
    line += ` | baseline ${f.baseline.name}: ${format(f.baseline.value)} ${f.unit} | ratio ${ratio.toFixed(2)}x`;
  }
  return line;
}
