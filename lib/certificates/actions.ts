"use server";
import { defineAction } from "@/lib/actions/pipeline";
import { issueCertificateOp, revokeCertificateOp } from "@/lib/certificates/operations";

const everywhere = { revalidate: { path: "/", type: "layout" as const } };

export const issueCertificateAction = defineAction(issueCertificateOp, everywhere);
export const revokeCertificateAction = defineAction(revokeCertificateOp, everywhere);
