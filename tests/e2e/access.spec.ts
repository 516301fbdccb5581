import { expect, test } from "@playwright/test";
import { expectLoggedInAt, login } from "./support";

// Another role's pages are refused (and the refusal audited), whatever the URL typed.
const REFUSALS = [
  { username: "unit", home: "/unit", heading: /基层单位工作台/, forbidden: ["/ministry", "/province", "/expert", "/ministry/audit"] },
  { username: "expert", home: "/expert", heading: /专家工作台/, forbidden: ["/unit", "/base", "/enterprise"] },
  { username: "sichuan", home: "/province", heading: /省级工作台/, forbidden: ["/ministry", "/ministry/audit", "/unit"] },
  { username: "enterprise", home: "/enterprise", heading: /企业工作台/, forbidden: ["/province", "/base"] },
  { username: "base", home: "/base", heading: /基地工作台/, forbidden: ["/enterprise", "/expert"] },
  { username: "ministry", home: "/ministry", heading: /部级工作台/, forbidden: ["/unit", "/expert"] },
];

for (const r of REFUSALS) {
  test(`${r.username} is refused other roles' consoles`, async ({ page }) => {
    await login(page, r.username);
    await expectLoggedInAt(page, r.home, r.heading);
    for (const path of r.forbidden) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    }
  });
}

test("the ministry finds refusals in the audit log", async ({ page }) => {
  await login(page, "unit");
  await expectLoggedInAt(page, "/unit", /基层单位工作台/);
  await page.goto("/ministry/audit");
  await expect(page).toHaveURL(/\/forbidden$/);
  await page.context().clearCookies();

  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.goto("/ministry/audit?outcome=DENIED&operation=audit.read");
  await expect(page.getByRole("cell", { name: /越权访问被拒/ }).first()).toBeVisible();
  const download = await page.request.get("/api/export/audit?outcome=DENIED&operation=audit.read&format=csv");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain(encodeURIComponent("审计日志"));
  const csv = await download.text();
  expect(csv.split("\r\n")[0]).toBe("\uFEFF时间,操作人,角色,事件,事件代码,结果,对象,摘要,IP 地址");
  expect(csv).toContain("越权访问被拒");
  const lines = csv.split("\r\n").slice(1).filter(Boolean);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toContain(",拒绝,"); // only the filtered outcome
});

test("the public portal and the health check need no sign-in", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("专家人才服务基层平台");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  // The public learns only up or down (no database or migration details).
  expect(await health.json()).toEqual({ status: "up" });
});
