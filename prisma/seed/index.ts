import type { Tx } from "@/lib/db";
import { computeAllMatchTerms } from "@/lib/matching/terms";
import { seedDemo } from "./demo";
import { type ReferenceSummary, seedReferenceData } from "./reference-data";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
export { seedReferenceData } from "./reference-data";

export type SeedSummary = {
  reference: ReferenceSummary;
  demoSkipped: boolean;
  counts: Record<string, number>;
};

/**
 * Reference data (always, idempotent) and, only when asked for (`demo`), the demo data set with its known password
 * (skipped when the `ministry` account exists). A production installation never gets demo accounts by accident.
 */
export async function seedAll(tx: Tx, options: { demo: boolean }): Promise<SeedSummary> {
  const reference = await seedReferenceData(tx);
  const demo = options.demo ? await seedDemo(tx) : { skipped: true };
  await computeAllMatchTerms(tx); // the matching engine's text index (lib/matching/terms.ts)
  return { reference, demoSkipped: demo.skipped, counts: await countRows(tx) };
}

export async function countRows(tx: Tx): Promise<Record<string, number>> {
  return {
    regions: await tx.region.count(),
    disciplines: await tx.discipline.count(),
    industries: await tx.industry.count(),
    menuItems: await tx.serviceMenuItem.count(),
    organizations: await tx.organization.count(),
    users: await tx.user.count(),
    experts: await tx.expertProfile.count(),
    needs: await tx.need.count(),
    matches: await tx.match.count(),
    engagements: await tx.engagement.count(),
    serviceRecords: await tx.serviceRecord.count(),
    activities: await tx.demonstrationActivity.count(),
    bases: await tx.serviceBase.count(),
    challenges: await tx.challenge.count(),
    cases: await tx.typicalCase.count(),
  };
}
