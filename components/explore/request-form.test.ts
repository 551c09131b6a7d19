import { describe, expect, it } from "vitest";
import {
  EMPTY_FORM,
  fieldOfServerError,
  formFromRequest,
  maxPagesProblem,
  pathOf,
  queryAdvice,
  toExploreRequest,
  validateForm,
  visibleErrors,
  type ExploreForm,
} from "./request-form";

const form = (patch: Partial<ExploreForm>): ExploreForm => ({ ...EMPTY_FORM, ...patch });

describe("the request form", () => {
  it("accepts $top from 1 to 999 only, as Graph does", () => {
    for (const top of ["", "1", "999", " 50 "]) expect(validateForm(form({ top })).top, top).toBeUndefined();
    for (const top of ["0", "1000", "-1", "1.5", "ten", "1e2"]) expect(validateForm(form({ top })).top, top).toMatch(/between 1 and 999/);
  });

  it("refuses a URL in the free path with the API's own message, and a {placeholder}", () => {
    expect(validateForm(form({ preset: "custom", customPath: "https://graph.microsoft.com/v1.0/users" })).path).toMatch(/never a URL/);
    expect(validateForm(form({ preset: "custom", customPath: "//evil.example/users" })).path).toMatch(/never a URL/);
    expect(validateForm(form({ preset: "custom", customPath: "/users/{id}/memberOf" })).path).toMatch(/placeholder/);
    expect(validateForm(form({ preset: "custom", customPath: "/users?$top=5" })).path).toMatch(/own fields/);
    expect(validateForm(form({ preset: "custom", customPath: "" })).path).toMatch(/Enter a path/);
    expect(validateForm(form({ preset: "custom", customPath: "users/abc/memberOf" }))).toEqual({});
  });

  it("asks for the group of Group members, and escapes its id into the path", () => {
    expect(validateForm(form({ preset: "groupMembers" })).groupId).toMatch(/Pick a group/);
    expect(pathOf(form({ preset: "groupMembers", groupId: " g-1 " }))).toBe("/groups/g-1/members");
    expect(pathOf(form({ preset: "groupMembers", groupId: "a/b" }))).toBe("/groups/a%2Fb/members");
    expect(validateForm(form({ preset: "groupMembers", groupId: "a/b" })).groupId).toMatch(/encoded slashes/);
    expect(validateForm(form({ preset: "groupMembers", groupId: "5b1c" }))).toEqual({});
  });

  it("sends only the options that are filled in, with a leading slash on a free path", () => {
    expect(toExploreRequest(form({ preset: "custom", customPath: " devices ", select: " id,displayName ", top: "5", count: true, consistencyLevelEventual: true }))).toEqual({
      path: "/devices",
      query: { $select: "id,displayName", $top: "5", $count: "true" },
      consistencyLevelEventual: true,
    });
    expect(toExploreRequest(EMPTY_FORM)).toEqual({ path: "/users", query: {}, consistencyLevelEventual: false });
  });

  it("loads a sample's request back into the form (preset, group, free path, options)", () => {
    const members = formFromRequest({ path: "/groups/g%201/members", query: { $select: "id", $top: "999" }, consistencyLevelEventual: false });
    expect(members).toMatchObject({ preset: "groupMembers", groupId: "g 1", select: "id", top: "999" });
    expect(toExploreRequest(members).path).toBe("/groups/g%201/members");
    const sps = formFromRequest({ path: "/servicePrincipals", query: { $count: "true", $search: '"displayName:Web"' }, consistencyLevelEventual: true });
    expect(sps).toMatchObject({ preset: "servicePrincipals", count: true, search: '"displayName:Web"', consistencyLevelEventual: true });
    const other = formFromRequest({ path: "/users/abc/memberOf", query: {}, consistencyLevelEventual: false });
    expect(other).toMatchObject({ preset: "custom", customPath: "/users/abc/memberOf" });
    // Round trip: what the form sends is the request it was loaded from.
    const request = { path: "/devices", query: { $filter: "accountEnabled eq true", $orderby: "displayName", $expand: "registeredOwners" }, consistencyLevelEventual: false };
    expect(toExploreRequest(formFromRequest(request))).toEqual(request);
  });

  it("shows an empty field's error only after a send was tried", () => {
    const f = form({ preset: "custom", customPath: "", top: "0" });
    const errors = validateForm(f);
    expect(Object.keys(visibleErrors(f, errors, false))).toEqual(["top"]);
    expect(Object.keys(visibleErrors(f, errors, true)).sort()).toEqual(["path", "top"]);
  });

  it("puts the API's field errors on the right field", () => {
    expect(fieldOfServerError(form({ preset: "custom" }), "path")).toBe("path");
    expect(fieldOfServerError(form({ preset: "groupMembers" }), "path")).toBe("groupId");
    expect(fieldOfServerError(EMPTY_FORM, "query.$top")).toBe("top");
    expect(fieldOfServerError(EMPTY_FORM, undefined)).toBeNull();
  });

  it("bounds the pages of Fetch all to 1..1,000", () => {
    expect(maxPagesProblem("10")).toBeNull();
    expect(maxPagesProblem("1000")).toBeNull();
    for (const v of ["0", "1001", "", "2.5"]) expect(maxPagesProblem(v), v).toMatch(/between 1 and 1,000/);
  });

  it("explains Graph's advanced-query rules before the request goes out", () => {
    expect(queryAdvice(EMPTY_FORM)).toEqual([]);
    expect(queryAdvice(form({ search: '"displayName:Web"' })).join(" ")).toMatch(/\$search needs the header ConsistencyLevel/);
    expect(queryAdvice(form({ search: '"displayName:Web"', consistencyLevelEventual: true }))).toEqual([]);
    expect(queryAdvice(form({ count: true })).join(" ")).toMatch(/\$count=true is ignored/);
    expect(queryAdvice(form({ filter: "userType ne 'Guest'" })).join(" ")).toMatch(/advanced queries/);
    expect(queryAdvice(form({ filter: "endsWith(mail,'@contoso.com')" })).join(" ")).toMatch(/advanced queries/);
    expect(queryAdvice(form({ filter: "startsWith(displayName,'not')" }))).toEqual([]);
    expect(queryAdvice(form({ filter: "accountEnabled eq true", orderby: "displayName" })).join(" ")).toMatch(/\$orderby together with \$filter/);
    expect(queryAdvice(form({ preset: "groups", expand: "members($select=id)" })).join(" ")).toMatch(/at most 20/);
    expect(queryAdvice(form({ expand: "manager", consistencyLevelEventual: true })).join(" ")).toMatch(/cannot be combined/);
    expect(queryAdvice(form({ select: "id,signInActivity" })).join(" ")).toMatch(/120 items/);
  });
});
