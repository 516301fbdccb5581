import { db } from "@/lib/db";
import { sweepInvitations } from "@/lib/matches/sweep";
import { refreshAllMatchTerms } from "@/lib/matching/terms";
import { purgeAbandonedImports } from "@/lib/import/service";
import { purgeCaptchas } from "@/lib/security/captcha";
import { purgeRateLimits } from "@/lib/security/rate-limit";
import { chainAudit } from "@/lib/audit/chainer";

/**
 * The periodic work of every instance (instrumentation.ts) and of POST /api/cron/sweep: invitation deadlines,
 * then the match terms of experts whose texts changed outside the profile forms (imports, direct edits). Both are
 * safe to run on several instances at once (conditional updates; locked rows are skipped).
 */
export async function runSweeps(now = new Date()) {
  const invitations = await sweepInvitations(db, now);
  const matchTerms = await refreshAllMatchTerms(db);
  const abandonedImports = await purgeAbandonedImports(db, now);
  // Counters whose window ended a day ago and spent captchas: plain deletes, harmless on several instances.
  const rateLimitsPurged = await purgeRateLimits(db, now);
  const captchasPurged = await purgeCaptchas(db, now);
  // Last, so the audit rows the steps above wrote are chained too (also where JOBS_MODE=off runs no job).
  const auditChained = (await chainAudit(db)).chained;
  return { ...invitations, matchTerms, abandonedImports, rateLimitsPurged, captchasPurged, auditChained };
}
