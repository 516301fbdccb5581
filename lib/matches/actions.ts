"use server";
import { defineAction } from "@/lib/actions/pipeline";
import {
  applyNeedOp, assignExpertOp, decideApplicationOp, inviteExpertOp, respondMatchOp, withdrawMatchOp,
} from "@/lib/matches/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const inviteExpertAction = defineAction(inviteExpertOp, everywhere);
export const assignExpertAction = defineAction(assignExpertOp, everywhere);
export const withdrawMatchAction = defineAction(withdrawMatchOp, everywhere);
export const respondMatchAction = defineAction(respondMatchOp, everywhere);
export const decideApplicationAction = defineAction(decideApplicationOp, everywhere);
export const applyNeedAction = defineAction(applyNeedOp, everywhere);
