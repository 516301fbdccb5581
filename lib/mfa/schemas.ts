import { z } from "zod";

export const mfaBeginSchema = z.object({});

export const mfaConfirmSchema = z.object({
  code: z.string({ error: "请输入动态口令" }).trim().regex(/^\d{6}$/, "请输入验证器应用显示的 6 位数字"),
});
