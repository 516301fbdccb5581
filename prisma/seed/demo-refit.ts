import type { Tx } from "@/lib/db";
import { loadOutcomes, proposeRefit } from "@/lib/match-settings/refit-service";
import { MIN_OUTCOMES } from "@/lib/match-settings/refit";

/**
 * A weights proposal fitted from the demo's answered invitations, so the settings page's 依据实际结果调整权重 shows
 * one to look at (not applied: the demo keeps the documented defaults). Nothing when there are too few outcomes.
 */
export async function seedDemoRefit(tx: Tx): Promise<void> {
  if ((await loadOutcomes(tx)).length < MIN_OUTCOMES) return;
  try {
    await proposeRefit(tx, null);
  } catch {
    // Too one-sided to fit (every outcome alike in one half): the page then simply shows none.
  }
}
