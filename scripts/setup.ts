// `npm run setup`: prepares a production installation on DATABASE_URL — applies the migrations, loads the reference
// data (regions, disciplines, industries, the service menu, programs) and creates the first ministry administrator
// with a one-time password, printed once, to be changed at the first sign-in. No demo accounts. Safe to run again.
import { createPrismaClient } from "@/lib/db";
import { createFirstAdministrator, FIRST_ADMIN_USERNAME } from "@/lib/system/first-admin";
import { seedReferenceData } from "@/prisma/seed/reference-data";
import { productionDataKeyRefusal } from "@/lib/crypto/data-key";
import { rotateDataKeys } from "@/lib/privacy/rotate";
import { assertReachable, migrate } from "./database";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：npm run setup 用于生产数据库，例如 DATABASE_URL=postgresql://…/expert_platform npm run setup（本地演示请用 npm run demo）");
  // A production installation seals personal data under its own key from the start.
  const keyRefusal = process.env.DEMO_MODE === "1" ? null : productionDataKeyRefusal();
  if (keyRefusal) throw new Error(keyRefusal);
  await assertReachable(url);
  await migrate(url);
  const prisma = createPrismaClient(url, 1);
  try {
    await seedReferenceData(prisma);
    const password = await prisma.$transaction((tx) => createFirstAdministrator(tx));
    // Personal data left in plain text by an earlier version is sealed now (needs DATA_ENCRYPTION_KEY in production).
    const sealed = await rotateDataKeys(prisma);
    if (sealed.experts + sealed.users + sealed.imports) console.log(`已加密存量个人信息：专家 ${sealed.experts} 条，账号 ${sealed.users} 个`);
    console.log("数据库迁移与基础数据已就绪");
    if (password) {
      console.log(`首个部级管理员账号：${FIRST_ADMIN_USERNAME}　一次性密码：${password}`);
      console.log("该密码只显示这一次；首次登录须修改密码。");
    } else {
      console.log("已存在部级管理员账号，未新建。");
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
