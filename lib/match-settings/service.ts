import { isUniqueViolation, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { DEFAULT_INVITE_WORKING_DAYS } from "@/lib/match-settings/schemas";
import { DEFAULT_WEIGHTS, SCORE_PARTS, weightsOver, type ScorePart, type Weights } from "@/lib/matching/weights";

// One settings row ("default"), created on the first save. Saves are version-checked, so of two ministry users
// saving at once exactly one wins and the other is asked to reload.

export const SETTINGS_ID = "default";

export type MatchingSettingsValues = { weights: Weights; inviteWorkingDays: number };

export const DEFAULT_SETTINGS: MatchingSettingsValues = { weights: { ...DEFAULT_WEIGHTS }, inviteWorkingDays: DEFAULT_INVITE_WORKING_DAYS };

export async function readSettings(tx: Tx) {
  const row = await tx.matchingSettings.findUnique({
    where: { id: SETTINGS_ID },
    select: { weights: true, inviteWorkingDays: true, version: true, updatedAt: true, updatedById: true },
  });
  return {
    weights: weightsOver(row?.weights),
    inviteWorkingDays: row?.inviteWorkingDays ?? DEFAULT_INVITE_WORKING_DAYS,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedById: row?.updatedById ?? null,
  };
}

/** Save new values if `version` is still current; returns the values before and after. */
export async function saveSettings(tx: Tx, input: MatchingSettingsValues & { version: number; actorId: string }) {
  const before = await readSettings(tx);
  const weights = Object.fromEntries(SCORE_PARTS.map((p) => [p, input.weights[p]])) as Weights;
  const stale = conflict("匹配设置已被他人修改，请刷新页面后重新填写");
  const exists = await tx.matchingSettings.count({ where: { id: SETTINGS_ID } });
  if (!exists) {
    if (input.version !== 0) throw stale;
    try {
      await tx.matchingSettings.create({
        data: { id: SETTINGS_ID, weights, inviteWorkingDays: input.inviteWorkingDays, updatedById: input.actorId, version: 1 },
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw stale;
      throw err;
    }
  } else {
    const updated = await tx.matchingSettings.updateMany({
      where: { id: SETTINGS_ID, version: input.version },
      data: { weights, inviteWorkingDays: input.inviteWorkingDays, updatedById: input.actorId, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw stale;
  }
  return {
    before: { weights: before.weights, inviteWorkingDays: before.inviteWorkingDays },
    after: { weights, inviteWorkingDays: input.inviteWorkingDays },
    version: input.version + 1,
  };
}

/** Which parts changed, for the audit summary ("学科吻合 25→30"). */
export function changedParts(before: Weights, after: Weights): ScorePart[] {
  return SCORE_PARTS.filter((p) => before[p] !== after[p]);
}
