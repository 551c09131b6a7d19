"use client";

import { useEffect, useState } from "react";

/** The current time, renewed every `everyMs`, so "expires in 52 minutes" stays true on an open page. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
