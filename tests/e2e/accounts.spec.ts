import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectLoggedInAt, login, loginError } from "./support";

/**
 * Lock an account as failures from many addresses would (one browser cannot: its own address is paused and asked for
 * a captcha long before, lib/auth/login.ts).
 */
async function lockAccount(username: string): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE "User" SET "failedLoginCount" = 20, "lockedUntil" = now() + interval '1 hour' WHERE "username" = $1`, [username]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

test("the ministry unlocks a locked account, which can then sign in", async ({ page }) => {
  test.skip(!(await lockAccount("unit-5")), "需要 DATABASE_URL 指向演示数据库（npm test 会设置）");
  // The lock is told only to someone who gives the right password.
  await login(page, "unit-5", "Wrong@1y");
  await expect(loginError(page)).toHaveText("账号或密码错误");
  await login(page, "unit-5");
  await expect(loginError(page)).toContainText("账号已锁定");

  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.getByRole("link", { name: "账号管理" }).click();
  await page.getByLabel("关键词").fill("unit-5");
  await page.getByLabel("状态").selectOption("LOCKED");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("status")).toHaveText("共 1 个账号");
  await page.getByRole("button", { name: "解锁 unit-5" }).click();
  await expect(page.getByRole("status")).toHaveText("共 0 个账号");

  await page.context().clearCookies();
  await login(page, "unit-5");
  await expect(page).toHaveURL(/\/unit$/);
});

test("a province disables an account of its own province after confirming", async ({ page }) => {
  // unit-12 is a Sichuan unit account no other spec signs in with.
  await login(page, "sichuan");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto("/province/users?q=unit-12");
  await page.getByRole("button", { name: "停用 unit-12" }).click();
  await page.getByRole("button", { name: "确认停用 unit-12" }).click();
  await expect(page.getByRole("button", { name: "启用 unit-12" })).toBeVisible();

  await page.context().clearCookies();
  await login(page, "unit-12");
  await expect(loginError(page)).toHaveText("账号已停用，请联系管理员");
});

test("a province cannot open the ministry's account management", async ({ page }) => {
  await login(page, "zhejiang");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto("/ministry/users");
  await expect(page).toHaveURL(/\/forbidden$/);
});
