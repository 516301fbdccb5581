"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { addProposalOp, generateProposalOp, removeProposalOp, sendProposalOp } from "@/lib/batch/operations";

export const generateProposalAction = defineAction(generateProposalOp, REFRESH_VIEW);
export const removeProposalAction = defineAction(removeProposalOp, REFRESH_VIEW);
export const addProposalAction = defineAction(addProposalOp, REFRESH_VIEW);
export const sendProposalAction = defineAction(sendProposalOp, REFRESH_VIEW);
