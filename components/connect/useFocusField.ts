"use client";

import { useEffect, type RefObject } from "react";

/** Moves focus to the form control named `field` when an error names it, so the person lands where to fix it. */
export function useFocusField(form: RefObject<HTMLFormElement | null>, field: string | null, error: unknown) {
  useEffect(() => {
    if (!field || !form.current) return;
    const control = form.current.elements.namedItem(field);
    if (control instanceof HTMLElement) control.focus();
    // `error` too: the same field failing twice must take focus again.
  }, [form, field, error]);
}
