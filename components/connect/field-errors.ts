/**
 * An API error that names a form field (`ApiError.field`, e.g. `tenantId`) is shown under
 * that field; any other error is shown above the form. Both keep the message and the hint.
 */
import { ApiError } from "../api";

export interface ShownError {
  message: string;
  hint?: string;
}

export interface FieldError extends ShownError {
  field: string;
}

/** The error as a field's message, when it names one of `fields` (the path prefix dropped: the label says where). */
export function fieldErrorOf(error: unknown, fields: readonly string[]): FieldError | null {
  if (!(error instanceof ApiError) || !error.field || !fields.includes(error.field)) return null;
  const prefix = `${error.field}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { field: error.field, message, ...(error.hint ? { hint: error.hint } : {}) };
}

/** The error for the alert above the form: null when there is none or a field shows it. */
export function formErrorOf(error: unknown, fields: readonly string[]): ShownError | null {
  if (!error || fieldErrorOf(error, fields)) return null;
  if (error instanceof ApiError) return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { message: "The server could not be reached.", hint: "Check that the builder is still running and your network connection, then try again." };
}
