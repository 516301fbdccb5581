import { createPrismaClient } from "@/lib/db";
import { checkConsistency, formatReport } from "@/lib/system/consistency";
const db = createPrismaClient("postgresql://postgres@127.0.0.1:5432/esp_backup_scratch", 1);
const t = Date.now();
const r = await checkConsistency(db);
console.log(formatReport(r, "scratch"), Date.now() - t);
await db.$disconnect();
