import { describe, expect, it } from "vitest";
import { sharePersonPlaceholder } from "./share-words";

describe("the Share dialog's person list", () => {
  it("does not claim everyone has access when the project is shared with nobody", () => {
    expect(sharePersonPlaceholder(true, 0, 0)).toBe("No one else has an account yet");
  });
  it("says everyone has access only when every other person is already on the list", () => {
    expect(sharePersonPlaceholder(true, 0, 2)).toBe("Everyone here already has access");
  });
  it("asks for a choice when someone can be chosen, and says it is loading before the list arrives", () => {
    expect(sharePersonPlaceholder(true, 1, 0)).toBe("Choose a person…");
    expect(sharePersonPlaceholder(false, 0, 0)).toBe("Loading people…");
  });
});
