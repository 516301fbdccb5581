"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { createDraftOp, publishOp, saveDraftOp } from "@/lib/questionnaires/operations";

export const createQuestionnaireDraftAction = defineAction(createDraftOp, REFRESH_VIEW);
export const saveQuestionnaireDraftAction = defineAction(saveDraftOp, REFRESH_VIEW);
export const publishQuestionnaireAction = defineAction(publishOp, REFRESH_VIEW);
