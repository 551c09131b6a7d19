"use client";

import { useState } from "react";
import type { Artefact } from "@/lib/export";
import { zipArtefacts, zipFileName } from "@/lib/export/zip";

/** Every file in one zip, built here in the browser. */
export function DownloadAllButton({ artefacts, identifier }: { artefacts: Artefact[]; identifier: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const download = () => {
    try {
      const bytes = zipArtefacts(artefacts, identifier);
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: "application/zip" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = zipFileName(identifier);
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file once the click is handled; the URL can go after that.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setProblem(null);
    } catch (error) {
      setProblem(`The zip could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <>
      <button type="button" className="primary" onClick={download} data-testid="download-all">
        Download all ({artefacts.length} files, zip)
      </button>
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </>
  );
}
