import { describe, expect, it } from "vitest";
import { readableRequest } from "./format";

describe("the request line as shown", () => {
  it("reads $select, $filter and $search as typed, not percent-encoded", () => {
    expect(readableRequest("/users?$select=id%2CdisplayName%2Cmail&$top=50")).toBe("/users?$select=id,displayName,mail&$top=50");
    expect(readableRequest("/users?$filter=startsWith(displayName%2C%27A%27)")).toBe("/users?$filter=startsWith(displayName,'A')");
    expect(readableRequest("/groups?$search=%22displayName%3AWeb%22")).toBe('/groups?$search="displayName:Web"');
    expect(readableRequest("/users?$filter=city%20eq%20%27Z%C3%BCrich%27")).toBe("/users?$filter=city eq 'Zürich'");
  });

  it("keeps the escapes that carry the query's structure, so the line still says what was sent", () => {
    expect(readableRequest("/users?$filter=a%20eq%20%27x%26y%3Dz%27")).toBe("/users?$filter=a eq 'x%26y%3Dz'");
    expect(readableRequest("/users?$filter=startsWith(mail%2C%27a%2Bb%25%27)")).toBe("/users?$filter=startsWith(mail,'a%2Bb%25')");
    expect(readableRequest("/groups/a%2Fb/members")).toBe("/groups/a%2Fb/members");
  });

  it("leaves a broken escape as it is", () => {
    expect(readableRequest("/users?$filter=%E0%A4%A")).toBe("/users?$filter=%E0%A4%A");
    expect(readableRequest("/users")).toBe("/users");
  });
});
