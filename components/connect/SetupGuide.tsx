"use client";

import { CLOUDS } from "@/lib/graph/clouds";
import type { GraphDraft } from "./drafts";
import { CopyBlock } from "./CopyBlock";
import { PermissionList } from "./PermissionList";
import { consentLink, tokenCurl } from "./setup-commands";
import styles from "./connect.module.css";

/** How to register the app in Entra ID, which permissions to grant, the consent link and the token curl. */
export function SetupGuide({ projectId, draft, open, onToggle }: { projectId: string; draft: GraphDraft; open: boolean; onToggle: (open: boolean) => void }) {
  const cloud = CLOUDS[draft.cloud];
  const consent = consentLink(draft.cloud, draft.tenantId, draft.clientId);
  return (
    <details className={styles.guide} open={open} onToggle={(e) => onToggle(e.currentTarget.open)} data-testid="setup-guide">
      <summary>Setup guide: register an app in Entra ID</summary>
      <ol>
        <li>
          <strong>Register the app.</strong>
          <p>
            In the Entra admin center open <em>App registrations &gt; New registration</em>. Give it a name, choose{" "}
            <em>Accounts in this organizational directory only (single tenant)</em>, and register. From its <em>Overview</em> copy the{" "}
            <em>Application (client) ID</em> and the <em>Directory (tenant) ID</em> into the form.
          </p>
        </li>
        <li>
          <strong>Create a client secret.</strong>
          <p>
            <em>Certificates &amp; secrets &gt; New client secret</em>. Copy its <strong>Value</strong> at once (it is shown only
            once), not the <em>Secret ID</em>: a secret ID is refused as &ldquo;invalid client secret&rdquo;.
          </p>
        </li>
        <li>
          <strong>Add the application permissions.</strong>
          <p>
            <em>API permissions &gt; Add a permission &gt; Microsoft Graph &gt; Application permissions</em> (not Delegated), and add:
          </p>
          <PermissionList projectId={projectId} />
        </li>
        <li>
          <strong>Grant admin consent.</strong>
          <p>
            Press <em>Grant admin consent</em> on the API permissions page, or have an administrator open this link:
          </p>
          <CopyBlock
            text={consent}
            label="the admin-consent link"
            placeholder="Fill in the tenant ID and the client ID to get the link."
            testId="consent-link"
          />
          {consent && (
            <a href={consent} target="_blank" rel="noopener noreferrer">
              Open the admin-consent page ↗
            </a>
          )}
        </li>
        <li>
          <strong>{draft.mode === "token" ? "Get a token to paste." : "Or get a token to paste (optional)."}</strong>
          <p>
            With the secret in <code>CLIENT_SECRET</code>, this asks {cloud.loginHost} for a token for {cloud.graphHost}. It lasts about
            an hour; client credentials renew tokens by themselves.
          </p>
          <CopyBlock text={tokenCurl(draft.cloud, draft.tenantId, draft.clientId)} label="the token command" testId="token-curl" />
        </li>
      </ol>
    </details>
  );
}
