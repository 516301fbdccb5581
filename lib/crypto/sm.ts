import { createCipheriv, createDecipheriv, createHash, createHmac, getCiphers, randomBytes, timingSafeEqual } from "node:crypto";

// 国密 primitives from Node's own OpenSSL (Node 20 ships SM3 and SM4-ECB/CBC/CTR; there is no SM4-GCM in this
// build, so authenticated encryption is SM4-CTR then HMAC-SM3 over the IV and ciphertext, encrypt-then-MAC).

export function sm3Hex(data: string | Buffer): string {
  return createHash("sm3").update(data).digest("hex");
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac("sm3", key).update(data).digest();
}

/** True when this Node's OpenSSL offers the SM4 modes used here (checked by the unit test and the start). */
export function sm4Available(): boolean {
  const ciphers = getCiphers();
  return ciphers.includes("sm4-ctr") && ciphers.includes("sm4-ecb");
}

/** One SM4 block (ECB, no padding): only for the GB/T 32907 test vector. */
export function sm4EncryptBlock(key: Buffer, block: Buffer): Buffer {
  const c = createCipheriv("sm4-ecb", key, null);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(block), c.final()]);
}

/** SM4-CTR + HMAC-SM3 with two 16-byte keys: iv(16) ‖ ciphertext ‖ tag(32). */
export function sm4Seal(encKey: Buffer, macKey: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(16);
  const c = createCipheriv("sm4-ctr", encKey, iv);
  const body = Buffer.concat([iv, c.update(plaintext), c.final()]);
  return Buffer.concat([body, hmacSm3(macKey, body)]);
}

export function sm4Open(encKey: Buffer, macKey: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < 16 + 32) throw new Error("密文长度不正确");
  const body = sealed.subarray(0, sealed.length - 32);
  const tag = sealed.subarray(sealed.length - 32);
  if (!timingSafeEqual(tag, hmacSm3(macKey, body))) throw new Error("密文校验失败（密钥不符或数据被篡改）");
  const d = createDecipheriv("sm4-ctr", encKey, body.subarray(0, 16));
  return Buffer.concat([d.update(body.subarray(16)), d.final()]);
}
