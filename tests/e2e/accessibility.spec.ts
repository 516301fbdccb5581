import { expect, test, type Page } from "@playwright/test";
import { stableId } from "../../prisma/seed/random";
import { expectAccessible, login } from "./support";

/** An account's page by its seeded id (the demo seed's ids are derived from the username). */
const accountPage = (area: "ministry" | "province", username: string) => `/${area}/users/${stableId("user", username)}`;

// WCAG 2.1 A/AA rules on every console and public page (the feature specs check the pages of their journeys).
// A console has up to a dozen pages, each analysed in full: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

/** Errors the browser reports while the pages render (a missing resource's 404 aside). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

test("public pages pass the accessibility rules", async ({ page }) => {
  const errors = consoleErrors(page);
  for (const path of ["/", "/login", "/services", "/register", "/demonstrations", "/bases", "/cases", "/verify", "/challenges"]) await expectAccessible(page, path);
  expect(errors).toEqual([]);
});

// Each console's pages in groups of about a dozen, one test each, so no test nears its time limit on a loaded machine.
const CONSOLES: [string, string[]][] = [
  ["ministry", ["/ministry", "/ministry/audit", "/ministry/users", "/needs", "/experts", "/library", "/library/members", "/ministry/menu", "/ministry/matching", "/imports", "/engagements"]],
  ["ministry", ["/ministry/plans", "/ministry/plans/new", "/ministry/activities", "/activities", "/ministry/bases", "/ministry/challenges", "/ministry/users/new", accountPage("ministry", "sichuan"), "/ministry/security"]],
  ["ministry", ["/editorial/cases", "/ministry/announcements", "/certificates", "/commendations", "/ministry/questionnaires", "/tracking", "/tracking/records"]],
  ["sichuan", ["/province", "/province/users", "/needs", "/experts", "/library", "/library/nominate", "/matching/batch", "/matching/batch/proposal", "/imports", "/engagements"]],
  ["sichuan", ["/activities/recommend", "/activities", "/province/bases", "/province/challenges", "/editorial/cases", "/province/users/new", accountPage("province", "unit")]],
  ["sichuan", ["/certificates", "/commendations", "/commendations/candidates", "/tracking", "/tracking/records"]],
  ["unit", ["/unit", "/notifications", "/account/password", "/needs", "/needs/new", "/imports", "/engagements", "/activities", "/activities/new"]],
  ["expert", ["/expert", "/expert/profile", "/expert/invitations", "/expert/needs", "/engagements", "/expert/reviews", "/certificates", "/expert/feedback", "/expert/challenges"]],
  ["base", ["/base", "/base/apply", "/activities"]],
  ["enterprise", ["/enterprise", "/enterprise/challenges", "/enterprise/challenges/new"]],
  ["department", ["/department", "/activities/recommend", "/activities", "/activities/new"]],
  // 三员 and the second factor's page.
  ["sysadmin", ["/system", "/system/users", "/account/mfa"]],
  ["secadmin", ["/security", "/security/admins"]],
  ["auditor", ["/audit"]],
];

for (const [username, paths] of CONSOLES) {
  const part = CONSOLES.filter(([u]) => u === username).length > 1 ? ` (${paths[0]} …)` : "";
  test(`${username}'s console pages${part} pass the accessibility rules`, async ({ page }) => {
    const errors = consoleErrors(page);
    await login(page, username);
    await expect(page).not.toHaveURL(/\/login/);
    for (const path of paths) {
      await expectAccessible(page, path);
      // Reached, not bounced to the 403 or 404 page.
      await expect(page.getByRole("heading", { level: 1, name: /无权访问|页面不存在/ })).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });
}
