/**
 * The integration record in Port and its mapping (port-app-config), so the builder can
 * push a mapping to an Ocean integration that already exists in Port.
 */
import { PortError } from "./errors";
import { integrationSchema, type PortIntegration } from "./schemas";
import type { PortTransport } from "./transport";

const enc = encodeURIComponent;

function integrationFrom(body: unknown, what: string): PortIntegration {
  const parsed = integrationSchema.safeParse((body as { integration?: unknown } | undefined)?.integration);
  if (!parsed.success) throw new PortError("port_invalid_response", `Port's answer to ${what} has no integration record.`);
  return parsed.data;
}

/** The integration record (404 is a `port_not_found` PortError). */
export async function getIntegration(transport: PortTransport, identifier: string, signal?: AbortSignal): Promise<PortIntegration> {
  const what = `Reading integration ${identifier}`;
  const { body } = await transport.request({ method: "GET", path: `/v1/integration/${enc(identifier)}`, signal, what });
  return integrationFrom(body, what);
}

/** Replaces the integration's mapping with `config` (`PATCH /v1/integration/{id}/config`). */
export async function updateIntegrationConfig(
  transport: PortTransport,
  identifier: string,
  config: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<PortIntegration> {
  const what = `Updating the mapping of integration ${identifier}`;
  const { body } = await transport.request({ method: "PATCH", path: `/v1/integration/${enc(identifier)}/config`, body: { config }, signal, what });
  return integrationFrom(body, what);
}
