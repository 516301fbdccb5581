import { hash, verify } from "@node-rs/argon2";

// argon2id (the library default, algorithm 2) with OWASP's minimum memory cost.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** GB/T 22239 practice: at least 8 characters and 3 of 4 classes (upper, lower, digit, symbol). */
export function passwordProblem(plain: string): string | null {
  if (plain.length < 8) return "密码至少 8 位";
  if (plain.length > 128) return "密码不能超过 128 位";
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(plain)).length;
  if (classes < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少 3 类";
  return null;
}
