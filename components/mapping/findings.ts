/**
 * Every problem of the mapping in one list, for the editor's markers and the lints panel:
 * YAML and configuration issues (lib/mapping's parser), jq syntax errors (compiler),
 * Graph lints (lintConfig), and what the preview found in the sampled data (runs stopped
 * at the time limit, fields failing on items, values Port would refuse, two items writing
 * one entity). Each carries its position and, where one exists, its one-click fix.
 */
import { lintConfig, type ConfigIssue, type Diagnostic, type LintFinding, type ParsedConfig } from "@/lib/mapping";
import type { FixRequest } from "./lint-fixes";
import type { PreviewResult } from "./preview-run";

export interface Finding {
  id: string;
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  hint?: string;
  line?: number;
  column?: number;
  /** The resource it is about (`resources[N]`), when it is about one. */
  resource: number | null;
  fix: FixRequest | null;
  origin: "yaml" | "jq" | "lint" | "preview";
}

const MEMBERSHIP_KIND = /^\/groups\/\{[A-Za-z_]+\}\/members$/;

function resourceOf(path: string | undefined): number | null {
  const m = /^resources\[(\d+)\]/.exec(path ?? "");
  return m ? Number(m[1]) : null;
}

const LINT_FIXES: Partial<Record<string, FixRequest["kind"]>> = {
  field_not_selected: "select",
  field_not_returned_by_default: "select",
  select_without_id: "select",
  top_missing: "top",
  top_out_of_range: "top",
  expand_member_cap: "membership",
  advanced_query_header: "consistency",
  pagination_skip_token: "next_link",
  pagination_unknown: "next_link",
};

/** What the parser and the linter report alike: code, severity, words and where. */
type Reported = Pick<Finding, "code" | "severity" | "message" | "hint"> & { location?: { line?: number; column?: number } };

function findingOf(r: Reported, id: string, origin: Finding["origin"], resource: number | null, fix: FixRequest | null): Finding {
  return { id, code: r.code, severity: r.severity, message: r.message, hint: r.hint, line: r.location?.line, column: r.location?.column, resource, fix, origin };
}

function fromIssue(issue: ConfigIssue, origin: Finding["origin"], n: number): Finding {
  const resource = resourceOf(issue.location?.path);
  let fix: FixRequest | null = null;
  if (issue.code === "kind_without_slash") fix = { kind: "kind_slash", resource };
  if (issue.code === "unknown_key") {
    const to = /Did you mean "([^"]+)"/.exec(issue.hint ?? "")?.[1];
    const from = /unknown key "([^"]+)"/.exec(issue.message)?.[1];
    const path = pathOf(issue.location?.path ?? "");
    if (to && from && path) fix = { kind: "rename_key", resource, rename: { path: path.slice(0, -1), from, to } };
  }
  return findingOf(issue, `${origin}:${issue.code}:${n}`, origin, resource, fix);
}

