-- CreateTable
CREATE TABLE "SyncEntityState" (
    "scope" TEXT NOT NULL,
    "blueprint" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seenRunId" TEXT NOT NULL,
    "checkedRunId" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("scope", "blueprint", "identifier")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "projectId" TEXT,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "verify" BOOLEAN NOT NULL DEFAULT false,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "counters" TEXT NOT NULL DEFAULT '[]',
    "errors" TEXT NOT NULL DEFAULT '[]',
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "deletionSkipped" TEXT,
    "summary" TEXT,
    "failure" TEXT
);

-- CreateTable
CREATE TABLE "SyncActiveRun" (
    "scope" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SyncSchedule" (
    "projectId" TEXT NOT NULL PRIMARY KEY,
    "intervalMinutes" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRunAt" DATETIME NOT NULL,
    "lastRunId" TEXT,
    "lastSkippedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SyncEntityState_scope_seenRunId_idx" ON "SyncEntityState"("scope", "seenRunId");

-- CreateIndex
CREATE INDEX "SyncRun_scope_queuedAt_idx" ON "SyncRun"("scope", "queuedAt");

-- CreateIndex
CREATE INDEX "SyncRun_status_queuedAt_idx" ON "SyncRun"("status", "queuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncActiveRun_runId_key" ON "SyncActiveRun"("runId");

-- CreateIndex
CREATE INDEX "SyncSchedule_enabled_nextRunAt_idx" ON "SyncSchedule"("enabled", "nextRunAt");

