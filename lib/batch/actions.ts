"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { addProposalOp, generateProposalOp, removeProposalOp, sendProposalOp } from "@/lib/batch/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const generateProposalAction = defineAction(generateProposalOp, everywhere);
export const removeProposalAction = defineAction(removeProposalOp, everywhere);
export const addProposalAction = defineAction(addProposalOp, everywhere);
export const sendProposalAction = defineAction(sendProposalOp, everywhere);
