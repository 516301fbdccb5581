import type { Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { ProgramCode } from "@/lib/generated/prisma/client";
import { DEMO_PASSWORD } from "./accounts";
import { seedDemoRefit } from "./demo-refit";
import { seedDemoTracking } from "./demo-tracking";
import { type DemoContext, type DemoRows, emptyRows, ids } from "./demo-context";
import { buildNotifications, buildPlansAndActivities } from "./demo-activities";
import { buildAnnouncements, buildCases } from "./demo-cases";
import { seedActivityReviews } from "./demo-activity-reviews";
import { seedChallengeDetails } from "./demo-challenges";
import { buildBases, buildChallenges, buildHostsAndEnterprises } from "./demo-bases";
import { buildExperts } from "./demo-experts";
import { buildLibrary } from "./demo-library";
import { buildNeeds } from "./demo-needs";
import { buildAdmins, buildUnits } from "./demo-people";
import { DEMO_SEED, Rng } from "./random";
import { createManyInBatches, RegionIndex } from "./regions";

// The demo data set: built in memory first (deterministic for the fixed seed), then inserted table by table with
// createMany. Ids are stable and every insert skips duplicates, so a run that failed half-way can simply be repeated.
// The `ministry` account is written last: its presence means the demo set is complete, and later runs skip it.

export type DemoInputs = {
  passwordHash: string;
  menuIds: Map<string, string>;
  programIds: Map<ProgramCode, string>;
};

/** Builds every demo row without touching the database. */
export function buildDemo(inputs: DemoInputs): DemoRows {
  const ctx: DemoContext = {
    rng: new Rng(DEMO_SEED),
    regions: new RegionIndex(),
    passwordHash: inputs.passwordHash,
    menuIds: inputs.menuIds,
    programIds: inputs.programIds,
    rows: emptyRows(),
  };
  const admins = buildAdmins(ctx);
  const units = buildUnits(ctx);
  const pool = buildExperts(ctx, admins);
  buildLibrary(ctx, admins, pool);
  const needs = buildNeeds(ctx, units, admins, pool);
  const hosts = buildHostsAndEnterprises(ctx);
  const baseIds = buildBases(ctx, admins, hosts);
  buildChallenges(ctx, admins, hosts, pool, units);
  buildPlansAndActivities(ctx, admins, hosts, baseIds, needs, pool);
  buildCases(ctx, admins);
  buildAnnouncements(ctx, admins);
  buildNotifications(ctx, admins, hosts, pool, needs);
  return ctx.rows;
}

export type DemoResult = { skipped: boolean };

export async function seedDemo(tx: Tx): Promise<DemoResult> {
  if (await tx.user.findUnique({ where: { username: "ministry" }, select: { id: true } })) return { skipped: true };

  const menuIds = new Map((await tx.serviceMenuItem.findMany({ select: { id: true, name: true } })).map((m) => [m.name, m.id]));
  const programIds = new Map((await tx.program.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is slow on purpose
  const rows = buildDemo({ passwordHash, menuIds, programIds });
  await insertDemo(tx, rows);
  await seedDemoRefit(tx);
  await seedDemoTracking(tx);
  return { skipped: false };
}

async function insertDemo(tx: Tx, r: DemoRows): Promise<void> {
  const ministry = ids.user("ministry");
  const [lastUsers, users] = partition(r.users, (u) => u.id === ministry);
  const [lastRoles, roles] = partition(r.roles, (x) => x.userId === ministry);
  const [lastNotes, notes] = partition(r.notifications, (n) => n.userId === ministry);
  const skipDuplicates = true;

  await createManyInBatches(r.organizations, (data) => tx.organization.createMany({ data, skipDuplicates }));
  await createManyInBatches(users, (data) => tx.user.createMany({ data, skipDuplicates }));
  await createManyInBatches(roles, (data) => tx.roleAssignment.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.experts, (data) => tx.expertProfile.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.achievements, (data) => tx.expertAchievement.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.availability, (data) => tx.expertAvailability.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.nominations, (data) => tx.libraryNomination.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.bases, (data) => tx.serviceBase.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.baseReports, (data) => tx.baseAnnualReport.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.baseEvaluations, (data) => tx.baseEvaluation.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.rectifications, (data) => tx.rectificationOrder.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.baseEvents, (data) => tx.baseEvent.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.plans, (data) => tx.annualPlan.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.planQuotas, (data) => tx.planChannelQuota.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.activities, (data) => tx.demonstrationActivity.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.activityTeam, (data) => tx.activityTeamMember.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.activityEvents, (data) => tx.activityEvent.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.activityReviews, (data) => tx.activityReview.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.progressReports, (data) => tx.activityProgressReport.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.needs, (data) => tx.need.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.needMenuItems, (data) => tx.needMenuItem.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.needEvents, (data) => tx.needEvent.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.matches, (data) => tx.match.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.engagements, (data) => tx.engagement.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.serviceRecords, (data) => tx.serviceRecord.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.feedback, (data) => tx.feedback.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.challenges, (data) => tx.challenge.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.bids, (data) => tx.challengeBid.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.milestones, (data) => tx.challengeMilestone.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.cases, (data) => tx.typicalCase.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.caseEvents, (data) => tx.caseEvent.createMany({ data, skipDuplicates }));
  await createManyInBatches(r.announcements, (data) => tx.announcement.createMany({ data, skipDuplicates }));
  await createManyInBatches(notes, (data) => tx.notification.createMany({ data, skipDuplicates }));

  await assertComplete(tx, r);
  // Both read their own rows back (by id: a shared database may hold other activities and challenges).
  await seedActivityReviews(tx, r.activities.map((a) => a.id as string)); // after the activities, needs and engagements
  await seedChallengeDetails(tx, r.challenges.map((c) => c.id as string)); // after the challenges, bids and milestones
  await tx.user.createMany({ data: lastUsers, skipDuplicates });
  await tx.roleAssignment.createMany({ data: lastRoles, skipDuplicates });
  await tx.notification.createMany({ data: lastNotes, skipDuplicates });
}

/**
 * skipDuplicates also skips a row that collides on another unique key (an organization name, a username, a need
 * code): check the main tables hold every row built, so such a collision fails loudly instead of thinning the data.
 */
async function assertComplete(tx: Tx, r: DemoRows): Promise<void> {
  const idsOf = (rows: { id?: string }[]) => rows.map((x) => x.id as string);
  const checks: [string, number, number][] = [
    ["organizations", r.organizations.length, await tx.organization.count({ where: { id: { in: idsOf(r.organizations) } } })],
    ["users", r.users.length - 1, await tx.user.count({ where: { id: { in: idsOf(r.users) } } })],
    ["experts", r.experts.length, await tx.expertProfile.count({ where: { id: { in: idsOf(r.experts) } } })],
    ["needs", r.needs.length, await tx.need.count({ where: { id: { in: idsOf(r.needs) } } })],
    ["bases", r.bases.length, await tx.serviceBase.count({ where: { id: { in: idsOf(r.bases) } } })],
  ];
  const short = checks.filter(([, built, stored]) => built !== stored);
  if (short.length > 0) {
    throw new Error(`演示数据写入不完整（唯一键冲突？）/ demo set incomplete: ${short.map(([t, b, s]) => `${t} ${s}/${b}`).join(", ")}`);
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
