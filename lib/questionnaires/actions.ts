"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { createDraftOp, publishOp, saveDraftOp } from "@/lib/questionnaires/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const createQuestionnaireDraftAction = defineAction(createDraftOp, everywhere);
export const saveQuestionnaireDraftAction = defineAction(saveDraftOp, everywhere);
export const publishQuestionnaireAction = defineAction(publishOp, everywhere);
