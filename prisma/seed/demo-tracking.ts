import type { Tx } from "@/lib/db";
import { issueCertificate } from "@/lib/certificates/service";
import { decide, nominate } from "@/lib/commendations/service";
import { SEED_NOW } from "./demo-context";

// Demo rows for 跟踪问效 (branch certs), written through the services themselves after the rest of the demo set:
// the units' feedback answered on questionnaire version 1, a service certificate the demo `expert` already issued,
// that expert's commendation nomination waiting for the ministry, and one approved priority recommendation.
// Certificates are signed with NEXTAUTH_SECRET (or CERTIFICATE_SIGNING_KEY): the start and test scripts pass the
// app's secret to the seed, so the demo certificate verifies in the app.

async function provinceAdmin(tx: Tx, provinceCode: string) {
  const grant = await tx.roleAssignment.findFirst({ where: { role: "PROVINCE_ADMIN", provinceCode }, orderBy: { userId: "asc" }, select: { userId: true } });
  return grant?.userId ?? null;
}

export async function seedDemoTracking(tx: Tx): Promise<void> {
  // Earlier feedback, as answers to version 1 of each side's questionnaire (created by the migration).
  await tx.$executeRaw`
    UPDATE "Feedback" SET
      "questionnaireId" = CASE party WHEN 'UNIT' THEN 'questionnaire-unit-v1' ELSE 'questionnaire-expert-v1' END,
      answers = jsonb_build_object('satisfaction', rating, 'comment', comment, 'solved', rating >= 4, 'inviteAgain', rating >= 4)
    WHERE "questionnaireId" IS NULL`;

  const expert = await tx.expertProfile.findFirst({ where: { user: { username: "expert" } }, select: { id: true, userId: true, provinceCode: true } });
  if (!expert?.userId) return;
  const confirmed = await tx.serviceRecord.findFirst({
    where: { state: "CONFIRMED", engagement: { expertId: expert.id, state: { not: "CANCELLED" } } },
    orderBy: { startDate: "desc" }, select: { startDate: true },
  });
  if (!confirmed) return;
  const issuedAt = new Date(SEED_NOW.getTime() - 10 * 86_400_000);
  await issueCertificate(tx, { expertId: expert.id, actorId: expert.userId, now: issuedAt });

  const year = confirmed.startDate.getUTCFullYear();
  const province = await provinceAdmin(tx, expert.provinceCode);
  if (province) {
    await nominate(tx, {
      expertId: expert.id, year, priority: true, actorId: province, now: new Date(SEED_NOW.getTime() - 3 * 86_400_000),
      reason: "长期赴四川开展猕猴桃病虫害防控技术指导，服务单位评价满意，东西部协作成效明显。",
    });
  }

  // The expert with the most confirmed hours that year (other than the demo expert, and not nominated already):
  // approved, on the priority list.
  const [top] = await tx.$queryRaw<{ expertId: string; provinceCode: string }[]>`
    SELECT e."expertId", p."provinceCode" FROM "ServiceRecord" r
    JOIN "Engagement" e ON e.id = r."engagementId" JOIN "ExpertProfile" p ON p.id = e."expertId"
    WHERE r.state = 'CONFIRMED' AND e.state <> 'CANCELLED' AND e."expertId" <> ${expert.id}
      AND NOT EXISTS (SELECT 1 FROM "Commendation" c WHERE c."expertId" = e."expertId" AND c."year" = ${year})
      AND r."startDate" >= ${new Date(`${year}-01-01T00:00:00Z`)} AND r."endDate" <= ${new Date(`${year}-12-31T00:00:00Z`)}
    GROUP BY e."expertId", p."provinceCode" ORDER BY sum(r.hours) DESC, e."expertId" LIMIT 1`;
  const ministry = await tx.user.findUnique({ where: { username: "ministry" }, select: { id: true } });
  const nominator = top ? await provinceAdmin(tx, top.provinceCode) : null;
  if (top && nominator && ministry) {
    const n = await nominate(tx, {
      expertId: top.expertId, year, priority: true, actorId: nominator, now: new Date(SEED_NOW.getTime() - 20 * 86_400_000),
      reason: "全年服务时长居本省前列，服务多个基层单位，带动技术推广和农民增收。",
    });
    await decide(tx, { commendationId: n.id, version: 0, decision: "approve", reason: "服务成效突出，同意表彰并优先推荐。", actorId: ministry.id, now: new Date(SEED_NOW.getTime() - 12 * 86_400_000) });
  }
}
