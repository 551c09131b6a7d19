import { describe, expect, it } from "vitest";
import { jqRanges } from "./jq-highlight";
import { jqTokens } from "./jq-tokens";

const kinds = (expr: string) => jqTokens(expr).map((t) => `${t.kind}:${expr.slice(t.start, t.end)}`);

describe("jqTokens", () => {
  it("tells paths, strings with interpolation, keywords, functions, variables and operators apart", () => {
    expect(kinds('.displayName // .userPrincipalName')).toEqual(["field:.displayName", "operator://", "field:.userPrincipalName"]);
    expect(kinds('"\\(.__group_id)-\\(.id)"')).toEqual(['string:"\\(.__group_id)-\\(.id)"']);
    expect(kinds('if .a then $x | length else null end # why')).toEqual([
      "keyword:if", "field:.a", "keyword:then", "variable:$x", "operator:|", "function:length", "keyword:else", "number:null", "keyword:end", "comment:# why",
    ]);
    expect(kinds('[.members[]?.id] | map(select(. != "x"))')).toContain("field:.id");
    expect(kinds('."@odata.type" == 1.5e3')).toEqual(['field:."@odata.type"', "operator:==", "number:1.5e3"]);
  });
});

describe("jqRanges", () => {
  it("colours only the scalars Ocean runs as jq, at their editor positions", () => {
    const text = `resources:
  - kind: /users
    selector:
      query: '.userType == "Member"'
      data_path: .value
      query_params:
        $select: id,mail
    port:
      entity:
        mappings:
          identifier: .id
          blueprint: '"entra-id-user"'
          properties:
            mail: |
              .mail
              | ascii_downcase
`;
    const ranges = jqRanges(text);
    const at = (line: number) => ranges.filter((r) => r.line === line).map((r) => `${r.kind}@${r.startColumn}-${r.endColumn}`);
    expect(at(4)).toEqual(["field@15-24", "operator@25-27", 'string@28-36']);
    expect(at(5)).toEqual(["field@18-24"]);
    expect(at(7)).toEqual([]); // query_params are not jq
    expect(at(2)).toEqual([]);
    expect(at(11)).toEqual(["field@23-26"]);
    expect(at(12)).toEqual(["string@23-38"]);
    expect(at(15)).toEqual(["field@15-20"]);
    expect(at(16)).toEqual(["operator@15-16", "function@17-31"]);
  });
});
