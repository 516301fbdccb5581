import type { LibraryStatus, NominationState } from "@/lib/generated/prisma/enums";

// Legal transitions of the 重点联系专家库, as data. Services change state only with conditional updates
// (`where: { id, state: from }`), so two people acting at once cannot both succeed.

export const NOMINATION_TRANSITIONS: Record<NominationState, readonly NominationState[]> = {
  NOMINATED: ["ADMITTED", "DECLINED", "WITHDRAWN"],
  ADMITTED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

/** The expert's libraryStatus moves: nominate, admit, decline, withdraw (back to what it was), exit. */
export const LIBRARY_TRANSITIONS: Record<LibraryStatus, readonly LibraryStatus[]> = {
  NONE: ["NOMINATED"],
  DECLINED: ["NOMINATED"],
  LEFT: ["NOMINATED"],
  NOMINATED: ["IN_LIBRARY", "DECLINED", "NONE", "LEFT"],
  IN_LIBRARY: ["LEFT"],
};

export function canMoveNomination(from: NominationState, to: NominationState): boolean {
  return NOMINATION_TRANSITIONS[from].includes(to);
}

/**
 * Where a withdrawn nomination leaves the expert: back where the previous decision left them — admitted earlier
 * (and since left) → LEFT, declined earlier → DECLINED, never decided → NONE.
 */
export function statusAfterWithdrawal(lastDecision: NominationState | null): LibraryStatus {
  if (lastDecision === "ADMITTED") return "LEFT";
  if (lastDecision === "DECLINED") return "DECLINED";
  return "NONE";
}
