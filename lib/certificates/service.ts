import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { chinaDate } from "@/lib/calendar/china-time";
import { invalidTransition, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";
import { notify } from "@/lib/notifications/send";
import { newCertificateCode } from "@/lib/certificates/code";
import { summarize, type CertificateContents, type FeedbackFacts } from "@/lib/certificates/contents";
import { checkDigits, signCertificate, signatureMatches } from "@/lib/certificates/signature";
import { CERTIFICATE_WORKFLOW } from "@/lib/certificates/workflow";

type Period = { from?: string; to?: string };

/** Service records count only once the unit confirmed them, and never from a cancelled engagement. */
function recordsWhere(expertId: string, period: Period): Prisma.ServiceRecordWhereInput {
  return {
    engagement: { expertId, state: { not: "CANCELLED" } },
    ...(period.from ? { startDate: { gte: new Date(`${period.from}T00:00:00Z`) } } : {}),
    ...(period.to ? { endDate: { lte: new Date(`${period.to}T00:00:00Z`) } } : {}),
  };
}

/** A yes/no answer of a unit's questionnaire, when it has one. */
function yesNo(answers: unknown, key: string): boolean | null {
  const v = answers && typeof answers === "object" ? (answers as Record<string, unknown>)[key] : undefined;
  return typeof v === "boolean" ? v : null;
}

/**
 * An expert's confirmed service in a period: the records, the engagements they belong to (need, unit, activity) and
 * the units' feedback on those engagements; plus how many records of the period are not (yet) confirmed.
 */
export async function confirmedService(tx: Tx, expertId: string, period: Period = {}) {
  const where = recordsWhere(expertId, period);
  const [rows, unconfirmed] = await Promise.all([
    tx.serviceRecord.findMany({
      where: { ...where, state: "CONFIRMED" },
      select: { startDate: true, endDate: true, hours: true, form: true, peopleServed: true, peopleTrained: true, engagementId: true },
      orderBy: { startDate: "asc" },
    }),
    tx.serviceRecord.count({ where: { ...where, state: { not: "CONFIRMED" } } }),
  ]);
  const ids = [...new Set(rows.map((r) => r.engagementId))];
  const engagementRows = ids.length
    ? await tx.engagement.findMany({
        where: { id: { in: ids } },
        select: {
          id: true, need: { select: { title: true, unit: { select: { name: true } } } }, activity: { select: { title: true } },
          feedback: { where: { party: "UNIT" }, select: { rating: true, answers: true } },
        },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const records = rows.map((r) => ({ ...r, hours: Number(r.hours) }));
  const engagements = engagementRows.map((e) => ({ id: e.id, needTitle: e.need.title, unitName: e.need.unit.name, activityTitle: e.activity?.title ?? null }));
  const feedback: FeedbackFacts[] = engagementRows.flatMap((e) =>
    e.feedback.map((f) => ({ rating: f.rating, solved: yesNo(f.answers, "solved"), inviteAgain: yesNo(f.answers, "inviteAgain") })),
  );
  return { records, engagements, feedback, unconfirmed };
}

async function expertFacts(tx: Tx, expertId: string) {
  const expert = await tx.expertProfile.findUnique({
    where: { id: expertId }, select: { id: true, name: true, employer: true, title: true, provinceCode: true, userId: true },
  });
  if (!expert) throw notFound("专家");
  const province = await tx.region.findUnique({ where: { code: expert.provinceCode }, select: { name: true } });
  return { ...expert, provinceName: province?.name ?? expert.provinceCode };
}

/** The figures a certificate for this period would state (the expert's preview before issuing). */
export async function previewContents(tx: Tx, expertId: string, period: Period, now = new Date()) {
  const expert = await expertFacts(tx, expertId);
  const service = await confirmedService(tx, expertId, period);
  const contents = service.records.length
    ? summarize({
        expert: { name: expert.name, employer: expert.employer, title: PROFESSIONAL_TITLE_LABEL[expert.title], province: expert.provinceName },
        records: service.records, engagements: service.engagements, feedback: service.feedback, issuedOn: chinaDate(now),
      })
    : null;
  return { expert, contents, unconfirmed: service.unconfirmed };
}

/**
 * Issue a certificate of the expert's confirmed service in the period: refused when there is none (unconfirmed or
 * disputed records never count). The contents are frozen and signed in the row.
 */
export async function issueCertificate(tx: Tx, input: Period & { expertId: string; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  CERTIFICATE_WORKFLOW.next("issue", null);
  const { expert, contents, unconfirmed } = await previewContents(tx, input.expertId, input, now);
  if (!contents) {
    throw invalidTransition(
      `所选期间没有经服务单位确认的服务记录，不能开具服务证明${unconfirmed ? `（有 ${unconfirmed} 条记录尚待服务单位确认或有异议，确认后才能计入）` : ""}`,
    );
  }
  const code = newCertificateCode(Number(contents.issuedOn.slice(0, 4)));
  const hash = signCertificate(code, contents);
  const row = await tx.certificate.create({
    data: {
      code, expertId: expert.id, provinceCode: expert.provinceCode, ownerUserId: expert.userId, contents, hash,
      issuedById: input.actorId, issuedAt: now,
    },
    select: { id: true, code: true },
  });
  return { ...row, contents, unconfirmed };
}

export async function certificateScope(tx: Tx, certificateId: string) {
  const c = await tx.certificate.findUnique({
    where: { id: certificateId }, select: { id: true, code: true, provinceCode: true, ownerUserId: true, state: true, version: true, expert: { select: { name: true } } },
  });
  if (!c) throw notFound("服务证明");
  return c;
}

/** The province revokes a certificate with a reason; the expert is told. */
export async function revokeCertificate(tx: Tx, input: { certificateId: string; version: number; reason: string; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const c = await certificateScope(tx, input.certificateId);
  const r = await CERTIFICATE_WORKFLOW.apply(tx, {
    id: c.id, step: "revoke", from: c.state, version: input.version, actorId: input.actorId, comment: input.reason, now,
    data: { revokedById: input.actorId, revokedAt: now, revokeReason: input.reason.trim() },
  });
  if (c.ownerUserId) {
    await notify(tx, [c.ownerUserId], {
      title: `服务证明 ${c.code} 已被撤销`, body: `省级管理员撤销了您的服务证明 ${c.code}。原因：${input.reason.trim()}`, link: `/certificates/${c.id}`,
    });
  }
  return { ...r, code: c.code, expertName: c.expert.name };
}

export type VerificationStatus = "VALID" | "REVOKED" | "ALTERED" | "NOT_FOUND";

export type Verification =
  | { status: "NOT_FOUND"; code: string }
  | {
      status: Exclude<VerificationStatus, "NOT_FOUND">;
      code: string;
      /** Why it is shown as altered. */
      problem: string | null;
      contents: CertificateContents;
      checkDigits: string;
      issuedAt: Date;
      revokedAt: Date | null;
      revokeReason: string | null;
    };

/**
 * What the public verification page says about a code: unknown; altered (the stored contents no longer match their
 * signature, or the check digits the reader has do not match it); revoked (with the reason); or valid.
 */
export async function verifyCertificate(code: string, digits?: string | null): Promise<Verification> {
  const c = await db.certificate.findUnique({
    where: { code }, select: { code: true, contents: true, hash: true, state: true, issuedAt: true, revokedAt: true, revokeReason: true },
  });
  if (!c) return { status: "NOT_FOUND", code };
  const genuine = signatureMatches(c.code, c.contents, c.hash);
  const given = digits?.trim().toUpperCase();
  const digitsMatch = !given || given === checkDigits(c.hash);
  const problem = !genuine
    ? "平台登记的证书内容与其数字签名不符，内容可能已被篡改，请勿采信"
    : !digitsMatch ? "所持证书上的校验位与平台登记不符，该证书可能被涂改或伪造，请以本页登记内容为准" : null;
  return {
    status: problem ? "ALTERED" : c.state === "REVOKED" ? "REVOKED" : "VALID",
    code: c.code, problem, contents: c.contents as unknown as CertificateContents, checkDigits: checkDigits(c.hash),
    issuedAt: c.issuedAt, revokedAt: c.revokedAt, revokeReason: c.revokeReason,
  };
}
