"use server";
import { defineAction, REFRESH_VIEW } from "@/lib/actions/pipeline";
import { issueCertificateOp, revokeCertificateOp } from "@/lib/certificates/operations";

export const issueCertificateAction = defineAction(issueCertificateOp, REFRESH_VIEW);
export const revokeCertificateAction = defineAction(revokeCertificateOp, REFRESH_VIEW);
