/**
 * The request being composed survives a reload: it is kept per project in the tab's
 * sessionStorage. A stored draft is validated like any input; a bad one is ignored.
 */
import { z } from "zod";
import { DEFAULT_MAX_PAGES, EMPTY_FORM, type ExploreForm } from "./request-form";
import { PRESETS, type PresetId } from "./presets";

const text = z.string().max(4_096);
const draftSchema = z.object({
  form: z.object({
    preset: z.enum(PRESETS.map((p) => p.id) as [PresetId, ...PresetId[]]),
    customPath: text,
    groupId: text,
    select: text,
    filter: text,
    top: text,
    expand: text,
    count: z.boolean(),
    search: text,
    orderby: text,
    consistencyLevelEventual: z.boolean(),
  }),
  maxPages: z.string().max(10),
});

export interface Draft {
  form: ExploreForm;
  maxPages: string;
}

export const EMPTY_DRAFT: Draft = { form: EMPTY_FORM, maxPages: String(DEFAULT_MAX_PAGES) };

type DraftStorage = Pick<Storage, "getItem" | "setItem">;

const keyOf = (projectId: string) => `explore-draft:${projectId}`;

export function readDraft(storage: DraftStorage | undefined, projectId: string): Draft {
  try {
    const raw = storage?.getItem(keyOf(projectId));
    if (!raw) return EMPTY_DRAFT;
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function writeDraft(storage: DraftStorage | undefined, projectId: string, draft: Draft): void {
  try {
    storage?.setItem(keyOf(projectId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives only in memory, which is what it did before.
  }
}
