import { createPrismaClient } from "@/lib/db";
import { seedReferenceData } from "@/prisma/seed/index";

/** Once per run: load regions, codes, the service menu and programs into the fresh test database. */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("集成测试需要 DATABASE_URL：请用 npm test 运行");
  const prisma = createPrismaClient(url, 2);
  try {
    await seedReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
