import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin } from "@/lib/auth/login";
import { accountsWithDemoPassword, demoPasswordRefusal } from "@/lib/auth/demo-passwords";
import { hashPassword } from "@/lib/auth/password";
import { createAdministrator, createFirstAdministrator, oneTimePassword } from "@/lib/system/first-admin";
import { createUser } from "@/prisma/seed/factories";
import { meta } from "./helpers";

// A production start refuses demo passwords; `npm run setup` creates the first administrator with a one-time password.
describe("demo passwords on a production installation", () => {
  it("finds accounts that keep the demo password, and only those", async () => {
    const demoA = await createUser(db, { role: "UNIT_USER" }); // factories use the demo password, hashed once
    const demoB = await createUser(db, { role: "EXPERT" });
    const own = await createUser(db, { role: "UNIT_USER", password: "Own#Secret2026" });
    const found = await accountsWithDemoPassword(db);
    expect(found).toEqual(expect.arrayContaining([demoA.username, demoB.username]));
    expect(found).not.toContain(own.username);
  });

  it("ignores disabled demo accounts and a hash shared by accounts whose password is not the demo one", async () => {
    const sharedHash = await hashPassword("Shared#Pass2026");
    const a = await createUser(db, { role: "UNIT_USER", passwordHash: sharedHash });
    const b = await createUser(db, { role: "UNIT_USER", passwordHash: sharedHash });
    const off = await createUser(db, { role: "UNIT_USER" });
    await db.user.update({ where: { id: off.id }, data: { status: "DISABLED" } });
    const found = await accountsWithDemoPassword(db);
    expect(found).not.toContain(a.username);
    expect(found).not.toContain(b.username);
    expect(found).not.toContain(off.username);
  });

  it("words the refusal in Chinese, naming at most five accounts", () => {
    expect(demoPasswordRefusal([])).toBeNull();
    const msg = demoPasswordRefusal(["a", "b", "c", "d", "e", "f", "g"]);
    expect(msg).toContain("a、b、c、d、e 等 7 个账号仍在使用演示密码");
    expect(msg).toContain("npm run demo");
  });
});

describe("the first administrator", () => {
  it("must change its one-time password, and setup never creates a second one", async () => {
    const username = `admin-${Date.now().toString(36)}`;
    const password = oneTimePassword();
    await db.$transaction((tx) => createAdministrator(tx, username, password));
    const admin = await db.user.findUniqueOrThrow({ where: { username }, include: { roles: true } });
    expect(admin.mustChangePassword).toBe(true);
    expect(admin.roles.map((r) => r.role)).toEqual(["MINISTRY_ADMIN"]);
    expect(await attemptLogin(db, { username, password }, meta)).toMatchObject({ ok: true });
    expect(await accountsWithDemoPassword(db)).not.toContain(username);
    // A ministry administrator exists now: running setup again creates nobody.
    const before = await db.user.count();
    expect(await db.$transaction((tx) => createFirstAdministrator(tx))).toBeNull();
    expect(await db.user.count()).toBe(before);
  });

  it("gets a password that meets the complexity rule and differs every time", () => {
    const seen = new Set(Array.from({ length: 20 }, () => oneTimePassword()));
    expect(seen.size).toBe(20);
  });
});
