import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const userSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["ACTIVE", "PENDING", "DISABLED", "LOCKED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type UserSearch = z.infer<typeof userSearchSchema>;

export const userIdSchema = z.object({ userId: z.string({ error: "缺少账号" }).min(1, "缺少账号").max(40) });

export const setUserStatusSchema = userIdSchema.extend({
  status: z.enum(["ACTIVE", "DISABLED"], { error: "状态只能是启用或停用" }),
});
