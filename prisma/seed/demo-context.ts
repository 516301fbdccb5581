import type { Prisma, ProgramCode } from "@/lib/generated/prisma/client";
import type { Rng } from "./random";
import { stableId } from "./random";
import type { RegionIndex } from "./regions";

// Shared state of one demo build: the generator, lookups, and the rows collected for insertion.

/** "Today" for the demo data: every date is fixed relative to it, so two runs write the same rows. */
export const SEED_NOW = new Date("2026-11-20T10:00:00+08:00");

export type DemoRows = {
  organizations: Prisma.OrganizationCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  roles: Prisma.RoleAssignmentCreateManyInput[];
  experts: Prisma.ExpertProfileCreateManyInput[];
  achievements: Prisma.ExpertAchievementCreateManyInput[];
  availability: Prisma.ExpertAvailabilityCreateManyInput[];
  nominations: Prisma.LibraryNominationCreateManyInput[];
  bases: Prisma.ServiceBaseCreateManyInput[];
  baseReports: Prisma.BaseAnnualReportCreateManyInput[];
  baseEvaluations: Prisma.BaseEvaluationCreateManyInput[];
  rectifications: Prisma.RectificationOrderCreateManyInput[];
  baseEvents: Prisma.BaseEventCreateManyInput[];
  plans: Prisma.AnnualPlanCreateManyInput[];
  activities: Prisma.DemonstrationActivityCreateManyInput[];
  activityReviews: Prisma.ActivityReviewCreateManyInput[];
  progressReports: Prisma.ActivityProgressReportCreateManyInput[];
  needs: Prisma.NeedCreateManyInput[];
  needMenuItems: Prisma.NeedMenuItemCreateManyInput[];
  needEvents: Prisma.NeedEventCreateManyInput[];
  matches: Prisma.MatchCreateManyInput[];
  engagements: Prisma.EngagementCreateManyInput[];
  serviceRecords: Prisma.ServiceRecordCreateManyInput[];
  feedback: Prisma.FeedbackCreateManyInput[];
  challenges: Prisma.ChallengeCreateManyInput[];
  bids: Prisma.ChallengeBidCreateManyInput[];
  milestones: Prisma.ChallengeMilestoneCreateManyInput[];
  cases: Prisma.TypicalCaseCreateManyInput[];
  caseEvents: Prisma.CaseEventCreateManyInput[];
  announcements: Prisma.AnnouncementCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  planQuotas: Prisma.PlanChannelQuotaCreateManyInput[];
  activityTeam: Prisma.ActivityTeamMemberCreateManyInput[];
  activityEvents: Prisma.ActivityEventCreateManyInput[];
};

export function emptyRows(): DemoRows {
  return {
    organizations: [], users: [], roles: [], experts: [], achievements: [], availability: [], nominations: [],
    bases: [], baseReports: [], baseEvaluations: [], rectifications: [], baseEvents: [], plans: [], activities: [],
    activityReviews: [], progressReports: [], needs: [], needMenuItems: [], needEvents: [], matches: [],
    engagements: [], serviceRecords: [], feedback: [], challenges: [], bids: [], milestones: [], cases: [], caseEvents: [], announcements: [],
    notifications: [], planQuotas: [], activityTeam: [], activityEvents: [],
  };
}

export type DemoContext = {
  rng: Rng;
  regions: RegionIndex;
  passwordHash: string;
  /** ServiceMenuItem id by name (read from the database after reference data is seeded). */
  menuIds: Map<string, string>;
  programIds: Map<ProgramCode, string>;
  rows: DemoRows;
};

/** Stable ids: the same namespace and key always give the same id. */
export const ids = {
  org: (key: string) => stableId("org", key),
  user: (username: string) => stableId("user", username),
  role: (username: string, role: string) => stableId("role", `${username}:${role}`),
  expert: (n: number) => stableId("expert", n),
  of: (namespace: string, key: string | number) => stableId(namespace, key),
};

const DAY = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

/** A moment between two dates (both "YYYY-MM-DD" or Date), during office hours in China. */
export function between(rng: Rng, from: Date | string, to: Date | string): Date {
  const a = typeof from === "string" ? new Date(`${from}T00:00:00+08:00`) : from;
  const b = typeof to === "string" ? new Date(`${to}T00:00:00+08:00`) : to;
  const dayStart = Math.floor(a.getTime() / DAY) * DAY;
  const days = Math.max(0, Math.floor((b.getTime() - a.getTime()) / DAY));
  // 09:00–17:59 China time is 01:00–09:59 UTC.
  return new Date(dayStart + rng.int(0, days) * DAY + rng.int(1, 9) * 3_600_000 + rng.int(0, 59) * 60_000);
}

/** A calendar date for @db.Date columns (UTC midnight of the China-time day). */
export function dateOnly(date: Date | string): Date {
  const d = typeof date === "string" ? new Date(`${date}T00:00:00+08:00`) : date;
  const china = new Date(d.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()));
}

export function at(text: string): Date {
  return new Date(text.includes("T") ? text : `${text}T10:00:00+08:00`);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** GB 32100 统一社会信用代码 with a valid check character; fictional. */
export function creditCode(rng: Rng, prefix: string, regionCode: string): string {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = prefix + regionCode.padEnd(6, "0").slice(0, 6);
  while (body.length < 17) body += chars[rng.int(0, 30)];
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = body.split("").reduce((acc, ch, i) => acc + chars.indexOf(ch) * weights[i], 0);
  const check = (31 - (sum % 31)) % 31;
  return body + chars[check];
}
