"use client";

import { useEffect, useState } from "react";
import type { BlueprintsDocument } from "@/lib/builder/contracts";
import { portState, textHash, type PortState } from "./pushed-state";

/** Per blueprint: in Port as written, changed since, or not yet (hashes computed off the render). */
export function usePortStates(content: BlueprintsDocument): PortState[] {
  const [hashes, setHashes] = useState<{ texts: string[]; hashes: (string | null)[] }>({ texts: [], hashes: [] });
  useEffect(() => {
    let current = true;
    const texts = content.blueprints.map((b) => b.text);
    void Promise.all(texts.map(textHash)).then((result) => {
      if (current) setHashes({ texts, hashes: result });
    });
    return () => {
      current = false;
    };
  }, [content.blueprints]);
  return content.blueprints.map((b, i) => portState(content.pushed, b.identifier, hashes.texts[i] === b.text ? hashes.hashes[i] : undefined));
}
