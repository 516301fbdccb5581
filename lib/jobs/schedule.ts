import { escalateOverdueRectifications } from "@/lib/bases/escalation";
import { chainAudit } from "@/lib/audit/chainer";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One recurring job: its queue name, when it runs (cron, China time) and what it does. */
export type RecurringJob = {
  name: string;
  cron: string;
  /** For the interval fallback: how often, in seconds. */
  everySeconds: number;
  run: (db: PrismaClient, now: Date) => Promise<unknown>;
};

// The platform's recurring jobs. Each must be safe to run on several instances at once (conditional updates), as
// the interval fallback runs it on every instance.
export const RECURRING_JOBS: RecurringJob[] = [
  // 限期整改 deadlines are days; every ten minutes is prompt enough and cheap (an indexed query on (state, deadline)).
  { name: "base-rectification-escalation", cron: "*/10 * * * *", everySeconds: 600, run: (db, now) => escalateOverdueRectifications(db, now) },
  // Audit rows the writers' own chaining missed (a process ended between commit and chaining, the lock was busy):
  // every minute, well inside the 5 minutes after which audit:verify reports a row left unchained.
  { name: "audit-chain", cron: "* * * * *", everySeconds: 60, run: (db) => chainAudit(db) },
];
