import { describe, expect, it } from "vitest";
import { cursorContext } from "./yaml-context";

const TEXT = `resources:
  - kind: /users
    selector:
      query: 'true'
    port:
      entity:
        mappings:
          identifier: .id
          properties:
            mail: .mail
            dep
  - kind: /groups
    port:
      entity:
        mappings:
          title: .displayName // .sign
`;

/** Context at the end of line `n` (1-based). */
const atEnd = (n: number, text = TEXT) => cursorContext(text, n, text.split("\n")[n - 1]!.length + 1);

describe("cursorContext", () => {
  it("places a value being typed in its resource and mapping field", () => {
    expect(atEnd(10)).toEqual({ path: ["resources", 0, "port", "entity", "mappings", "properties", "mail"], inValue: true, typed: ".mail" });
    expect(atEnd(16)).toEqual({ path: ["resources", 1, "port", "entity", "mappings", "title"], inValue: true, typed: ".displayName // .sign" });
    expect(atEnd(4)).toMatchObject({ path: ["resources", 0, "selector", "query"], inValue: true });
  });

  it("places a key being typed (no colon yet) under its map", () => {
    expect(atEnd(11)).toEqual({ path: ["resources", 0, "port", "entity", "mappings", "properties"], inValue: false, typed: "dep" });
    const blank = TEXT.replace("            dep\n", "            \n");
    expect(cursorContext(blank, 11, 13)).toEqual({ path: ["resources", 0, "port", "entity", "mappings", "properties"], inValue: false, typed: "" });
  });

  it("counts list items for the resource index, with the dash on the key's line", () => {
    expect(atEnd(12)).toMatchObject({ path: ["resources", 1, "kind"], inValue: true, typed: "/groups" });
  });
});
