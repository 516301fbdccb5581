import { expect, test } from "@playwright/test";
import { authenticator } from "otplib";
import { DEMO_PASSWORD, expectAccessible, expectLoggedInAt, login, loginError } from "./support";

// unit-20, unit-21 and unit-22 are used by no other journey. Long journeys (several sign-ins, argon2 each, axe checks): a
// generous budget on a loaded machine.
test.describe.configure({ timeout: 240_000 });

test("an administrator resets a password: the one-time password is shown once and must be changed at sign-in", async ({ page }) => {
  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.goto("/ministry/users?q=unit-20");
  await expect(page.getByRole("status").filter({ hasText: "共 1 个账号" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "重置 unit-20 的密码" }).click();
  await page.getByRole("button", { name: "确认重置 unit-20 的密码" }).click();
  const code = page.getByLabel("unit-20 的一次性密码");
  await expect(code).toBeVisible();
  const oneTime = (await code.textContent())!.trim();
  expect(oneTime).toHaveLength(12);
  // Shown once: a reload does not show it again.
  await page.reload();
  await expect(page.getByLabel("unit-20 的一次性密码")).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, "unit-20", DEMO_PASSWORD);
  await expect(loginError(page)).toHaveText("账号或密码错误");
  await login(page, "unit-20", oneTime);
  await expect(page).toHaveURL(/\/account\/password\?reason=must-change$/);
  await page.getByLabel("当前密码").fill(oneTime);
  await page.getByLabel("新密码", { exact: true }).fill("Harbour#Lamp77");
  await page.getByLabel("确认新密码").fill("Harbour#Lamp77");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/login\?.*reason=password-changed/);
  await login(page, "unit-20", "Harbour#Lamp77");
  await expect(page).toHaveURL(/\/unit$/);
});

test("the ministry creates a temporary account with a one-time password", async ({ page }) => {
  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.goto("/ministry/users");
  await page.getByRole("link", { name: "新建账号" }).click();
  await expect(page).toHaveURL(/\/ministry\/users\/new$/);
  await expectAccessible(page);
  await page.getByLabel("账号", { exact: true }).fill("temp-e2e-1");
  await page.getByLabel("姓名").fill("临时联络员");
  await page.getByLabel("角色").selectOption("UNIT_USER");
  const org = page.getByLabel("所在单位");
  await org.selectOption({ index: 1 });
  await page.getByLabel("有效期至（临时账号）").fill("2099-12-31");
  await page.getByRole("button", { name: "创建账号" }).click();
  const code = page.getByLabel("一次性密码");
  await expect(code).toBeVisible();
  const oneTime = (await code.textContent())!.trim();

  await page.getByRole("link", { name: "返回账号管理" }).click();
  await expect(page.getByText("临时账号，有效期至")).toBeVisible();
  await page.context().clearCookies();
  await login(page, "temp-e2e-1", oneTime);
  await expect(page).toHaveURL(/\/account\/password\?reason=must-change$/);
});

test("the ministry opens an account, assigns a role with an expiry and resets its second factor", async ({ page }) => {
  // unit-22 enrols a second factor (as at /account/mfa) and then needs its code to sign in.
  await login(page, "unit-22");
  await expectLoggedInAt(page, "/unit", /工作台/);
  await page.goto("/account/mfa");
  await page.getByRole("button", { name: "开始设置" }).click();
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  await page.getByLabel("动态口令", { exact: true }).fill(authenticator.clone({ epoch: Date.now() - 30_000 }).generate(secret));
  await page.getByRole("button", { name: "验证并启用" }).click();
  await expect(page.getByRole("status").filter({ hasText: "双因素认证已启用" })).toBeVisible();
  await page.context().clearCookies();
  await login(page, "unit-22");
  await expect(loginError(page)).toContainText("6 位动态口令");

  await page.context().clearCookies();
  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.goto("/ministry/users?q=unit-22");
  await page.getByRole("link", { name: /（unit-22）的账号详情$/ }).click();
  await expect(page).toHaveURL(/\/ministry\/users\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /（unit-22）$/ })).toBeVisible();
  const facts = page.getByRole("definition");
  await expect(facts.filter({ hasText: /^已启用（/ })).toContainText("未使用的恢复码 10 个");
  await expectAccessible(page);

  // 分配角色: 基地管理员 at a base host of the national list.
  const grant = page.getByRole("form", { name: "分配角色" });
  await grant.getByLabel("角色", { exact: true }).selectOption("BASE_HOST");
  const org = grant.getByLabel("角色所在单位");
  await org.selectOption({ index: 1 });
  const orgName = (await org.locator("option:checked").textContent())!.replace(/（[^（]*）$/, "");
  await grant.getByRole("button", { name: "分配角色" }).click();
  await expect(grant.getByRole("status")).toHaveText("角色已分配，对方下次请求时生效");
  const roles = page.getByRole("table", { name: "角色列表" });
  await expect(roles.getByRole("row").filter({ hasText: "基地管理员" })).toContainText(orgName);
  await expect(roles.getByRole("button", { name: /^撤销角色 基地管理员/ })).toBeVisible();

  // 有效期: a temporary account until the end of 2099.
  await page.getByLabel("有效期至（临时账号）").fill("2099-12-31");
  await page.getByRole("button", { name: "保存有效期" }).click();
  await expect(facts.filter({ hasText: "临时账号，有效期至 2099-12-31" })).toBeVisible();

  // 重置二次验证, confirmed: the factor shows as not set.
  await page.getByRole("button", { name: "重置 unit-22 的二次验证" }).click();
  await page.getByRole("button", { name: "确认重置 unit-22 的二次验证" }).click();
  await expect(page.getByRole("status").filter({ hasText: "二次验证已重置" })).toBeVisible();
  await expect(facts.filter({ hasText: /^未设置$/ })).toBeVisible();
  await expectAccessible(page);

  // The holder signs in with the password alone again (a unit account need not enrol).
  await page.context().clearCookies();
  await login(page, "unit-22");
  await expectLoggedInAt(page, "/unit", /工作台/);
});

