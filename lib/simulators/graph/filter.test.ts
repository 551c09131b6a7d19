import { describe, expect, it } from "vitest";
import { evaluateFilter, parseFilter, type FilterContext } from "./filter";
import { SimError } from "./responses";

const ctx = (advanced = false): FilterContext => ({
  typeName: "microsoft.graph.user",
  advanced,
  isProperty: (p) => ["displayName", "department", "groupTypes", "accountEnabled", "createdDateTime", "signInActivity", "mail"].includes(p[0]!),
});
const user = { displayName: "Ann O'Neil", department: "Sales", groupTypes: ["Unified"], accountEnabled: true, createdDateTime: "2024-03-01T00:00:00Z", mail: null };
const run = (f: string, advanced = false) => evaluateFilter(parseFilter(f, ctx(advanced)), user);

describe("$filter", () => {
  it("evaluates what Graph supports by default", () => {
    expect(run("department eq 'sales'")).toBe(true);
    expect(run("startsWith(displayName,'ann')")).toBe(true);
    expect(run("department in ('HR','Sales')")).toBe(true);
    expect(run("groupTypes/any(c:c eq 'Unified')")).toBe(true);
    expect(run("accountEnabled eq false or (department eq 'Sales' and createdDateTime ge 2024-01-01T00:00:00Z)")).toBe(true);
    expect(run("displayName eq 'Ann O''Neil'")).toBe(true);
  });

  it("needs advanced mode for ne, not, endsWith and eq null", () => {
    for (const f of ["department ne 'Sales'", "not(department eq 'Sales')", "endsWith(mail,'@x.com')", "mail eq null"]) {
      expect(() => run(f)).toThrow(/ConsistencyLevel:eventual/);
    }
    expect(run("department ne 'Sales'", true)).toBe(false);
    expect(run("mail eq null", true)).toBe(true);
    expect(run("not(department eq 'HR')", true)).toBe(true);
  });

  it("rejects unknown properties and bad syntax with 400", () => {
    const bad = (f: string) => {
      try {
        run(f);
      } catch (e) {
        return e as SimError;
      }
      throw new Error("no error");
    };
    expect(bad("nope eq 'x'").message).toBe("Could not find a property named 'nope' on type 'microsoft.graph.user'.");
    expect(bad("department eq").status).toBe(400);
    expect(bad("department eq 'x").status).toBe(400);
    expect(bad("(department eq 'x'").status).toBe(400);
    expect(bad("").status).toBe(400);
  });
});
