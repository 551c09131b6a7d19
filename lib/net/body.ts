/**
 * Reads a request body up to a size, where a stranger chooses the size (the app's public
 * endpoints, the simulators' token and $batch endpoints): a body over the limit is not
 * read to the end (or held), whether it declares its length or not.
 */

/** The body as text, or null when it is larger than `maxBytes`. Reads `request` itself. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: cancelling one branch of a cloned body settles only when the other is cancelled too.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
