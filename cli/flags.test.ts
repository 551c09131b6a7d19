import { describe, expect, it } from "vitest";
import { walkFlags } from "./flags";

function read(argv: string[]) {
  const seen: Record<string, string | true> = {};
  walkFlags(argv, "usage: x", (flag, value) => {
    if (flag === "--on") seen.on = true;
    else if (flag === "--name") seen.name = value();
    else return false;
    return true;
  });
  return seen;
}

describe("walkFlags", () => {
  it("reads --flag value, --flag=value (an = inside the value kept) and switches", () => {
    expect(read(["--name", "a b", "--on"])).toEqual({ name: "a b", on: true });
    expect(read(["--name=x=y"])).toEqual({ name: "x=y" });
  });

  it("refuses a missing value, a value that is the next option, and unknown options, with the usage", () => {
    expect(() => read(["--name"])).toThrow("--name needs a value; usage: x");
    expect(() => read(["--name", "--on"])).toThrow("--name needs a value; usage: x");
    expect(() => read(["--what"])).toThrow("unknown option --what; usage: x");
    expect(() => read(["stray"])).toThrow("unknown option stray; usage: x");
  });
});
