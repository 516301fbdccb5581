import { expect, test } from "@playwright/test";
import { authenticator } from "otplib";
import { expectAccessible, expectLoggedInAt, login, loginError } from "./support";

// A province staff account (广东, used by no other spec) enrols a TOTP second factor and signs in with it; the audit
// administrator reads the log, and finds its own read recorded there.
authenticator.options = { window: 1 };
// Two sign-ins, two axe analyses and a download per journey: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("a staff account enrols TOTP, gets recovery codes, and signs in with a code", async ({ page }) => {
  await login(page, "prov-44");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.getByRole("link", { name: "双因素认证" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "双因素认证" })).toBeVisible();
  await page.getByRole("button", { name: "开始设置" }).click();
  await expect(page.getByRole("img", { name: /双因素认证二维码/ })).toHaveAttribute("src", /^data:image\/png;base64,/);
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  await expectAccessible(page);

  // The previous step's code enrols, so the current one is still unused for the sign-in below.
  await page.getByLabel("动态口令", { exact: true }).fill(authenticator.clone({ epoch: Date.now() - 30_000 }).generate(secret));
  await page.getByRole("button", { name: "验证并启用" }).click();
  await expect(page.getByRole("status").filter({ hasText: "双因素认证已启用" })).toBeVisible();
  await expect(page.getByRole("list", { name: "恢复码" }).getByRole("listitem")).toHaveCount(10);

  await page.context().clearCookies();
  await login(page, "prov-44");
  await expect(loginError(page)).toContainText("6 位动态口令");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("动态口令或恢复码").fill("000000" === authenticator.generate(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(loginError(page)).toContainText("不正确");
  await page.getByLabel("动态口令或恢复码").fill(authenticator.generate(secret));
  await page.getByRole("button", { name: "登录" }).click();
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto("/account/mfa");
  await expect(page.getByText("未使用的恢复码：10 个")).toBeVisible();
});

test("the audit administrator reads and exports the log, and the read is in the log", async ({ page }) => {
  await login(page, "auditor");
  await expectLoggedInAt(page, "/audit", /审计日志/);
  await expectAccessible(page);
  await page.getByLabel("操作", { exact: true }).fill("auth.login");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/operation=auth\.login/);
  await expect(page.getByRole("cell", { name: "登录成功" }).first()).toBeVisible();

  await page.goto("/audit?operation=audit.read");
  const read = page.getByRole("row").filter({ hasText: "审计管理员" }).filter({ hasText: "查询审计日志（/audit?operation=auth.login" });
  await expect(read.first()).toBeVisible();
  const download = await page.request.get("/api/export/audit?operation=audit.read&format=csv");
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain("查询审计日志");

  // Nothing else: not the accounts, not the business consoles.
  for (const path of ["/system/users", "/security/admins", "/ministry", "/needs"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden$/);
  }
});
