/**
 * Record selector: which items a page holds. Graph collections put them under `value`
 * (Ocean's `data_path: .value`); a single object is one item. Swappable per call.
 */
export type RecordSelector = (body: unknown) => unknown[];

export const selectValue: RecordSelector = (body) => {
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    const value = (body as Record<string, unknown>).value;
    if (Array.isArray(value)) return value;
    return [body];
  }
  return Array.isArray(body) ? body : [];
};
