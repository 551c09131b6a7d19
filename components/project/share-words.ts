/**
 * What the Share dialog's person list says before a person is chosen. With nobody left to
 * choose, it must say why: everyone already has access, or nobody else has an account yet
 * (an invited person appears only once they have accepted the invitation).
 */
export function sharePersonPlaceholder(loaded: boolean, candidateCount: number, sharedCount: number): string {
  if (!loaded) return "Loading people…";
  if (candidateCount > 0) return "Choose a person…";
  return sharedCount > 0 ? "Everyone here already has access" : "No one else has an account yet";
}

/** The line under the form: who can be chosen, and what editors may do. */
export const SHARE_HINT =
  "Someone missing from the list? An administrator invites them on the People page; they appear here once they have accepted the invitation. Editors can change everything but cannot rename, delete or share.";
