/**
 * Samples: Graph items kept per project and endpoint, so the Fields and Mapping steps work
 * without calling Graph again. A sample is bounded (5,000 items, 20 MB of JSON); past a
 * bound it is cut, and the cut is recorded in words so the person knows what they have.
 */
import { AppError } from "../errors";
import { assertProjectAccess } from "./access";
import type { SampleSummary } from "./contracts";
import type { BuilderDeps } from "./deps";

export const SAMPLE_MAX_ITEMS = 5_000;
export const SAMPLE_MAX_BYTES = 20 * 1024 * 1024;

/** The request a sample came from; `nextLink` is kept server-side only (it is Graph's URL). */
export interface SampleRequest {
  path: string;
  query: Record<string, string>;
  consistencyLevelEventual: boolean;
  nextLink: string | null;
}

/** Items accepted into a sample so far, with the bound that cut it (if one did). */
export class SampleAccumulator {
  readonly items: unknown[] = [];
  bytes = 2; // the surrounding []
  truncated: string | null = null;

  constructor(initial: readonly unknown[] = [], initialTruncated: string | null = null) {
    this.truncated = initialTruncated;
    for (const item of initial) this.add(item);
  }

  get full(): boolean {
    return this.truncated !== null;
  }

  /** Adds what fits; returns false once the sample is full. */
  add(item: unknown): boolean {
    if (this.truncated) return false;
    if (this.items.length >= SAMPLE_MAX_ITEMS) {
      this.truncated = `Kept the first ${SAMPLE_MAX_ITEMS.toLocaleString("en-US")} items: a sample holds at most ${SAMPLE_MAX_ITEMS.toLocaleString("en-US")}.`;
      return false;
    }
    const size = Buffer.byteLength(JSON.stringify(item) ?? "null", "utf8") + 1;
    if (this.bytes + size > SAMPLE_MAX_BYTES) {
      const mb = (this.bytes / 1024 / 1024).toFixed(1);
      this.truncated = `Kept the first ${this.items.length.toLocaleString("en-US")} items (${mb} MB): a sample holds at most 20 MB.`;
      return false;
    }
    this.items.push(item);
    this.bytes += size;
    return true;
  }

  addAll(items: readonly unknown[]): void {
    for (const item of items) if (!this.add(item)) return;
  }
}

type SampleRow = NonNullable<Awaited<ReturnType<BuilderDeps["db"]["sample"]["findUnique"]>>>;

function parseRequest(text: string): SampleRequest {
  const raw = JSON.parse(text) as Partial<SampleRequest>;
  return { path: raw.path ?? "", query: raw.query ?? {}, consistencyLevelEventual: raw.consistencyLevelEventual ?? false, nextLink: raw.nextLink ?? null };
}

export function sampleSummary(row: Omit<SampleRow, "items">): SampleSummary {
  const request = parseRequest(row.request);
  return {
    id: row.id,
    endpoint: row.endpoint,
    itemCount: row.itemCount,
    bytes: row.bytes,
    pages: row.pages,
    truncated: row.truncated,
    hasNextPage: request.nextLink !== null,
    request: { path: request.path, query: request.query, consistencyLevelEventual: request.consistencyLevelEventual },
    updatedAt: row.updatedAt.toISOString(),
  };
}

const summaryColumns = { id: true, endpoint: true, request: true, itemCount: true, bytes: true, pages: true, truncated: true, createdAt: true, updatedAt: true, projectId: true } as const;

export async function listSamples(deps: BuilderDeps, userId: string, projectId: string): Promise<SampleSummary[]> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const rows = await deps.db.sample.findMany({ where: { projectId }, orderBy: { endpoint: "asc" }, select: summaryColumns });
  return rows.map(sampleSummary);
}

function notFound(endpoint: string): AppError {
  return new AppError("sample_not_found", `There is no sample of ${endpoint} in this project.`, {
    status: 404,
    hint: "Open the Explore step and send a request to this endpoint to keep a sample.",
  });
}

export async function loadSample(
  deps: BuilderDeps,
  userId: string,
  projectId: string,
  endpoint: string,
): Promise<{ summary: SampleSummary; request: SampleRequest; items: unknown[] }> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const row = await deps.db.sample.findUnique({ where: { projectId_endpoint: { projectId, endpoint } } });
  if (!row) throw notFound(endpoint);
  return { summary: sampleSummary(row), request: parseRequest(row.request), items: JSON.parse(row.items) as unknown[] };
}

/** Writes (replaces) the sample of one endpoint. The caller has checked ownership. */
export async function storeSample(
  deps: BuilderDeps,
  projectId: string,
  request: SampleRequest,
  acc: SampleAccumulator,
  pages: number,
): Promise<SampleSummary> {
  const data = {
    request: JSON.stringify(request),
    items: JSON.stringify(acc.items),
    itemCount: acc.items.length,
    bytes: acc.bytes,
    pages,
    truncated: acc.truncated,
  };
  const row = await deps.db.sample.upsert({
    where: { projectId_endpoint: { projectId, endpoint: request.path } },
    create: { projectId, endpoint: request.path, ...data },
    update: data,
    select: summaryColumns,
  });
  return sampleSummary(row);
}

export async function deleteSample(deps: BuilderDeps, userId: string, projectId: string, endpoint: string): Promise<void> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const { count } = await deps.db.sample.deleteMany({ where: { projectId, endpoint } });
  if (count === 0) throw notFound(endpoint);
}
