import { readFileSync } from "node:fs";
import path from "node:path";
import type { Tx } from "@/lib/db";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { invalidInput } from "@/lib/errors";

/** GB/T 22239 身份鉴别: a new password may reuse none of the account's last PASSWORD_HISTORY passwords. */
export const PASSWORD_HISTORY = 5;

let common: Set<string> | undefined;

/** The shipped list of common passwords (lib/auth/common-passwords.txt), read once. */
export function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n").map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith("#")),
  );
  return common;
}

/**
 * Everything wrong with a new password that can be told without the database: length and character classes, the
 * account name inside it (either way round in case), and the common-password list.
 */
export function newPasswordProblem(plain: string, username: string): string | null {
  const basic = passwordProblem(plain);
  if (basic) return basic;
  const lower = plain.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return "密码不能包含账号名";
  if (commonPasswords().has(lower)) return "该密码过于常见，容易被猜中，请换一个";
  return null;
}

/**
 * Set a new password: the rules above plus no reuse of the current or the last PASSWORD_HISTORY passwords. The old
 * hash joins the history, and the session version moves on, so every existing session of the account ends.
 * `mustChange` marks a password set by an administrator (a one-time password the holder must replace).
 */
export async function setPassword(
  tx: Tx,
  user: { id: string; username: string; passwordHash: string; passwordHistory: string[] },
  plain: string,
  options: { field: string; mustChange: boolean; checkHistory: boolean; now?: Date },
): Promise<void> {
  const problem = newPasswordProblem(plain, user.username);
  if (problem) throw invalidInput({ [options.field]: [problem] });
  if (options.checkHistory) {
    for (const old of [user.passwordHash, ...user.passwordHistory.slice(0, PASSWORD_HISTORY - 1)]) {
      if (await verifyPassword(old, plain)) throw invalidInput({ [options.field]: [`新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`] });
    }
  }
  await tx.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(plain),
      // The current password plus these make the last PASSWORD_HISTORY.
      passwordHistory: [user.passwordHash, ...user.passwordHistory].slice(0, PASSWORD_HISTORY - 1),
      passwordChangedAt: options.now ?? new Date(),
      mustChangePassword: options.mustChange,
      sessionVersion: { increment: 1 },
    },
  });
}
