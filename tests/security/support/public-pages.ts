/** Pages open without a session: page file (relative to app/) -> why it needs none. */
export const PUBLIC_PAGES: Record<string, string> = {
  "signin/page.tsx": "the sign-in form itself",
  "setup/page.tsx": "first-run creation of the administrator (sends to /signin once a user exists)",
  "invite/[token]/page.tsx": "accepting an invitation: the one-time token in the link is the credential",
};
