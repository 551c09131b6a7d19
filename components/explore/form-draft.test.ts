import { describe, expect, it } from "vitest";
import { EMPTY_DRAFT, readDraft, writeDraft } from "./form-draft";
import { EMPTY_FORM } from "./request-form";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe("the request draft across a reload", () => {
  it("comes back as written, per project", () => {
    const storage = memoryStorage();
    const draft = { form: { ...EMPTY_FORM, preset: "groupMembers" as const, groupId: "g1", select: "id,displayName", count: true }, maxPages: "25" };
    writeDraft(storage, "p1", draft);
    expect(readDraft(storage, "p1")).toEqual(draft);
    expect(readDraft(storage, "p2")).toEqual(EMPTY_DRAFT);
  });

  it("ignores a stored draft that is not JSON or not a draft", () => {
    const storage = memoryStorage();
    storage.setItem("explore-draft:p1", "{not json");
    expect(readDraft(storage, "p1")).toEqual(EMPTY_DRAFT);
    storage.setItem("explore-draft:p1", JSON.stringify({ form: { ...EMPTY_FORM, preset: "sites" }, maxPages: "1" }));
    expect(readDraft(storage, "p1")).toEqual(EMPTY_DRAFT);
  });

  it("survives a storage that refuses (private mode, quota)", () => {
    const refusing = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("quota"); } };
    expect(() => writeDraft(refusing, "p1", EMPTY_DRAFT)).not.toThrow();
    expect(readDraft(refusing, "p1")).toEqual(EMPTY_DRAFT);
    expect(readDraft(undefined, "p1")).toEqual(EMPTY_DRAFT);
  });
});
