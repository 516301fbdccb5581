import type { Tx } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { invalidInput, notFound } from "@/lib/errors";

/** Replace a user's password after checking the current one. Ends the user's other sessions (see lookupSession). */
export async function changePassword(tx: Tx, userId: string, currentPassword: string, newPassword: string, now = new Date()) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw notFound("用户");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalidInput({ currentPassword: ["当前密码不正确"] });
  }
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), passwordChangedAt: now, mustChangePassword: false },
  });
}
