"use client";

/**
 * The Explore step: one shared state (the request being composed, the last answer, the
 * fetch-all run) around small components. The draft survives a reload (sessionStorage);
 * answers and samples live on the server.
 */
import { useEffect, useId, useState } from "react";
import type { ExploreResponse, SampleSummary } from "@/lib/builder/contracts";
import { ApiError } from "../api";
import { FetchAllForm } from "./FetchAllForm";
import { FetchAllProgress } from "./FetchAllProgress";
import { readDraft, writeDraft, type Draft } from "./form-draft";
import { problemOf } from "./problem";
import {
  fieldOfServerError,
  formFromRequest,
  maxPagesProblem,
  toExploreRequest,
  validateForm,
  visibleErrors,
  type ExploreForm,
  type FormErrors,
  type FormField,
} from "./request-form";
import { RequestForm } from "./RequestForm";
import { ResponsePanel } from "./ResponsePanel";
import { SamplesPanel } from "./SamplesPanel";
import { useNextPage, useSendExplore } from "./useExplore";
import { useFetchAll } from "./useFetchAll";
import { useSamples } from "./useSamples";
import styles from "./explore.module.css";

export function ExploreWorkspace({ projectId }: { projectId: string }) {
  const idPrefix = useId();
  const [draft, setDraft] = useState<Draft>(() => readDraft(window.sessionStorage, projectId));
  const [attempted, setAttempted] = useState(false);
  const [shown, setShown] = useState<{ response: ExploreResponse; key: number } | null>(null);
  // Counts the answers to Send (not to Next page): each is brought into view if it landed out of sight.
  const [revealKey, setRevealKey] = useState(0);
  const samples = useSamples(projectId);
  const send = useSendExplore(projectId);
  const next = useNextPage(projectId);
  const fetchAll = useFetchAll(projectId);
  const fetching = fetchAll.state.phase === "running";
  const busy = fetching || send.isPending || next.isPending;

  useEffect(() => writeDraft(window.sessionStorage, projectId, draft), [projectId, draft]);

  const { form } = draft;
  const errors: FormErrors = validateForm(form);
  const maxPagesError = maxPagesProblem(draft.maxPages);
  if (maxPagesError) errors.maxPages = maxPagesError;
  // An error the API found in a field is shown there, until the form changes.
  const requestError = send.error ?? next.error;
  const serverField = requestError instanceof ApiError ? fieldOfServerError(form, requestError.field) : null;
  const shownErrors: FormErrors = { ...visibleErrors(form, errors, attempted), ...(serverField && requestError ? { [serverField]: requestError.message } : {}) };

  const show = (response: ExploreResponse) => setShown((s) => ({ response, key: (s?.key ?? 0) + 1 }));

  const changeForm = (patch: Partial<ExploreForm>) => {
    if (send.error) send.reset();
    setDraft((d) => ({ ...d, form: { ...d.form, ...patch } }));
  };

  /** Focuses the first field that stops the request, and says whether there was one. */
  const blocked = (fields: FormField[]): boolean => {
    const first = fields.find((f) => errors[f]);
    if (!first) return false;
    setAttempted(true);
    const el = document.getElementById(`${idPrefix}-${first}`) ?? document.getElementById(`${idPrefix}-${first}-other`);
    el?.focus();
    return true;
  };

  const sendForm = (f: ExploreForm, then?: (answer: ExploreResponse) => void) => {
    next.reset();
    send.mutate(toExploreRequest(f), {
      onSuccess: (answer) => {
        show(answer);
        setRevealKey((k) => k + 1);
        then?.(answer);
      },
    });
  };

  const onSend = () => {
    if (!blocked(["path", "groupId", "top"])) sendForm(form);
  };

  const onFetchAll = () => {
    if (blocked(["path", "groupId", "top", "maxPages"])) return;
    void fetchAll.start({ ...toExploreRequest(form), maxPages: Number(draft.maxPages) });
  };

  const onNextPage = (endpoint: string) => {
    send.reset();
    next.mutate(endpoint, { onSuccess: show });
  };

  const onOpen = (sample: SampleSummary) => {
    setDraft((d) => ({ ...d, form: formFromRequest(sample.request) }));
    document.getElementById(`${idPrefix}-preset`)?.focus();
  };

  /** Re-runs a sample's request: send it, then fetch as many pages as the sample had. */
  const onRefresh = (sample: SampleSummary) => {
    const refreshed = formFromRequest(sample.request);
    setDraft((d) => ({ ...d, form: refreshed, maxPages: sample.pages > 1 ? String(sample.pages) : d.maxPages }));
    sendForm(refreshed, (answer) => {
      if (!answer.graphError && answer.hasNextPage && sample.pages > 1) void fetchAll.start({ ...toExploreRequest(refreshed), maxPages: sample.pages });
    });
  };

  /** The shown answer's sample is gone: no paging from it. */
  const onDeleted = (endpoint: string) =>
    setShown((s) => (s && s.response.sample?.endpoint === endpoint ? { ...s, response: { ...s.response, sample: null, hasNextPage: false } } : s));

  return (
    <div className={styles.workspace}>
      <div className={styles.main}>
        <section className="panel" aria-labelledby={`${idPrefix}-request`}>
          <h2 id={`${idPrefix}-request`}>Request</h2>
          <p className={`muted ${styles.intro}`}>
            Call Microsoft Graph with the project&apos;s connection (app-only). Every answer is kept as the endpoint&apos;s sample.
          </p>
          <RequestForm
            idPrefix={idPrefix}
            projectId={projectId}
            form={form}
            errors={shownErrors}
            samples={samples.data}
            sending={send.isPending}
            disabled={busy}
            onChange={changeForm}
            onSend={onSend}
          />
          <FetchAllForm
            id={`${idPrefix}-maxPages`}
            maxPages={draft.maxPages}
            error={shownErrors.maxPages}
            running={fetching}
            cancelling={fetchAll.state.phase === "running" && fetchAll.state.cancelling}
            disabled={busy}
            onMaxPagesChange={(maxPages) => setDraft((d) => ({ ...d, maxPages }))}
            onFetchAll={onFetchAll}
            onCancel={fetchAll.cancel}
          />
        </section>
        {fetchAll.state.phase !== "idle" ? <FetchAllProgress state={fetchAll.state} projectId={projectId} /> : null}
        <ResponsePanel
          projectId={projectId}
          response={shown?.response ?? null}
          samples={samples.data}
          responseKey={shown?.key ?? 0}
          revealKey={revealKey}
          problem={requestError && !serverField ? problemOf(requestError) : null}
          pending={send.isPending || next.isPending}
          nextPending={next.isPending}
          busy={busy}
          onNextPage={onNextPage}
        />
      </div>
      <aside className={styles.side}>
        <SamplesPanel projectId={projectId} busy={busy} onOpen={onOpen} onRefresh={onRefresh} onDeleted={onDeleted} />
      </aside>
    </div>
  );
}
