// `npm run keys:rotate`: re-seal personal data and second-factor secrets under DATA_ENCRYPTION_KEY (lib/privacy/rotate.ts).
// To rotate: set DATA_ENCRYPTION_KEY to the new key and DATA_ENCRYPTION_KEY_PREVIOUS to the old one on every instance,
// run this once, then drop DATA_ENCRYPTION_KEY_PREVIOUS. Also seals data written in plain text by earlier versions.
import { createPrismaClient } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { chainSettled } from "@/lib/audit/chainer";
import { currentDataKey } from "@/lib/crypto/data-key";
import { rotateDataKeys } from "@/lib/privacy/rotate";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：请指向要处理的数据库，例如 DATABASE_URL=postgresql://…/expert_platform npm run keys:rotate");
  const db = createPrismaClient(url, 2);
  try {
    const r = await rotateDataKeys(db);
    const summary = `个人信息已按当前密钥（${currentDataKey().id}）重新加密：专家 ${r.experts} 条，账号 ${r.users} 个，待导入文件 ${r.imports} 个`;
    await writeAudit(db, { operation: "keys.rotate", outcome: "SUCCESS", entityType: "DataKey", entityId: currentDataKey().id, summary, after: r });
    console.log(summary);
    await chainSettled(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
