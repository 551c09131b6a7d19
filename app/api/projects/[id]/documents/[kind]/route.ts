import { DOCUMENT_KINDS, saveDocumentRequest, type DocumentKind } from "@/lib/builder/contracts";
import { getDocument, saveDocument } from "@/lib/builder/documents";
import { withSession, json, readJson } from "@/lib/server/http";
import { assertProjectAccess } from "@/lib/builder/access";
import { appBuilderDeps } from "@/lib/builder/app-deps";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string; kind: string }> };

function kindOf(kind: string): DocumentKind {
  if ((DOCUMENT_KINDS as readonly string[]).includes(kind)) return kind as DocumentKind;
  throw new AppError("document_not_found", `There is no "${kind}" document.`, { status: 404, hint: `Use one of: ${DOCUMENT_KINDS.join(", ")}.` });
}

export const GET = withSession<Context>(async (_request, { params }, user) => {
  const { id, kind } = await params;
  const deps = appBuilderDeps();
  await assertProjectAccess(deps.db, user.id, id, "read");
  return json(await getDocument(deps, user.id, id, kindOf(kind)));
});

export const PUT = withSession<Context>(async (request, { params }, user) => {
  const { id, kind } = await params;
  const deps = appBuilderDeps();
  // The save below checks only that the project can be seen: changing it needs edit.
  await assertProjectAccess(deps.db, user.id, id, "edit");
  const k = kindOf(kind);
  const body = await readJson(request, saveDocumentRequest);
  return json(await saveDocument(deps, user.id, id, k, body.version, body.content));
});