/** `resources[0].selector.datapath` -> ["resources", 0, "selector", "datapath"]. */
export function pathOf(text: string): (string | number)[] | null {
  const out: (string | number)[] = [];
  const re = /([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\./gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < text.length && (m = re.exec(text)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
    at = re.lastIndex;
  }
  return at === text.length ? out : null;
}

function fromLint(f: LintFinding, n: number): Finding {
  const resource = resourceOf(f.location?.path);
  const kind = LINT_FIXES[f.code];
  return findingOf(f, `lint:${f.code}:${n}`, "lint", resource, kind ? { kind, resource } : null);
}

function fromStopped(stopped: readonly Diagnostic[]): Finding[] {
  const out: Finding[] = [];
  for (const d of stopped) {
    out.push({
      id: `preview:stopped:${d.location?.path ?? d.field}`,
      code: "jq_timeout",
      severity: "error",
      message: d.message,
      hint: "The expression never ends on these items (recurse, repeat or a def calling itself?). The preview stopped it; Ocean would hang.",
      line: d.location?.line,
      column: d.location?.column,
      resource: resourceOf(d.location?.path),
      fix: null,
      origin: "preview",
    });
  }
  return out;
}

/** What the preview found in the sampled data. */
function fromPreview(preview: PreviewResult, kinds: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const r of preview.resources) {
    if (r.duplicates > 0) {
      const nested = MEMBERSHIP_KIND.test(kinds[r.index] ?? "");
      const identifier = r.fields.find((f) => f.name === "identifier");
      out.push({
        id: `preview:duplicate:${r.index}`,
        code: "duplicate_entity",
        severity: "warning",
        message: `${r.duplicates.toLocaleString("en-US")} items of ${kinds[r.index]} produce an entity another item already produced: Port keeps only the last one written`,
        hint: nested
          ? "Each member writes the same group entity, so a many-relation keeps only the last member. One membership entity per group and member lists them all."
          : "Make the identifier unique per item.",
        line: identifier?.location?.line,
        column: identifier?.location?.column,
        resource: r.index,
        fix: nested ? { kind: "membership_entities", resource: r.index } : null,
        origin: "preview",
      });
    }
    for (const f of r.fields) {
      const at = { line: f.location?.line, column: f.location?.column, resource: r.index, fix: null, origin: "preview" as const };
      if (f.errors && !/^stopped after/.test(f.errors.message.replace(/^[^:]*: /, ""))) {
        out.push({ id: `preview:error:${r.index}:${f.name}`, code: "jq_error", severity: "warning", message: `${f.name} fails for ${f.errors.count.toLocaleString("en-US")} of ${f.total.toLocaleString("en-US")} items (the value becomes null): ${f.errors.message.replace(/^[^:]*: /, "")}`, hint: "Guard the expression (// null, .x?, try ... catch null) or fix it for these items.", ...at });
      }
      if (f.typeMismatch) {
        out.push({ id: `preview:type:${r.index}:${f.name}`, code: "property_type_mismatch", severity: "warning", message: `${f.name}: ${f.typeMismatch.count.toLocaleString("en-US")} values do not match the blueprint (${f.typeMismatch.expected} expected): ${JSON.stringify(f.typeMismatch.example)?.slice(0, 60)} ${f.typeMismatch.problem}`, hint: "Convert the value in the jq expression (tostring, tonumber, test(...)) or change the blueprint property's type.", ...at });
      }
      if (f.notInBlueprint) {
        out.push({ id: `preview:blueprint:${r.index}:${f.name}`, code: "not_in_blueprint", severity: "warning", message: `${f.name}: ${f.notInBlueprint}`, hint: "Add it to the blueprint, or remove it from the mapping.", ...at });
      }
    }
  }
  return out;
}

/**
 * `preview`: the current good preview (null while it is stale); `stopped`: the runs the
 * latest preview stopped at the time limit.
 */
export function collectFindings(text: string, parsed: ParsedConfig, compileIssues: readonly ConfigIssue[], preview: PreviewResult | null, stopped: readonly Diagnostic[] = []): Finding[] {
  const out: Finding[] = [];
  parsed.issues.forEach((i, n) => out.push(fromIssue(i, "yaml", n)));
  parsed.warnings.forEach((i, n) => out.push(fromIssue(i, "yaml", n + parsed.issues.length)));
  compileIssues.forEach((i, n) => out.push(fromIssue(i, "jq", n)));
  if (parsed.config) {
    const paginationType = /^paginationType:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
    const paginationLine = text.split("\n").findIndex((l) => l.startsWith("paginationType:")) + 1;
    lintConfig(parsed.config, { source: parsed.source, integration: paginationType ? { paginationType } : undefined }).forEach((f, n) => {
      const finding = fromLint(f, n);
      // The integration setting pasted into the mapping file: point at its line.
      if (f.code.startsWith("pagination_") && paginationLine > 0) Object.assign(finding, { line: paginationLine, column: 1 });
      out.push(finding);
    });
    out.push(...fromStopped(stopped));
    if (preview) out.push(...fromPreview(preview, parsed.config.resources.map((r) => r.kind)));
  }
  return out;
}

/** Findings shown as editor markers: monaco-yaml already underlines YAML syntax and schema errors. */
export function markerFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.line !== undefined && !(f.origin === "yaml" && (f.code === "yaml_syntax" || f.code === "config_invalid")));
}
