"use client";

/**
 * Leaving the step inside the app (the step rail, the header) while the text could not be
 * saved (an error, or another tab saved first) asks first: the text exists only in this tab.
 * Leaving the tab itself is guarded by useMappingDocument's beforeunload.
 */
import { useEffect, useRef } from "react";

export function useLeaveGuard(unsafe: boolean): void {
  const ref = useRef(unsafe);
  useEffect(() => {
    ref.current = unsafe;
  }, [unsafe]);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!ref.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.origin !== window.location.origin) return;
      if (link.pathname === window.location.pathname) return;
      if (!window.confirm("Your latest changes to the mapping are not saved. Leave this page anyway?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);
}
