import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, expectAccessible, login } from "./support";

// An account with a one-time password (created by an administrator, or reset) must change it before anything else:
// every page leads to the change-password page until it is done. unit-9 is used by no other journey.
const ACCOUNT = "unit-9";

async function requirePasswordChange(username: string): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE "User" SET "mustChangePassword" = true WHERE "username" = $1`, [username]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

test("a new account is held on the change-password page until it changes the password", async ({ page }) => {
  test.skip(!(await requirePasswordChange(ACCOUNT)), "需要 DATABASE_URL 指向演示数据库（npm test 会设置）");
  await login(page, ACCOUNT);
  await expect(page).toHaveURL(/\/account\/password\?reason=must-change$/);
  await expect(page.getByRole("status").filter({ hasText: "须先修改密码" })).toBeVisible();
  await expectAccessible(page);

  // Any other page, the console's included, leads back here.
  for (const path of ["/unit", "/needs", "/notifications"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/account\/password\?reason=must-change$/);
  }

  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByLabel("新密码", { exact: true }).fill("Changed#2026");
  await page.getByLabel("确认新密码").fill("Changed#2026");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/login\?.*reason=password-changed/);
  await login(page, ACCOUNT, "Changed#2026");
  await expect(page).toHaveURL(/\/unit$/);
  await page.goto("/needs");
  await expect(page).toHaveURL(/\/needs$/);
});
