import type { Tx } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";

// A production start refuses to serve while any account still signs in with the README's demo password. The demo
// seed hashes that password once and gives every demo account the same hash, and argon2 salts every real hash, so
// the suspects are the hashes shared by several accounts and the demo accounts' own: each distinct hash is
// verified once (a handful of argon2 checks, not one per account).

export async function accountsWithDemoPassword(tx: Tx): Promise<string[]> {
  const shared = await tx.$queryRaw<{ passwordHash: string }[]>`
    SELECT "passwordHash" FROM "User" GROUP BY "passwordHash" HAVING count(*) > 1`;
  const named = await tx.user.findMany({
    where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) } },
    select: { passwordHash: true },
  });
  const hashes = [...new Set([...shared, ...named].map((r) => r.passwordHash))];
  const demo: string[] = [];
  for (const hash of hashes) if (await verifyPassword(hash, DEMO_PASSWORD)) demo.push(hash);
  if (demo.length === 0) return [];
  const users = await tx.user.findMany({
    where: { passwordHash: { in: demo }, status: { not: "DISABLED" } },
    select: { username: true },
    orderBy: { username: "asc" },
  });
  return users.map((u) => u.username);
}

/** The refusal a production start prints (Chinese), or null when no account keeps the demo password. */
export function demoPasswordRefusal(usernames: readonly string[]): string | null {
  if (usernames.length === 0) return null;
  const shown = usernames.slice(0, 5).join("、") + (usernames.length > 5 ? ` 等 ${usernames.length} 个账号` : "");
  return `拒绝以生产模式启动：${shown}仍在使用演示密码。请修改或停用这些账号（或清除演示数据）后再启动；仅作演示请使用 npm run demo。`;
}
