-- CreateTable
CREATE TABLE "RevokedSession" (
    "jti" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "GraphConnection" (
    "projectId" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL,
    "cloud" TEXT NOT NULL DEFAULT 'global',
    "tenantId" TEXT,
    "clientId" TEXT,
    "secretCipher" TEXT,
    "tokenCipher" TEXT,
    "tokenExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GraphConnection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PortConnection" (
    "projectId" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT 'eu',
    "clientId" TEXT,
    "secretCipher" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortConnection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Sample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "request" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "pages" INTEGER NOT NULL DEFAULT 1,
    "truncated" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Sample_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectDocument" (
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("projectId", "kind"),
    CONSTRAINT "ProjectDocument_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Sample_projectId_endpoint_key" ON "Sample"("projectId", "endpoint");

