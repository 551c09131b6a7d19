"use client";

import { TextField, type TextFieldProps } from "./TextField";

/**
 * A write-only secret: typed, sent once, never shown again. When one is stored the field
 * stays empty and says that blank keeps it.
 */
export function SecretField({ stored, what, ...props }: Omit<TextFieldProps, "type" | "placeholder" | "help" | "autoComplete"> & { stored: boolean; what: string }) {
  return (
    <TextField
      {...props}
      type="password"
      // Not offered to the browser's password manager: this is an app's secret, not the person's.
      autoComplete="new-password"
      placeholder={stored ? "set — leave blank to keep" : ""}
      help={
        stored
          ? `A ${what} is stored. Leave this blank to keep it, or type a new one to replace it. It is never shown again.`
          : `Required: no ${what} is stored yet. It is write-only: once saved it is never shown again.`
      }
    />
  );
}
