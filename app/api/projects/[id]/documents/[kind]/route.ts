import { DOCUMENT_KINDS, saveDocumentRequest, type DocumentKind } from "@/lib/builder/contracts";
import { getDocument, saveDocument } from "@/lib/builder/documents";
import { withSession, json, readJson } from "@/lib/server/http";
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
  return json(await getDocument(appBuilderDeps(), user.id, id, kindOf(kind)));
});

export const PUT = withSession<Context>(async (request, { params }, user) => {
  const { id, kind } = await params;
  const k = kindOf(kind);
  const body = await readJson(request, saveDocumentRequest);
  return json(await saveDocument(appBuilderDeps(), user.id, id, k, body.version, body.content));
});
