import { hmacSm3, sm3Hex, sm4Open, sm4Seal } from "@/lib/crypto/sm";

// The key that protects personal data and second-factor secrets at rest (GB/T 22239 8.1.4.8: 重要数据存储保密性).
//   DATA_ENCRYPTION_KEY           current master key (64 hex characters, e.g. `openssl rand -hex 32`); required in
//                                 production.
//   DATA_ENCRYPTION_KEY_PREVIOUS  the key before a rotation, still accepted for reading until `npm run keys:rotate`
//                                 has re-sealed everything under the current one.
// Demo and test runs (DEMO_MODE=1, or NODE_ENV other than production) without a key use a fixed development key
// derived from a public string: fine for demo data, and refused in production (as is that same key given explicitly).
// Three subkeys come from the master key by HMAC-SM3: SM4 encryption, the ciphertext's MAC, the blind index.

const DEV_MASTER = Buffer.from(sm3Hex("expert-service-platform 演示与测试专用数据密钥（不得用于生产）"), "hex");

export type DataKey = { id: string; enc: Buffer; mac: Buffer; index: Buffer };

function derive(master: Buffer): DataKey {
  return {
    id: sm3Hex(master).slice(0, 8),
    enc: hmacSm3(master, "sm4-enc").subarray(0, 16),
    mac: hmacSm3(master, "sm4-mac"),
    index: hmacSm3(master, "blind-index"),
  };
}

/** Production: NODE_ENV=production and not a demo start. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && env.DEMO_MODE !== "1";
}

function parseMaster(value: string, name: string): Buffer {
  const v = value.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(v)) throw new Error(`${name} 须为 64 位十六进制（32 字节），例如 openssl rand -hex 32 的输出`);
  return Buffer.from(v, "hex");
}

export function dataKeysFrom(env: NodeJS.ProcessEnv): { current: DataKey; previous: DataKey | null } {
  const given = env.DATA_ENCRYPTION_KEY;
  let master: Buffer;
  if (given) master = parseMaster(given, "DATA_ENCRYPTION_KEY");
  else if (isProduction(env)) throw new Error("DATA_ENCRYPTION_KEY 未设置：生产环境必须配置个人信息加密密钥（64 位十六进制，openssl rand -hex 32）");
  else master = DEV_MASTER;
  if (isProduction(env) && master.equals(DEV_MASTER)) throw new Error("生产环境不得使用演示与测试专用的数据密钥");
  const previous = env.DATA_ENCRYPTION_KEY_PREVIOUS ? derive(parseMaster(env.DATA_ENCRYPTION_KEY_PREVIOUS, "DATA_ENCRYPTION_KEY_PREVIOUS")) : null;
  return { current: derive(master), previous };
}

/**
 * Why a production start or setup must not go on with the environment's data key, or null: checked up front, since
 * data sealed under the development key could not be read once the real key is set.
 */
export function productionDataKeyRefusal(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    dataKeysFrom({ ...env, NODE_ENV: "production", DEMO_MODE: undefined });
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

let cached: { current: DataKey; previous: DataKey | null } | undefined;
const keys = () => (cached ??= dataKeysFrom(process.env));

/** For tests and the rotation command: forget the keys read from the environment. */
export function resetDataKeys() {
  cached = undefined;
}

const PREFIX = "sm4:";

/** Whether a stored value is one of our ciphertexts (`sm4:<key id>:<base64>`), not legacy plaintext. */
export const isSealed = (value: string) => value.startsWith(PREFIX);

export function sealText(plain: string, key: DataKey = keys().current): string {
  return `${PREFIX}${key.id}:${sm4Seal(key.enc, key.mac, Buffer.from(plain, "utf8")).toString("base64")}`;
}

/** The key id a sealed value was made with (for rotation: which rows still need re-sealing). */
export function sealedKeyId(value: string): string | null {
  return isSealed(value) ? value.slice(PREFIX.length, PREFIX.length + 8) : null;
}

export function openText(sealed: string): string {
  if (!isSealed(sealed)) throw new Error("不是加密数据");
  const { current, previous } = keys();
  const id = sealedKeyId(sealed);
  const key = id === current.id ? current : id === previous?.id ? previous : null;
  if (!key) throw new Error(`数据由未知密钥（${id}）加密：请配置 DATA_ENCRYPTION_KEY / DATA_ENCRYPTION_KEY_PREVIOUS`);
  return sm4Open(key.enc, key.mac, Buffer.from(sealed.slice(PREFIX.length + 9), "base64")).toString("utf8");
}

/** HMAC-SM3 blind index: equal inputs give equal digests under one key, so exact-match search needs no plaintext. */
export function blindIndex(value: string, key: DataKey = keys().current): string {
  return hmacSm3(key.index, value).toString("hex");
}

export function currentDataKey(): DataKey {
  return keys().current;
}
