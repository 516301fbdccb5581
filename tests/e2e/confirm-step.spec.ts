import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

// The confirmation step before an action that cannot be undone, by keyboard: Enter opens it with focus on the confirm
// button, Escape closes it and gives focus back to the button that opened it. Nothing is changed.
test("a confirmation step is opened, and cancelled, from the keyboard", async ({ page }) => {
  await signInAs(page, "sichuan");
  await page.goto("/province/users?status=ACTIVE");
  const trigger = page.getByRole("button", { name: /^停用 / }).first();
  const name = (await trigger.getAttribute("aria-label"))!.replace(/^停用 /, "");
  await trigger.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("button", { name: `确认停用 ${name}` });
  await expect(confirm).toBeFocused();
  await expect(page.getByText("确认停用？")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("button", { name: `停用 ${name}`, exact: true })).toBeFocused();
});
