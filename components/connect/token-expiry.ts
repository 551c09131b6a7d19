/**
 * A pasted token's expiry in words: "expires in 52 minutes (12:41)", "expired 3 hours
 * ago", or "expiry unknown (not a JWT)" when the server could not read an `exp` claim.
 */

function amount(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}

/** Local wall-clock time, 24-hour, as a person reads it next to "expires in". */
export function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

export function describeTokenExpiry(expiresAt: string | null, now: Date): { text: string; expired: boolean } {
  if (!expiresAt) return { text: "expiry unknown (not a JWT)", expired: false };
  const at = new Date(expiresAt);
  if (Number.isNaN(at.getTime())) return { text: "expiry unknown (not a JWT)", expired: false };
  const left = at.getTime() - now.getTime();
  if (left > 0) return { text: `expires in ${amount(left)} (${clockTime(at)})`, expired: false };
  return { text: `expired ${amount(-left)} ago`, expired: true };
}
