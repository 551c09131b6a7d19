-- CreateTable
CREATE TABLE "MappingVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "yaml" TEXT NOT NULL,
    "valid" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "checkpoint" BOOLEAN NOT NULL DEFAULT false,
    "savedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MappingVersion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MappingVersion_projectId_savedAt_idx" ON "MappingVersion"("projectId", "savedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MappingVersion_projectId_version_key" ON "MappingVersion"("projectId", "version");

