import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { recordInScope } from "@/lib/auth/load-in-scope";
import { holds } from "@/lib/auth/permissions";
import { auditDenied, auditSessionEnded, lookupSession, requestMeta } from "@/lib/auth/session";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { certificateInScope } from "@/lib/certificates/queries";

// The certificate's PDF, for whoever may read the certificate (the expert, their province, the ministry). A revoked
// certificate still downloads (the verification page says it is revoked); every download is audited.

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Where the QR code points: the configured public address, else the address this request came to. */
function publicOrigin(req: Request): string {
  return (process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL || new URL(req.url).origin).replace(/\/+$/, "");
}

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(req.url);
  const session = await lookupSession();
  if (!session.user) {
    await auditSessionEnded(session, url.pathname);
    return text("请先登录", 401);
  }
  const user = session.user;
  if (!holds(user, "certificate.read")) {
    await auditDenied(user, "certificate.read", { type: "Certificate", id });
    return text("无权下载", 403);
  }
  const c = await recordInScope(user, certificateInScope(id));
  if (!c) return text("服务证明不存在", 404);
  const origin = publicOrigin(req);
  const pdf = await renderCertificatePdf({
    code: c.code, checkDigits: c.checkDigits, contents: c.contents,
    verifyUrl: `${origin}/verify/${c.code}?d=${c.checkDigits}`, verifyHome: `${origin}/verify`,
  });
  await writeAudit(db, {
    actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
    operation: "certificate.download", outcome: "SUCCESS", entityType: "Certificate", entityId: c.id,
    summary: `下载服务证明 ${c.code}（专家 ${c.expert.name}）`, meta: await requestMeta(),
  });
  const name = `服务证明-${c.code}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${c.code}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
