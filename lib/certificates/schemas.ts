import { z } from "zod";
import { CODE_PATTERN, normalizeCode } from "@/lib/certificates/code";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 年-月-日");
const optionalDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDate.optional());

/** What the expert asks a certificate for: the confirmed service in a period (all of it when no dates are given). */
export const issueCertificateSchema = z
  .object({ from: optionalDate, to: optionalDate })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "结束日期不能早于开始日期" });
  });
export type IssueCertificateInput = z.infer<typeof issueCertificateSchema>;

export const revokeCertificateSchema = z.object({
  certificateId: z.string().min(1, "缺少服务证明"),
  version: z.coerce.number().int().min(0),
  reason: z.string().trim().min(5, "撤销时请写明原因（至少 5 个字）").max(500, "原因不超过 500 字"),
});

export const verificationCodeSchema = z
  .string()
  .transform(normalizeCode)
  .pipe(z.string().regex(CODE_PATTERN, "验证码格式不正确，应形如 FW-2026-7K3MA-9QXPD"));

export const verifySearchSchema = z.object({
  code: z.string().max(40).optional().catch(undefined),
  d: z.string().max(24).optional().catch(undefined),
});

export const certificateSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  state: z.enum(["VALID", "REVOKED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type CertificateSearch = z.infer<typeof certificateSearchSchema>;
