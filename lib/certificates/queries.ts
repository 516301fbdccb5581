import { db } from "@/lib/db";
import type { InScope } from "@/lib/auth/load-in-scope";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeWhere } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CertificateContents } from "@/lib/certificates/contents";
import type { CertificateSearch } from "@/lib/certificates/schemas";
import { checkDigits } from "@/lib/certificates/signature";
import { previewContents, verifyCertificate } from "@/lib/certificates/service";
import { CERTIFICATE_WORKFLOW } from "@/lib/certificates/workflow";

export const CERTIFICATE_PAGE_SIZE = 20;

/** Certificates `user` may see: the ministry all, a province its experts', an expert their own. */
export function certificatesReadable(user: SessionUser): Prisma.CertificateWhereInput | null {
  return scopeWhere<Prisma.CertificateWhereInput>(user, "certificate.read", {
    province: (codes) => ({ provinceCode: { in: codes } }),
    self: (userId) => ({ ownerUserId: userId }),
  });
}

function whereOf(user: SessionUser, search: CertificateSearch): Prisma.CertificateWhereInput | null {
  const scope = certificatesReadable(user);
  if (!scope) return null;
  return {
    AND: [
      scope,
      search.state ? { state: search.state } : {},
      search.q ? { OR: [{ code: { contains: search.q.toUpperCase() } }, { expert: { name: { contains: search.q } } }] } : {},
    ],
  };
}

const listSelect = {
  id: true, code: true, state: true, issuedAt: true, revokedAt: true, revokeReason: true, contents: true, provinceCode: true,
  expert: { select: { name: true, employer: true } },
} satisfies Prisma.CertificateSelect;

function listRow(c: Prisma.CertificateGetPayload<{ select: typeof listSelect }>) {
  const contents = c.contents as unknown as CertificateContents;
  return {
    id: c.id, code: c.code, state: c.state, issuedAt: c.issuedAt, revokedAt: c.revokedAt, revokeReason: c.revokeReason,
    expertName: c.expert.name, employer: c.expert.employer, period: contents.period, hours: contents.totals.hours,
    days: contents.totals.days, units: contents.totals.units,
  };
}

export async function searchCertificates(user: SessionUser, search: CertificateSearch) {
  const where = whereOf(user, search);
  if (!where) return { total: 0, rows: [], page: 1, pageSize: CERTIFICATE_PAGE_SIZE };
  const [total, rows] = await Promise.all([
    db.certificate.count({ where }),
    db.certificate.findMany({
      where, select: listSelect, orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
      skip: (search.page - 1) * CERTIFICATE_PAGE_SIZE, take: CERTIFICATE_PAGE_SIZE,
    }),
  ]);
  return { total, rows: rows.map(listRow), page: search.page, pageSize: CERTIFICATE_PAGE_SIZE };
}
export type CertificateListRow = ReturnType<typeof listRow>;

async function loadCertificate(id: string) {
  const c = await db.certificate.findUnique({
    where: { id },
    select: {
      id: true, code: true, state: true, version: true, provinceCode: true, ownerUserId: true, contents: true, hash: true,
      issuedAt: true, revokedAt: true, revokeReason: true, expert: { select: { name: true } },
    },
  });
  if (!c) return null;
  const { hash, ...rest } = c;
  return { ...rest, contents: c.contents as unknown as CertificateContents, checkDigits: checkDigits(hash) };
}

/** A certificate for its detail page and its download (certificate.read, scope from the row). */
export function certificateInScope(id: string): InScope<NonNullable<Awaited<ReturnType<typeof loadCertificate>>>> {
  return {
    operation: "certificate.read",
    entity: { type: "Certificate", id },
    load: () => loadCertificate(id),
    scopeOf: (c) => ({ provinceCode: c.provinceCode, ownerUserId: c.ownerUserId }),
  };
}

/** The buttons a detail page offers on the certificate. */
export function certificateActions(user: SessionUser, c: { state: "VALID" | "REVOKED"; provinceCode: string; ownerUserId: string | null }) {
  return CERTIFICATE_WORKFLOW.allowed(user, c.state, { provinceCode: c.provinceCode, ownerUserId: c.ownerUserId });
}

/** What a certificate of the signed-in expert's confirmed service would state now (null when there is none). */
export async function myCertificatePreview(user: SessionUser, period: { from?: string; to?: string } = {}) {
  const expert = await db.expertProfile.findUnique({ where: { userId: user.id }, select: { id: true } });
  if (!expert) return null;
  const { contents, unconfirmed } = await previewContents(db, expert.id, period);
  return { contents, unconfirmed };
}

/** The public verification of a code (no sign-in): what the platform registered, and whether it stands. */
export const verifyCode = verifyCertificate;
