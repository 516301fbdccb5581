import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { lookupSession } from "@/lib/auth/session";
import { storage } from "@/lib/storage/storage";

// An image of a typical case (lib/cases/sanitize.ts: the only image source a story may use). Public once its case
// is published; before that only to those who may read the case in the console; anything else answers 404.

const notFound = () => new Response("图片不存在", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const att = await db.attachment.findUnique({
    where: { id: id.slice(0, 40) },
    select: { id: true, ownerType: true, ownerId: true, storageKey: true, mimeType: true, sizeBytes: true },
  });
  if (!att || att.ownerType !== "TypicalCase") return notFound();
  const c = await db.typicalCase.findUnique({ where: { id: att.ownerId }, select: { state: true, provinceCode: true } });
  if (!c) return notFound();
  const published = c.state === "PUBLISHED";
  if (!published) {
    const { user } = await lookupSession();
    if (!user || !can(user, "case.read", { provinceCode: c.provinceCode })) return notFound();
  }
  let body: ReadableStream<Uint8Array>;
  try {
    body = await storage().stream(att.storageKey);
  } catch (err) {
    console.error(`[case image ${att.id}] file missing`, err);
    return notFound();
  }
  return new Response(body, {
    headers: {
      "Content-Type": att.mimeType,
      "Content-Length": String(att.sizeBytes),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      // Published images may be cached briefly (a withdrawal takes them down within minutes); drafts never.
      "Cache-Control": published ? "public, max-age=300" : "private, no-store",
    },
  });
}
