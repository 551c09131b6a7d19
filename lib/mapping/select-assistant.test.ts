import { describe, expect, it } from "vitest";
import { parsePortAppConfig } from "./parse";
import { readTopLevelProperties, selectAssistant } from "./select-assistant";

describe("readTopLevelProperties", () => {
  it.each([
    [".id", ["id"]],
    [".displayName // .userPrincipalName", ["displayName", "userPrincipalName"]],
    ['"entra-id-user"', []],
    [".signInActivity.lastSignInDateTime", ["signInActivity"]],
    ["[.members[]?.id]", ["members"]],
    [".a | .b", ["a"]],
    ['"\\(.__group_id)-\\(.id)"', ["__group_id", "id"]],
    ["{x: .a, b}", ["a", "b"]],
    ["$x.y", []],
    ["map(.id)", []],
    [". as $u | .mail", ["mail"]],
    ['if .accountEnabled then "on" else .x end', ["accountEnabled", "x"]],
    ['."@odata.type"', ["@odata.type"]],
    ['.["odd-name"]', ["odd-name"]],
    ['.mail // "" | split("@") | .[1]', ["mail"]],
    ['"the .notAField text"', []],
    [".a # .comment", ["a"]],
  ])("%s reads %j", (expr, names) => {
    expect(readTopLevelProperties(expr)).toEqual(names);
  });

  it("reads interpolations 16 deep, and stops there on a hostile 20,000 (it recursed per level until the stack ran out)", () => {
    const nest = (depth: number) => `${'"\\('.repeat(depth)}.deep${')"'.repeat(depth)} + .top`;
    expect(readTopLevelProperties(nest(16))).toEqual(["deep", "top"]);
    expect(readTopLevelProperties(nest(17))).toEqual(["top"]);
    expect(readTopLevelProperties(nest(20_000))).toEqual(["top"]);
  });
});

describe("selectAssistant", () => {
  it("lists what a resource reads, with id, without injected keys and the item name", () => {
    const p = parsePortAppConfig(`resources:
  - kind: /users
    selector:
      query: .accountEnabled == true
    port:
      itemsToParse: .memberOf
      entity:
        mappings:
          identifier: '"\\(.__user_id)-\\(.item.id)"'
          title: .displayName // .userPrincipalName
          blueprint: '"u"'
          properties:
            dept: .department
          relations:
            m: {combinator: '"and"', rules: [{property: '"x"', operator: '"="', value: .managerId}]}
`);
    expect(selectAssistant(p.config!.resources[0]!)).toEqual(["id", "accountEnabled", "memberOf", "displayName", "userPrincipalName", "department", "managerId"]);
  });
});
