import { expect, test } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { IDLE_TIMEOUT_MS } from "../../lib/auth/session-policy";
import { DEMO_PASSWORD, expectLoggedInAt, login, loginError } from "./support";

test("an idle session expires with a clear message", async ({ page, context, baseURL }) => {
  await login(page, "unit");
  await expectLoggedInAt(page, "/unit", /基层单位工作台/);
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie).toBeDefined();

  // Re-sign the same session as if its last activity was 31 minutes ago.
  const secret = process.env.NEXTAUTH_SECRET!;
  const token = await decode({ token: cookie!.value, secret });
  const stale = Date.now() - IDLE_TIMEOUT_MS - 60_000;
  const value = await encode({ token: { ...token, lastSeen: stale }, secret });
  await context.addCookies([{ name: "next-auth.session-token", value, url: baseURL! }]);

  await page.goto("/unit");
  await expect(page).toHaveURL(/\/login\?.*reason=expired/);
  await expect(page.getByRole("status")).toHaveText("登录已超时，请重新登录");

  // The attempt is recorded.
  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.goto("/ministry/audit?operation=auth.session");
  await expect(page.getByRole("cell", { name: /会话已失效（会话超时），访问 \/unit/ }).first()).toBeVisible();
});

test("a user changes the password, is signed out, and signs in with the new one", async ({ page }) => {
  await login(page, "unit-7");
  await expect(page).toHaveURL(/\/unit$/);
  await page.goto("/account/password");
  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByLabel("新密码", { exact: true }).fill("weakpass");
  await page.getByLabel("确认新密码").fill("weakpass");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("密码须包含大写字母、小写字母、数字、符号中的至少 3 类").first()).toBeVisible();

  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByLabel("新密码", { exact: true }).fill("Fresh#2026");
  await page.getByLabel("确认新密码").fill("Fresh#2026");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/login\?.*reason=password-changed/);
  await login(page, "unit-7", DEMO_PASSWORD);
  await expect(loginError(page)).toHaveText("账号或密码错误");
  await login(page, "unit-7", "Fresh#2026");
  await expect(page).toHaveURL(/\/unit$/);
});
