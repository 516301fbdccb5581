import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectLoggedInAt, login, loginError } from "./support";

const DEMO_ROLES = [
  { username: "ministry", home: "/ministry", heading: /部级工作台/ },
  { username: "sichuan", home: "/province", heading: /省级工作台.*四川/ },
  { username: "zhejiang", home: "/province", heading: /省级工作台.*浙江/ },
  { username: "unit", home: "/unit", heading: /基层单位工作台/ },
  { username: "expert", home: "/expert", heading: /专家工作台/ },
  { username: "base", home: "/base", heading: /基地工作台/ },
  { username: "enterprise", home: "/enterprise", heading: /企业工作台/ },
];

for (const account of DEMO_ROLES) {
  test(`demo account ${account.username} signs in and lands on its console`, async ({ page }) => {
    await login(page, account.username);
    await expectLoggedInAt(page, account.home, account.heading);
  });
}

test("signed-out visitors are sent to the login page and back after signing in", async ({ page }) => {
  await page.goto("/ministry/audit");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fministry%2Faudit/);
  await page.getByLabel("账号").fill("ministry");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/ministry\/audit$/);
});

test("a wrong password gets a clear Chinese message", async ({ page }) => {
  await login(page, "zhejiang", "Wrong@2025");
  await expect(loginError(page)).toHaveText("账号或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page }) => {
  await login(page, "expert");
  await expectLoggedInAt(page, "/expert", /专家工作台/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/expert");
  await expect(page).toHaveURL(/\/login/);

  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.goto("/ministry/audit?operation=auth.logout");
  await expect(page.getByRole("cell", { name: "退出登录" }).first()).toBeVisible();
});
