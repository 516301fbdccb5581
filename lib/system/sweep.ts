import { db } from "@/lib/db";
import { sweepInvitations } from "@/lib/matches/sweep";
import { refreshAllMatchTerms } from "@/lib/matching/terms";
import { purgeAbandonedImports } from "@/lib/import/service";

/**
 * The periodic work of every instance (instrumentation.ts) and of POST /api/cron/sweep: invitation deadlines,
 * then the match terms of experts whose texts changed outside the profile forms (imports, direct edits). Both are
 * safe to run on several instances at once (conditional updates; locked rows are skipped).
 */
export async function runSweeps(now = new Date()) {
  const invitations = await sweepInvitations(db, now);
  const matchTerms = await refreshAllMatchTerms(db);
  const abandonedImports = await purgeAbandonedImports(db, now);
  return { ...invitations, matchTerms, abandonedImports };
}
