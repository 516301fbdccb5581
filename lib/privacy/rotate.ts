import type { PrismaClient } from "@/lib/generated/prisma/client";
import { currentDataKey, openText, sealedKeyId, sealText } from "@/lib/crypto/data-key";
import { openOptional, personalIndex, type PersonalKind } from "@/lib/privacy/at-rest";

// `npm run keys:rotate` (and `npm run setup`): re-seals every protected value that is plain text (written before
// encryption) or sealed under another key than DATA_ENCRYPTION_KEY (read with DATA_ENCRYPTION_KEY_PREVIOUS), and
// recomputes the blind indexes. Row by row in small transactions, so it can be stopped and run again.

const BATCH = 500;
export type RotationReport = { experts: number; users: number; imports: number };

const stale = (v: string | null | undefined) => !!v && sealedKeyId(v) !== currentDataKey().id;

function resealPersonal<K extends PersonalKind>(kinds: readonly K[], row: Partial<Record<K, string | null>>) {
  const data: Record<string, string | null> = {};
  for (const kind of kinds) {
    const plain = openOptional(row[kind]);
    data[kind] = plain ? sealText(plain) : null;
    data[`${kind}Index`] = plain ? personalIndex(kind, plain) : null;
  }
  return data;
}

export async function rotateDataKeys(db: PrismaClient): Promise<RotationReport> {
  const report: RotationReport = { experts: 0, users: 0, imports: 0 };
  const expertKinds = ["phone", "email", "idNumber"] as const;
  for (let cursor: string | undefined; ;) {
    const rows = await db.expertProfile.findMany({
      take: BATCH, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}), orderBy: { id: "asc" },
      select: { id: true, phone: true, email: true, idNumber: true, phoneIndex: true, emailIndex: true, idNumberIndex: true, updatedAt: true },
    });
    if (!rows.length) break;
    for (const r of rows) {
      const needs = expertKinds.some((k) => stale(r[k]) || (!!r[k] && !r[`${k}Index`]));
      if (!needs) continue;
      await db.expertProfile.update({ where: { id: r.id }, data: { ...resealPersonal(expertKinds, r), updatedAt: r.updatedAt } });
      report.experts += 1;
    }
    cursor = rows[rows.length - 1].id;
  }
  const userKinds = ["phone", "email"] as const;
  for (let cursor: string | undefined; ;) {
    const rows = await db.user.findMany({
      take: BATCH, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}), orderBy: { id: "asc" },
      select: { id: true, phone: true, email: true, phoneIndex: true, emailIndex: true, mfaSecret: true, updatedAt: true },
    });
    if (!rows.length) break;
    for (const r of rows) {
      const personal = userKinds.some((k) => stale(r[k]) || (!!r[k] && !r[`${k}Index`]));
      const secret = stale(r.mfaSecret);
      if (!personal && !secret) continue;
      await db.user.update({
        where: { id: r.id },
        data: {
          ...(personal ? resealPersonal(userKinds, r) : {}),
          ...(secret ? { mfaSecret: sealText(openText(r.mfaSecret!)) } : {}),
          updatedAt: r.updatedAt,
        },
      });
      report.users += 1;
    }
    cursor = rows[rows.length - 1].id;
  }
  // Rows waiting in uploads: their personal fields too.
  const jobs = await db.importJob.findMany({ where: { state: "VALIDATED", kind: "EXPERTS" }, select: { id: true } });
  for (const job of jobs) {
    const [{ payload }] = await db.$queryRaw<{ payload: string | null }[]>`SELECT "payload"::text AS payload FROM "ImportJob" WHERE "id" = ${job.id}`;
    const records = payload ? (JSON.parse(payload) as Record<string, string | null>[]) : [];
    if (!records.some((r) => expertKinds.some((k) => stale(r[k])))) continue;
    const resealed = records.map((r) => ({ ...r, ...resealPersonal(expertKinds, r) }));
    await db.$executeRaw`UPDATE "ImportJob" SET "payload" = ${JSON.stringify(resealed)}::jsonb WHERE "id" = ${job.id} AND "state" = 'VALIDATED'`;
    report.imports += 1;
  }
  return report;
}
