import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportProject } from "./index";
import { sampleInput } from "./testing";
import { zipArtefacts } from "./zip";

describe("zipArtefacts", () => {
  const { artefacts } = exportProject(sampleInput(), { region: "eu", identifier: "entra-id", secrets: "chart-secret" });

  it("holds every artefact with its exact text, and the same export gives the same bytes", () => {
    const zip = zipArtefacts(artefacts, "entra-id");
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(artefacts.map((a) => `entra-id/${a.fileName}`).sort());
    for (const a of artefacts) expect(strFromU8(files[`entra-id/${a.fileName}`]!)).toBe(a.content);
    expect(Buffer.from(zipArtefacts(artefacts, "entra-id")).equals(Buffer.from(zip))).toBe(true);
  });

  it("unzip (a real one) restores the scripts as executable", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zip-"));
    try {
      writeFileSync(path.join(dir, "x.zip"), zipArtefacts(artefacts, "entra-id"));
      const unzip = spawnSync("python3", ["-c", "import sys,zipfile,os\nz=zipfile.ZipFile(sys.argv[1])\nfor i in z.infolist():\n  p=z.extract(i, sys.argv[2]); os.chmod(p, i.external_attr >> 16 & 0o777)", path.join(dir, "x.zip"), dir], { encoding: "utf8" });
      expect(unzip.stderr).toBe("");
      expect(statSync(path.join(dir, "entra-id/helm-install.sh")).mode & 0o777).toBe(0o755);
      expect(statSync(path.join(dir, "entra-id/values.yaml")).mode & 0o777).toBe(0o644);
      expect(readFileSync(path.join(dir, "entra-id/port-app-config.yml"), "utf8")).toBe(artefacts[0]!.content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