test("after repeated failures the sign-in form asks for a captcha, good for one try", async ({ page }) => {
  await page.goto("/login");
  for (let i = 1; i <= 3; i++) {
    await page.getByLabel("账号").fill("unit-21");
    await page.getByLabel("密码").fill(`Wrong@${i}z`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
    await expect(loginError(page)).toHaveText("账号或密码错误");
  }
  const image = page.getByRole("img", { name: "验证码图片" });
  await expect(image).toBeVisible();
  expect(await image.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  await expectAccessible(page);
  const first = await image.getAttribute("src");

  // Even the right password is refused without the right characters; the image is then replaced.
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByLabel("验证码", { exact: true }).fill("22222");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(loginError(page)).toContainText("验证码");
  await expect(image).not.toHaveAttribute("src", first!);
  await expect(page).toHaveURL(/\/login/);
});

test("signing out revokes the session on the server: the old cookie no longer works", async ({ page }) => {
  await login(page, "expert");
  await expectLoggedInAt(page, "/expert", /专家工作台/);
  expect(await (await page.request.get("/api/auth/session")).json()).toMatchObject({ username: "expert" });
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Put the signed-out cookie back, as someone who copied it would.
  await page.context().addCookies(cookies);
  await page.goto("/expert");
  await expect(page).toHaveURL(/\/login/);
  // next-auth's own session endpoint agrees: nothing for a revoked cookie.
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("pages carry a nonce-based Content-Security-Policy and a Permissions-Policy; the health check says only up", async ({ page, request }) => {
  const res = await page.goto("/login");
  const csp = res!.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(res!.headers()["permissions-policy"]).toContain("camera=()");
  // Served over plain HTTP here: no HSTS.
  expect(res!.headers()["strict-transport-security"]).toBeUndefined();
  // Next's own scripts in the page carry this response's nonce (and run: the form below works). Chunks the client
  // loads later (prefetching a link) are inserted by those scripts, without one: 'strict-dynamic' allows them.
  const scriptTags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  // The next response has a fresh nonce.
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

  await login(page, "expert");
  await expectLoggedInAt(page, "/expert", /专家工作台/);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  // Secure in production whatever NEXTAUTH_URL says; the end-to-end server runs in demo mode (playwright.config.ts),
  // which allows plain HTTP on a LAN (the rule itself: tests/unit/security-headers.test.ts).
  expect(session?.secure).toBe((process.env.DEMO_MODE ?? "1") !== "1");
  expect(session?.httpOnly).toBe(true);

  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "up" });
});

test("三员分立: only the security administrator resets a 三员 account's password; the ministry sees it but cannot", async ({ page }) => {
  // The security administrator creates a dedicated system administrator's account (its one-time password shown once),
  // and cannot make a business account a 三员 one.
  await login(page, "secadmin");
  await expectLoggedInAt(page, "/security", /安全管理员/);
  await page.goto("/security/admins");
  const create = page.getByRole("form", { name: "新建三员账号" });
  await create.getByLabel("账号").fill("sys-e2e-1");
  await create.getByLabel("姓名").fill("运维值班员");
  await create.getByLabel("角色").selectOption("SYSTEM_ADMIN");
  await create.getByRole("button", { name: "新建" }).click();
  await expect(create.getByRole("status").filter({ hasText: "已新建系统管理员账号 sys-e2e-1" })).toBeVisible();
  await expect(create.getByLabel("sys-e2e-1 的一次性密码")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "sys-e2e-1" })).toContainText("系统管理员");
  const grant = page.getByRole("form", { name: "授予三员角色" });
  await grant.getByLabel("账号").fill("expert");
  await grant.getByLabel("角色").selectOption("AUDIT_ADMIN");
  await grant.getByRole("button", { name: "授予" }).click();
  await expect(grant.getByRole("alert")).toContainText("三员分立：该账号有业务角色");

  // The ministry's account list shows it, with no button to act on it.
  await page.context().clearCookies();
  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.goto("/ministry/users?q=sys-e2e-1");
  const row = page.getByRole("row").filter({ hasText: "sys-e2e-1" });
  await expect(row.getByText("三员账号，由安全管理员、系统管理员管理")).toBeVisible();
  await expect(row.getByRole("button")).toHaveCount(0);

  // The security administrator resets its password: a one-time password, to change at the next sign-in.
  await page.context().clearCookies();
  await login(page, "secadmin");
  await expectLoggedInAt(page, "/security", /安全管理员/);
  await page.goto("/security/admins");
  await page.getByRole("button", { name: "重置 sys-e2e-1 的密码" }).click();
  await page.getByRole("button", { name: "确认重置 sys-e2e-1 的密码" }).click();
  const code = page.getByLabel("sys-e2e-1 的一次性密码");
  await expect(code).toBeVisible();
  const oneTime = (await code.textContent())!.trim();
  await expectAccessible(page);

  await page.context().clearCookies();
  await login(page, "sys-e2e-1", oneTime);
  await expect(page).toHaveURL(/\/account\/password\?reason=must-change$/);
});
