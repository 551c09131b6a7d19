-- CreateTable
CREATE TABLE "DemoPortBlueprint" (
    "identifier" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DemoPortEntity" (
    "blueprint" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "title" TEXT,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("blueprint", "identifier"),
    CONSTRAINT "DemoPortEntity_blueprint_fkey" FOREIGN KEY ("blueprint") REFERENCES "DemoPortBlueprint" ("identifier") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemoPortIntegration" (
    "identifier" TEXT NOT NULL PRIMARY KEY,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DemoPortEntity_blueprint_title_idx" ON "DemoPortEntity"("blueprint", "title");

