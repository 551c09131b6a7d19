/** Small helpers for the demo Port's answers, in Port's own shapes. */
export function portJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** Port's error body: `{ok:false, error, message}`. */
export function portError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
  return portJson(status, { ok: false, error, message }, headers);
}

/**
 * How much of an unwanted body is read and thrown away before giving up on it. Draining
 * lets an ordinary client that sends its whole body before reading (most do) see the
 * answer; without a bound, a body that never ends would be read forever.
 */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;

/** The body went past the cap. `closeConnection`: the rest was not drained, so the answer must close the connection. */
export class BodyTooLarge extends Error {
  constructor(readonly closeConnection: boolean) {
    super("request body too large");
  }
}

/**
 * Reads and throws away up to DRAIN_MAX_BYTES of the rest of a body; true when it ended.
 * Cancelling the stream instead makes Node's stream adapter throw on the next chunk that
 * arrives, so an unwanted body is drained, or left unread behind a closed connection.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      read += value.byteLength;
      if (read > DRAIN_MAX_BYTES) return false;
    }
  } catch {
    return true; // the client went away: nothing left to drain
  } finally {
    reader.releaseLock();
  }
}

/** The headers an answer needs after `drained`: a body not read to its end closes the connection. */
export const connectionHeaders = (drained: boolean): Record<string, string> => (drained ? {} : { connection: "close" });

/** Throws away a request body we do not want (bounded); returns the headers the answer needs. */
export async function discardBody(request: Request): Promise<Record<string, string>> {
  if (!request.body || request.bodyUsed) return {};
  return connectionHeaders(await drain(request.body.getReader()));
}

/** Reads a request body as text, stopping as soon as it exceeds `maxBytes` (never buffering more). */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge(!(await drain(reader)));
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) throw new BodyTooLarge(!(await drain(reader)));
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
