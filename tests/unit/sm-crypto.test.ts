import { describe, expect, it } from "vitest";
import { hmacSm3, sm3Hex, sm4Available, sm4EncryptBlock, sm4Open, sm4Seal } from "@/lib/crypto/sm";
import { auditRowHash, canonicalJson, GENESIS_HASH, type ChainedFields } from "@/lib/audit/chain";

describe("国密 primitives (Node's OpenSSL)", () => {
  it("SM3 matches the GB/T 32905 examples", () => {
    expect(sm3Hex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    expect(sm3Hex("abcd".repeat(16))).toBe("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  });

  it("SM4 matches the GB/T 32907 example (one block, and 1 000 000 rounds' first step)", () => {
    expect(sm4Available()).toBe(true);
    const key = Buffer.from("0123456789abcdeffedcba9876543210", "hex");
    expect(sm4EncryptBlock(key, key).toString("hex")).toBe("681edf34d206965e86b3e94f536e4246");
  });

  it("seals and opens with SM4-CTR + HMAC-SM3, and refuses a changed ciphertext or another key", () => {
    const enc = Buffer.alloc(16, 1);
    const mac = Buffer.alloc(32, 2);
    const sealed = sm4Seal(enc, mac, Buffer.from("13800138000"));
    expect(sm4Open(enc, mac, sealed).toString()).toBe("13800138000");
    expect(sm4Seal(enc, mac, Buffer.from("13800138000")).equals(sealed)).toBe(false); // random IV
    const changed = Buffer.from(sealed);
    changed[20] ^= 1;
    expect(() => sm4Open(enc, mac, changed)).toThrow("密文校验失败");
    expect(() => sm4Open(enc, Buffer.alloc(32, 3), sealed)).toThrow("密文校验失败");
    expect(hmacSm3(mac, "x").length).toBe(32);
  });
});

describe("audit row hash", () => {
  const row: ChainedFields = {
    seq: BigInt(1), createdAt: new Date("2026-12-05T00:00:00.000Z"), actorId: "u1", actorName: "张三", role: "MINISTRY_ADMIN",
    operation: "auth.login", entityType: null, entityId: null, outcome: "SUCCESS", summary: "登录成功", before: null,
    after: { b: 1, a: { d: [1, 2], c: "x" } }, ip: "10.0.0.1", userAgent: null,
  };

  it("does not depend on the key order jsonb stores", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: "x" } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
    expect(auditRowHash(GENESIS_HASH, row)).toBe(auditRowHash(GENESIS_HASH, { ...row, after: { a: { c: "x", d: [1, 2] }, b: 1 } }));
  });

  it("changes with any covered field and with the previous hash", () => {
    const h = auditRowHash(GENESIS_HASH, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRowHash("1".repeat(64), row)).not.toBe(h);
    expect(auditRowHash(GENESIS_HASH, { ...row, summary: "登录失败" })).not.toBe(h);
    expect(auditRowHash(GENESIS_HASH, { ...row, seq: BigInt(2) })).not.toBe(h);
    expect(auditRowHash(GENESIS_HASH, { ...row, createdAt: new Date("2026-12-05T00:00:00.001Z") })).not.toBe(h);
  });
});

describe("data key from the environment", () => {
  it("uses the development key only outside production, and refuses it (or no key) in production", async () => {
    const { dataKeysFrom } = await import("@/lib/crypto/data-key");
    const dev = dataKeysFrom({ NODE_ENV: "test" } as NodeJS.ProcessEnv).current;
    expect(dataKeysFrom({ NODE_ENV: "production", DEMO_MODE: "1" } as NodeJS.ProcessEnv).current.id).toBe(dev.id);
    expect(() => dataKeysFrom({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toThrow("DATA_ENCRYPTION_KEY 未设置");
    expect(() => dataKeysFrom({ NODE_ENV: "production", DATA_ENCRYPTION_KEY: "short" } as NodeJS.ProcessEnv)).toThrow("64 位十六进制");
    const real = dataKeysFrom({ NODE_ENV: "production", DATA_ENCRYPTION_KEY: "c".repeat(64) } as NodeJS.ProcessEnv).current;
    expect(real.id).not.toBe(dev.id);
    expect(real.enc).toHaveLength(16);
  });

  it("tells a production setup or start, whatever NODE_ENV and DEMO_MODE say, when the key is missing or unfit", async () => {
    const { productionDataKeyRefusal } = await import("@/lib/crypto/data-key");
    const { sm3Hex: hex } = await import("@/lib/crypto/sm");
    expect(productionDataKeyRefusal({ NODE_ENV: "development", DEMO_MODE: "1" } as NodeJS.ProcessEnv)).toContain("DATA_ENCRYPTION_KEY 未设置");
    expect(productionDataKeyRefusal({ DATA_ENCRYPTION_KEY: "xyz" } as unknown as NodeJS.ProcessEnv)).toContain("64 位十六进制");
    const devKey = hex("expert-service-platform 演示与测试专用数据密钥（不得用于生产）");
    expect(productionDataKeyRefusal({ DATA_ENCRYPTION_KEY: devKey } as unknown as NodeJS.ProcessEnv)).toContain("演示与测试专用");
    expect(productionDataKeyRefusal({ DATA_ENCRYPTION_KEY: "d".repeat(64) } as unknown as NodeJS.ProcessEnv)).toBeNull();
  });

  it("seals so that only the right key opens, and indexes equal values alike", async () => {
    const { dataKeysFrom, sealText, blindIndex } = await import("@/lib/crypto/data-key");
    const a = dataKeysFrom({ NODE_ENV: "test", DATA_ENCRYPTION_KEY: "a".repeat(64) } as NodeJS.ProcessEnv).current;
    const b = dataKeysFrom({ NODE_ENV: "test", DATA_ENCRYPTION_KEY: "b".repeat(64) } as NodeJS.ProcessEnv).current;
    const sealed = sealText("13800138000", a);
    expect(sealed).toMatch(new RegExp(`^sm4:${a.id}:`));
    expect(sm4Open(a.enc, a.mac, Buffer.from(sealed.slice(13), "base64")).toString()).toBe("13800138000");
    expect(() => sm4Open(b.enc, b.mac, Buffer.from(sealed.slice(13), "base64"))).toThrow();
    expect(blindIndex("x", a)).toBe(blindIndex("x", a));
    expect(blindIndex("x", a)).not.toBe(blindIndex("x", b));
  });
});
