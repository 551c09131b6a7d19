import { describe, expect, it } from "vitest";
import { kindForEndpoint } from "./fields";

describe("kindForEndpoint", () => {
  it("turns the id after a collection into Ocean's path parameter", () => {
    expect(kindForEndpoint("/users")).toBe("/users");
    expect(kindForEndpoint("/users/abc")).toBe("/users/abc");
    expect(kindForEndpoint("/groups/9f1c0b7e-1111-2222-3333-444455556666/members")).toBe("/groups/{group_id}/members");
    expect(kindForEndpoint("/users/u1/memberOf")).toBe("/users/{user_id}/memberOf");
    expect(kindForEndpoint("/servicePrincipals/x/appRoleAssignedTo")).toBe("/servicePrincipals/{service_principal_id}/appRoleAssignedTo");
    expect(kindForEndpoint("/directories/x/items")).toBe("/directories/{directory_id}/items");
  });
});
