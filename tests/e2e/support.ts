import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2025";

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Sign in as another account on the same page (the previous session's cookies cleared first). */
export async function signInAs(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username);
  await expect(page).not.toHaveURL(/\/login/);
}

export async function expectLoggedInAt(page: Page, path: string, heading: RegExp) {
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** The login form's message (Next's route announcer also has role "alert", so look inside the form). */
export const loginError = (page: Page) => page.locator("form").getByRole("alert");

/** WCAG 2.1 A/AA rules on the current page (or `path`, opened first); serious or critical findings fail. */
export async function expectAccessible(page: Page, path?: string) {
  if (path) await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  // After a client-side navigation the new page's <title> arrives with its metadata, a moment after its content.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}
