import { describe, expect, it } from "vitest";
import type { PreviewSample } from "@/lib/builder/mapping-contracts";
import { parsePortAppConfig, lintBlueprintSchema } from "@/lib/mapping";
import { seedBlueprints } from "@/lib/schema";
import { suggestAt, type CompletionData } from "./completion";

const TEXT = `resources:
  - kind: /users
    selector:
      query: 'true'
      data_path: .value
    port:
      entity:
        mappings:
          identifier: .id
          blueprint: '"entra-id-user"'
          properties:
            mail: .mail
            lastSignIn: .sign
`;

const sample = {
  pages: [{ body: { value: [{ id: "1", mail: "a@b.c", signInActivity: { lastSignInDateTime: "2024-01-01T00:00:00Z" } }, { id: "2", mail: null, signInActivity: null }] } }],
} as unknown as PreviewSample;

function data(text: string): CompletionData {
  return {
    config: parsePortAppConfig(text).config,
    samples: new Map([[0, { status: "ready", sample }]]),
    blueprints: seedBlueprints().map((b) => lintBlueprintSchema.parse(b)),
  };
}

describe("suggestAt", () => {
  it("offers the sample's field paths for the jq typed in a mapping value", () => {
    const s = suggestAt(TEXT, 13, 31, data(TEXT));
    const deep = s.find((x) => x.label === ".signInActivity.lastSignInDateTime");
    expect(deep).toMatchObject({ replace: 5, kind: "field", insertText: ".signInActivity.lastSignInDateTime" });
    expect(deep!.detail).toMatch(/in 50% of items/);
    expect(s.map((x) => x.label)).toContain(".signInActivity");
    expect(s.map((x) => x.label)).not.toContain(".mail");
  });

  it("offers Graph's other properties of the kind, marked as needing $select", () => {
    const text = TEXT.replace(".sign", ".depa");
    const s = suggestAt(text, 13, 31, data(text));
    expect(s).toEqual([expect.objectContaining({ label: ".department", detail: "Graph property: add department to $select" })]);
    // Without a sample holding it (signInActivity needs a licence), its known paths are still offered.
    expect(suggestAt(TEXT, 13, 31, { ...data(TEXT), samples: new Map() }).map((x) => x.label)).toContain(".signInActivity.lastSignInDateTime");
  });

  it("offers the blueprint's properties not mapped yet on a new key under properties", () => {
    const text = TEXT.replace("            lastSignIn: .sign\n", "            acc\n");
    // While the key is half typed the YAML does not parse: the last good configuration is used.
    const s = suggestAt(text, 13, 16, data(TEXT));
    expect(s).toEqual([expect.objectContaining({ label: "accountEnabled", insertText: "accountEnabled: ", replace: 3, kind: "property" })]);
    expect(suggestAt(text.replace("acc", "ma"), 13, 15, data(TEXT)).map((x) => x.label)).toEqual([]);
  });

  it("offers nothing outside jq values and mapping keys", () => {
    expect(suggestAt(TEXT, 2, 17, data(TEXT))).toEqual([]);
  });
});
