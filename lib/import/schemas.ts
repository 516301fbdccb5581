import { z } from "zod";
import { MAX_FILE_BYTES } from "@/lib/import/read";

export const importKindSchema = z.enum(["EXPERTS", "NEEDS"], { error: "请选择导入类型" });

export const uploadSchema = z.object({
  fileName: z.string({ error: "请选择文件" }).trim().min(1, "请选择文件").max(255, "文件名过长"),
  bytes: z
    .instanceof(Uint8Array, { message: "请选择文件" })
    .refine((b) => b.byteLength > 0, "文件是空的")
    .refine((b) => b.byteLength <= MAX_FILE_BYTES, "文件不能超过 20 MB"),
});

export const jobIdSchema = z.object({ jobId: z.string({ error: "缺少导入任务" }).min(1, "缺少导入任务").max(40) });

export const jobPageSchema = z.object({ page: z.coerce.number().int().min(1).max(100000).catch(1) });
