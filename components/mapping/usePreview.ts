"use client";

/**
 * The live preview of the editor's text: parsed on every edit, evaluated with lib/mapping
 * over each resource's preview sample, jq running in the browser worker (BrowserJqClient,
 * with its time limit and restart). Scheduling, staleness and discarding live in
 * PreviewScheduler; this hook wires it to React, the samples and the findings.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { BrowserJqClient } from "@/lib/jq";
import { parsePortAppConfig, type LintBlueprint, type ParsedConfig, type PortAppConfig } from "@/lib/mapping";
import { collectFindings, type Finding } from "./findings";
import { PreviewEngine } from "./preview-engine";
import { runPreview, type SampleState } from "./preview-run";
import { PreviewScheduler, type PreviewState } from "./preview-scheduler";
import { sampleRequestFor } from "./sample-requests";
import { sampleIdentity, usePreviewSamples } from "./usePreviewSamples";

/** Per jq run in the preview: a runaway expression is stopped after this long. */
export const PREVIEW_TIMEOUT_MS = 2_000;
/** A superseded run still busy after this long gets its worker replaced. */
const RESTART_AFTER_MS = 300;
/** Samples are asked for once the configuration has been still this long (not per keystroke). */
const SAMPLE_DEBOUNCE_MS = 500;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

interface Machinery {
  engine: PreviewEngine;
  scheduler: PreviewScheduler;
  discovery: ReturnType<PreviewEngine["scope"]>["engine"];
}

function createMachinery(): Machinery {
  const engine = new PreviewEngine(() => new BrowserJqClient({ timeoutMs: PREVIEW_TIMEOUT_MS }), { restartAfterMs: RESTART_AFTER_MS, now: () => performance.now() });
  const scheduler = new PreviewScheduler(
    (input, jq, reuse) => runPreview({ config: input.parsed.config!, source: input.parsed.source, samples: input.samples, blueprints: input.blueprints }, { engine: jq, timeoutMs: PREVIEW_TIMEOUT_MS, reuse }),
    engine,
    { restartAfterMs: RESTART_AFTER_MS, now: () => performance.now() },
  );
  return { engine, scheduler, discovery: engine.scope().engine };
}

export interface Preview extends PreviewState {
  parsed: ParsedConfig;
  findings: Finding[];
  /** Samples per resource index of the current configuration. */
  samples: Map<number, SampleState>;
  fetchingSamples: boolean;
  /** Runs the preview again now (Ctrl+Enter), reading nothing from cache but the samples. */
  runNow(): void;
  refreshSamples(): Promise<void>;
}

function samplesByIndex(config: PortAppConfig | null, byId: ReadonlyMap<string, SampleState>): Map<number, SampleState> {
  const out = new Map<number, SampleState>();
  config?.resources.forEach((r, i) => out.set(i, byId.get(JSON.stringify(sampleIdentity(sampleRequestFor(r)))) ?? { status: "loading" }));
  return out;
}

/** `enabled`: false until the text is the project's (nothing is previewed before it loads). */
export function usePreview(projectId: string, text: string, blueprints: readonly LintBlueprint[], enabled = true): Preview {
  const blueprintsRef = useRef(blueprints);
  const [machinery] = useState(createMachinery);
  useEffect(() => () => void machinery.engine.close(), [machinery]);

  const parsed = useMemo(() => parsePortAppConfig(text), [text]);
  const current = enabled ? parsed.config : null;
  // The first configuration is read at once; later ones once typing pauses.
  const sampleConfig = useDebounced(current, SAMPLE_DEBOUNCE_MS) ?? current;
  const { samples: byId, fetching, refresh } = usePreviewSamples(projectId, sampleConfig, machinery.discovery);
  const samples = useMemo(() => samplesByIndex(parsed.config, byId), [parsed.config, byId]);
  const [nonce, setNonce] = useState(0);
  const submittedNonce = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    // "Run now" and other blueprints evaluate every resource again instead of reusing unchanged ones.
    const fresh = nonce !== submittedNonce.current || blueprints !== blueprintsRef.current;
    blueprintsRef.current = blueprints;
    submittedNonce.current = nonce;
    machinery.scheduler.submit({ text, parsed, samples, blueprints }, { fresh });
  }, [machinery, blueprintsRef, text, parsed, samples, blueprints, nonce, enabled]);

  const state = useSyncExternalStore(machinery.scheduler.subscribe, machinery.scheduler.getSnapshot, machinery.scheduler.getSnapshot);
  const findings = useMemo(() => {
    // Compile issues of the latest run count only when that run was of this text's config.
    const compileIssues = state.stale?.reason === "jq" ? (state.latest?.compileIssues ?? []) : [];
    const stopped = state.stale?.reason === "stopped" ? (state.latest?.stopped ?? []) : [];
    return collectFindings(text, parsed, compileIssues, state.stale ? null : state.shown, stopped);
  }, [text, parsed, state.stale, state.latest, state.shown]);

  const runNow = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, parsed, findings, samples, fetchingSamples: fetching, runNow, refreshSamples: refresh };
}
