/**
 * Reads a body up to a size, where a stranger chooses the size: requests to the app's public
 * endpoints and the simulators' token and $batch endpoints, and answers from Graph and token
 * endpoints. A body over the limit is not read to the end (or held), whether it declares
 * its length or not.
 */

/**
 * Reads a stream to its end as text, or stops at `maxBytes` and answers null. `awaitCancel`
 * false for a request: cancelling one branch of a cloned body settles only when the other
 * is cancelled too.
 */
async function readUpTo(body: ReadableStream<Uint8Array>, maxBytes: number, awaitCancel: boolean): Promise<string | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      const cancelled = reader.cancel().catch(() => {});
      if (awaitCancel) await cancelled;
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/** The body as text, or null when it is larger than `maxBytes`. Reads `request` itself. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  return request.body ? readUpTo(request.body, maxBytes, false) : "";
}

/**
 * A response body as text, or null when it is larger than `maxBytes`. Where a remote
 * server chooses the size (Graph, a token endpoint): a declared length over the cap is
 * refused before reading, and an undeclared one is read only up to the cap, then the
 * connection is cancelled, so a 200 MB answer never sits in memory whole.
 */
export async function readCappedResponseText(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  return response.body ? readUpTo(response.body, maxBytes, true) : "";
}
