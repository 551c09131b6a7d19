/**
 * Whether a blueprint's text is what was last created in Port: the server remembers a
 * hash of each pushed text (lib/builder/blueprint-push: SHA-256, base64url, 22 characters);
 * the browser computes the same hash of the text in the editor.
 */
import type { BlueprintsDocument } from "@/lib/builder/contracts";

export type PortState = "in-port" | "changed" | "not-in-port" | "unknown";

export const PORT_STATE_WORDS: Record<PortState, string> = {
  "in-port": "in Port",
  changed: "changed since created in Port",
  "not-in-port": "not yet in Port",
  unknown: "",
};

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The server's hash of a text; null where the browser offers no SubtleCrypto (plain http off localhost). */
export async function textHash(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return base64url(new Uint8Array(digest)).slice(0, 22);
}

export function portState(pushed: BlueprintsDocument["pushed"], identifier: string, hash: string | null | undefined): PortState {
  const last = pushed[identifier];
  if (!last) return "not-in-port";
  if (hash === null || hash === undefined) return "unknown";
  return last.hash === hash ? "in-port" : "changed";
}
