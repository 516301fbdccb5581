import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./support";

// WCAG 2.1 A/AA rules on every console and public page (the feature specs check the pages of their journeys).
// A console has up to a dozen pages, each analysed in full: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

test("public pages pass the accessibility rules", async ({ page }) => {
  await expectAccessible(page, "/");
  await expectAccessible(page, "/login");
  await expectAccessible(page, "/services");
  await expectAccessible(page, "/register");
});

const CONSOLES: [string, string[]][] = [
  ["ministry", ["/ministry", "/ministry/audit", "/ministry/users", "/needs", "/experts", "/library", "/library/members", "/ministry/menu", "/ministry/matching", "/imports", "/engagements"]],
  ["sichuan", ["/province", "/province/users", "/needs", "/experts", "/library", "/library/nominate", "/matching/batch", "/matching/batch/proposal", "/imports", "/engagements"]],
  ["unit", ["/unit", "/notifications", "/account/password", "/needs", "/needs/new", "/imports", "/engagements"]],
  ["expert", ["/expert", "/expert/profile", "/expert/invitations", "/expert/needs", "/engagements"]],
  ["base", ["/base"]],
  ["enterprise", ["/enterprise"]],
  ["department", ["/department", "/activities/recommend", "/activities", "/activities/new"]],
];

for (const [username, paths] of CONSOLES) {
  test(`${username}'s console pages pass the accessibility rules`, async ({ page }) => {
    await login(page, username);
    await expect(page).not.toHaveURL(/\/login/);
    for (const path of paths) await expectAccessible(page, path);
  });
}
