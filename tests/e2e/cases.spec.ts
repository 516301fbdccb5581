import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// A typical case from the shortlist to the portal: 四川 writes it from a shortlisted engagement (the story typed in
// the rich-text editor, with a script that never reaches the page), sends it for review; the ministry publishes it;
// it appears in the public case library and on its own page; withdrawn, it is gone from the public. Axe runs on
// every page of the journey and on every portal page.
test.describe.configure({ timeout: 300_000 });

const PORTAL = ["/", "/cases", "/bases", "/demonstrations", "/services"];

test("written, reviewed, published, on the portal; withdrawn, gone", async ({ page }) => {
  const title = `专家服务E2E案例${Date.now().toString(36)}`;

  await signInAs(page, "sichuan");
  await page.goto("/editorial/cases");
  await expect(page.getByRole("heading", { level: 1, name: "典型案例" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "候选案例（自动筛选）" })).toBeVisible();
  await expect(page.getByText(/入选理由：已确认服务 \d+(\.\d)? 小时/).first()).toBeVisible();
  await expectAccessible(page);
  // A shortlisted engagement (服务项目: its figures are confirmed service records), not an activity or a challenge.
  await page.getByRole("listitem").filter({ hasText: /^服务项目/ }).filter({ hasText: /入选理由：已确认服务/ }).first()
    .getByRole("button", { name: /^撰写案例：/ }).click();
  await expect(page).toHaveURL(/\/editorial\/cases\/[a-z0-9]+$/);
  const caseUrl = page.url();
  const id = caseUrl.split("/").pop()!;
  await expect(page.getByText("草稿", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // Sending an empty story for review is refused in Chinese.
  await page.getByRole("button", { name: "送审" }).click();
  await expect(page.getByText(/案例尚不完整/)).toBeVisible();

  const form = page.getByRole("form", { name: "编辑案例" });
  await form.getByLabel("标题").fill(title);
  await form.getByLabel(/^摘要/).fill("省级人社部门组织专家团队开展点餐式服务，服务记录经单位确认，成效显著，经验可复制推广。");
  await form.getByRole("textbox", { name: /^正文/ }).click();
  await page.keyboard.type("专家团队深入一线开展现场指导和示范带教，服务时长和服务人数均由服务单位确认。".repeat(3));
  await page.keyboard.type("<script>alert(1)</script>");
  await form.getByLabel("领域").selectOption("AGRICULTURE");
  await form.getByLabel("可复制推广").check();
  await form.getByLabel("技术指导").check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("案例已保存")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "送审" }).click();
  await expect(page.getByText("审核中", { exact: true }).first()).toBeVisible();

  // The ministry reviews and publishes it.
  await signInAs(page, "ministry");
  await page.goto(`/editorial/cases/${id}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "审核通过并发布" }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText("已发布", { exact: true }).first()).toBeVisible();

  // On the portal: in the library (searchable, with its tag) and on its page, the typed script shown as text.
  await page.context().clearCookies();
  await page.goto(`/cases?q=${encodeURIComponent(title)}&replicable=1`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The title follows a client-side navigation once the page's metadata arrives.
  await expect(page).toHaveTitle(new RegExp(title));
  await expect(page.getByText("可复制推广", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "服务成效" })).toBeVisible();
  await expect(page.getByText("<script>alert(1)</script>", { exact: false })).toBeVisible();
  await expect(page.locator(".case-story script")).toHaveCount(0);
  await expectAccessible(page);
  // Prerendered: the page is in this instance's cache now (a visit is a hit, not a render).
  await page.request.get(`/cases/${id}`);
  expect((await page.request.get(`/cases/${id}`)).headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);

  // Withdrawn with a reason: the public page answers 404 at once (the withdrawal expired the cached page on this
  // instance) and the library no longer lists it.
  await signInAs(page, "ministry");
  await page.goto(`/editorial/cases/${id}`);
  await page.getByRole("button", { name: "撤回" }).click();
  await page.getByLabel("撤回原因").fill("数据需核实");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByText("撤回原因：数据需核实")).toBeVisible();
  await page.context().clearCookies();
  const res = await page.goto(`/cases/${id}`);
  expect(res?.status()).toBe(404);
  await page.goto(`/cases?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("unpublished cases are invisible to the public, whatever the URL", async ({ page }) => {
  // The demo's case in review (闽宁协作) and its draft (淳安) exist but answer 404.
  await signInAs(page, "ministry");
  await page.goto("/editorial/cases?state=SUBMITTED");
  const href = await page.getByRole("link", { name: /闽宁协作专家团/ }).getAttribute("href");
  const id = href!.split("/").pop()!;
  await page.context().clearCookies();
  expect((await page.goto(`/cases/${id}`))?.status()).toBe(404);
  await page.goto("/cases");
  await expect(page.getByRole("link", { name: /闽宁协作专家团/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /浙川携手/ })).toBeVisible();
});

test("every portal page passes axe; the home page shows announcements, themes and the portal's links", async ({ page }) => {
  for (const path of PORTAL) await expectAccessible(page, path);
  // A scanner's NUL byte in a search (wapiti's %00) is read as nothing, never a server error.
  for (const path of ["/cases", "/bases", "/challenges", "/demonstrations"]) {
    expect((await page.goto(`${path}?q=%2Fe%00`))?.status(), path).toBe(200);
  }
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "通知公告" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "年度主题" })).toBeVisible();
  for (const name of ["示范活动", "专家服务基地", "揭榜挂帅", "典型案例", "服务证明查验"]) {
    await expect(page.getByRole("main").getByRole("link", { name: new RegExp(`^${name}`) }).first()).toBeVisible();
  }
  await page.getByRole("link", { name: /关于开展2027年度/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /关于开展2027年度/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/cases");
  await page.getByRole("link", { name: /浙川携手/ }).click();
  await expect(page.getByRole("heading", { name: "服务成效" })).toBeVisible();
  await expectAccessible(page);
});
