import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./support";

// WCAG 2.1 A/AA rules on the pages that exist; serious or critical findings fail the test.
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${path}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("public pages pass the accessibility rules", async ({ page }) => {
  await expectAccessible(page, "/");
  await expectAccessible(page, "/login");
});

const CONSOLES: [string, string[]][] = [
  ["ministry", ["/ministry", "/ministry/audit", "/ministry/users"]],
  ["sichuan", ["/province", "/province/users"]],
  ["unit", ["/unit", "/notifications", "/account/password"]],
  ["expert", ["/expert"]],
  ["base", ["/base"]],
  ["enterprise", ["/enterprise"]],
];

for (const [username, paths] of CONSOLES) {
  test(`${username}'s console pages pass the accessibility rules`, async ({ page }) => {
    await login(page, username);
    await expect(page).not.toHaveURL(/\/login/);
    for (const path of paths) await expectAccessible(page, path);
  });
}
