/**
 * "Download all": every artefact in one zip (fflate: small, the same in the browser and in
 * Node), inside one folder named after the integration. Scripts keep their executable bit
 * (Unix attributes), and every entry has the same fixed date, so the same export gives the
 * same bytes.
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import type { Artefact } from "./types";

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));
const UNIX = 3;

export function zipArtefacts(artefacts: readonly Artefact[], folder: string): Uint8Array {
  const files: Zippable = {};
  for (const a of artefacts) {
    const mode = a.language === "shell" ? 0o100755 : 0o100644;
    files[`${folder}/${a.fileName}`] = [strToU8(a.content), { os: UNIX, attrs: mode << 16, mtime: FIXED_DATE }];
  }
  return zipSync(files, { level: 6 });
}

export const zipFileName = (identifier: string): string => `${identifier}-ocean-export.zip`;
