"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import {
  applyNeedOp, assignExpertOp, decideApplicationOp, inviteExpertOp, respondMatchOp, withdrawMatchOp,
} from "@/lib/matches/operations";

export const inviteExpertAction = defineAction(inviteExpertOp, REFRESH_VIEW);
export const assignExpertAction = defineAction(assignExpertOp, REFRESH_VIEW);
export const withdrawMatchAction = defineAction(withdrawMatchOp, REFRESH_VIEW);
export const respondMatchAction = defineAction(respondMatchOp, REFRESH_VIEW);
export const decideApplicationAction = defineAction(decideApplicationOp, REFRESH_VIEW);
export const applyNeedAction = defineAction(applyNeedOp, REFRESH_VIEW);
