import type { Tx } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { setPassword } from "@/lib/auth/password-policy";
import { invalidInput, notFound } from "@/lib/errors";

/**
 * Replace a user's password after checking the current one, under the password policy (lib/auth/password-policy.ts).
 * Ends every session of the user, this one included (the session version moves on).
 */
export async function changePassword(tx: Tx, userId: string, currentPassword: string, newPassword: string, now = new Date()) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, passwordHash: true, passwordHistory: true },
  });
  if (!user) throw notFound("用户");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalidInput({ currentPassword: ["当前密码不正确"] });
  }
  await setPassword(tx, user, newPassword, { field: "newPassword", mustChange: false, checkHistory: true, now });
}
