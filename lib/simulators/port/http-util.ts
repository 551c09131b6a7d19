/** Small helpers for the demo Port's answers, in Port's own shapes. */
export function portJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** Port's error body: `{ok:false, error, message}`. */
export function portError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
  return portJson(status, { ok: false, error, message }, headers);
}

export class BodyTooLarge extends Error {}

/**
 * Reads and throws away the rest of a request body. Cancelling the stream instead makes
 * Node's stream adapter throw on the next chunk that arrives, so an unwanted body is
 * drained, never cancelled.
 */
export async function discardBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  try {
    while (!(await reader.read()).done);
  } catch {
    // The client went away: nothing left to drain.
  }
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done);
  } catch {
    // as above
  }
}

/** Reads a request body as text, stopping as soon as it exceeds `maxBytes`. */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discardBody(request);
    throw new BodyTooLarge();
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await drain(reader);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
