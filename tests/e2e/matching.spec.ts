import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// Matching on the demo seed. The province sees recommendations with their reasons and invites; the demo expert
// (林晓峰) browses the open needs recommended to him and applies; the need's province approves, withdraws, then
// assigns him by hand; he declines with a reason; another province assigns him and he accepts, offering fewer hours.
// The needs are picked from what the engine recommends to him (not by title), so the journey survives seed changes.
// Several sign-ins hash passwords (argon2): allow more than the default minute.
test.describe.configure({ mode: "serial", timeout: 300_000 });

const EXPERT = "林晓峰";

/** The seeded account of a province: 四川 and 浙江 have named ones, the others `prov-<code>`. */
const provinceAccount = (code: string) => (code === "51" ? "sichuan" : code === "33" ? "zhejiang" : `prov-${code}`);

const matchList = (page: Page) => page.getByRole("list", { name: "该需求的匹配记录" });
const matchRow = (page: Page, name: string) => matchList(page).getByRole("listitem").filter({ hasText: name });

async function openNeed(page: Page, title: string) {
  await page.goto(`/needs?state=OPEN&q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "专家匹配" })).toBeVisible();
}

async function assignByHand(page: Page, reason: string) {
  await page.getByLabel("查找专家").fill(EXPERT);
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(EXPERT) }).check();
  await page.getByLabel("指派理由（必填，专家和单位都会看到）").fill(reason);
  await page.getByRole("button", { name: "指派", exact: true }).click();
  await expect(matchRow(page, EXPERT).getByText("待答复", { exact: true })).toBeVisible();
  await expect(matchRow(page, EXPERT).getByText(`指派理由：${reason}`)).toBeVisible();
}

type Picked = { title: string; province: string };
const picked: Picked[] = [];
let acceptedUrl = "";

test("the province sees recommendations with their reasons and invites from them", async ({ page }) => {
  await signInAs(page, "sichuan");
  await page.goto("/needs?state=OPEN");
  // The list streams in after the console's loading state: wait for its first row before reading the titles.
  await expect(page).toHaveURL(/\/needs\?state=OPEN$/);
  const links = page.getByRole("table").getByRole("link");
  await expect(links.first()).toBeVisible();
  const titles = (await links.allTextContents()).map((t) => t.trim()).filter(Boolean);
  expect(titles.length).toBeGreaterThan(0);
  let invited = false;
  for (const title of titles) {
    await openNeed(page, title);
    const recommendations = page.getByRole("list", { name: "推荐专家" });
    if (!(await recommendations.isVisible())) continue;
    await expect(recommendations.getByText(/推荐理由：/).first()).toBeVisible();
    await expect(page.getByText(/计划 \d+ 人 · 已占 \d+ 人/)).toBeVisible();
    const invite = recommendations.getByRole("button", { name: /^邀请 / }).and(page.locator(":enabled")).first();
    if (!(await invite.count())) continue;
    // The parts of a score unfold on demand, with their labels.
    await recommendations.getByText("查看得分构成").first().click();
    await expect(recommendations.getByText("学科吻合", { exact: true }).first()).toBeVisible();
    await expectAccessible(page);
    const name = ((await invite.getAttribute("aria-label")) ?? "").replace(/^邀请 /, "");
    await invite.click();
    await expect(matchRow(page, name).getByText("待答复", { exact: true })).toBeVisible();
    await expect(matchRow(page, name).getByText(/剩余 \d+ (天|小时)/)).toBeVisible();
    invited = true;
    break;
  }
  expect(invited).toBe(true);
});

test("the expert browses the needs recommended to him and applies to one", async ({ page }) => {
  // Other journeys may have used the demo expert's places: he raises his limit first (his own profile).
  await signInAs(page, "expert");
  await page.goto("/expert/profile");
  await page.getByLabel("同时服务项目上限").fill("8");
  await page.getByRole("button", { name: "确认并保存" }).click();
  await expect(page.getByText("专家档案已保存")).toBeVisible();

  await page.goto("/expert/needs");
  await expect(page.getByRole("heading", { level: 1, name: "找需求" })).toBeVisible();
  await expectAccessible(page);
  const rows = page.getByRole("list", { name: "推荐的待匹配需求" }).getByRole("listitem");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByText(/推荐理由：/)).toBeVisible();
  await expect(rows.first().getByText(/匹配度 \d+%/)).toBeVisible();

  // Two needs with a free seat he may apply to, and their provinces (from the province filter's own options).
  const options = await page.getByLabel("需求所在省份").locator("option").evaluateAll((os) =>
    os.map((o) => ({ code: (o as HTMLOptionElement).value, name: o.textContent ?? "" })).filter((o) => o.code));
  for (const row of await rows.all()) {
    if (picked.length === 2) break;
    if (!(await row.getByRole("button", { name: /^申请承接：/ }).count())) continue;
    const seats = (await row.getByText(/已占名额/).textContent())!.match(/(\d+) \/ (\d+)/)!;
    if (Number(seats[1]) >= Number(seats[2])) continue;
    const title = (await row.getByRole("heading").textContent())!.replace(/紧急$/, "").trim();
    // The summary's first line: code, unit, then the place ("河南省 郑州市 …").
    const line = (await row.locator("p").first().textContent()) ?? "";
    const province = options.find((o) => line.includes(o.name))!.code;
    picked.push({ title, province });
  }
  expect(picked.length).toBe(2);

  const row = rows.filter({ has: page.getByRole("heading", { name: picked[0].title }) });
  await row.getByRole("button", { name: `申请承接：${picked[0].title}` }).click();
  await row.getByRole("button", { name: "提交申请" }).click();
  await expect(row.getByText(/请简要说明您的相关经验/)).toBeVisible();
  await row.getByLabel("申请说明（必填）").fill("多年在猕猴桃产区开展病害绿色防控服务，春季可驻点两周。");
  await row.getByRole("button", { name: "提交申请" }).click();
  await expect(row.getByText("已申请", { exact: true })).toBeVisible();

  // Filters: a text that matches nothing shows the empty state.
  await page.goto("/expert/needs?q=不存在的需求关键词xyz");
  await expect(page.getByText("暂无与您专业相符的待匹配需求")).toBeVisible();
});

test("the province approves the application, withdraws it, and assigns the expert by hand; he declines", async ({ page }) => {
  const [a] = picked;
  await signInAs(page, provinceAccount(a.province));
  await openNeed(page, a.title);
  await expect(page.getByRole("list", { name: "推荐专家" }).getByText(/推荐理由：/).first()).toBeVisible();
  const applied = matchRow(page, EXPERT);
  await expect(applied.getByText("已申请", { exact: true })).toBeVisible();
  await expect(applied.getByText(/申请说明：多年在猕猴桃产区/)).toBeVisible();
  await applied.getByRole("button", { name: `同意 ${EXPERT} 的申请`, exact: true }).click();
  await expect(applied.getByText("已接受", { exact: true })).toBeVisible();

  // Withdraw: a reason is required, and the step asks first.
  await applied.getByRole("button", { name: `撤回 ${EXPERT}`, exact: true }).click();
  await applied.getByRole("button", { name: "确认撤回" }).click();
  await expect(applied.getByText("请写明撤回原因")).toBeVisible();
  await applied.getByLabel(`撤回 ${EXPERT} 的原因（必填，将告知专家）`).fill("调整服务安排，改为省级统筹指派");
  await applied.getByRole("button", { name: "确认撤回" }).click();
  await expect(applied.getByText("已撤回", { exact: true })).toBeVisible();

  await assignByHand(page, "熟悉当地产业，曾多次在本地开展服务");
  await expectAccessible(page);

  await signInAs(page, "expert");
  await page.goto("/expert/invitations");
  await expect(page.getByRole("heading", { level: 1, name: "邀请与申请" })).toBeVisible();
  const pending = page.getByRole("list", { name: "待答复的邀请" }).getByRole("listitem").filter({ hasText: a.title });
  await expect(pending.getByText(/推荐理由：/)).toBeVisible();
  await expect(pending.getByText("省级指派理由：熟悉当地产业，曾多次在本地开展服务")).toBeVisible();
  await expect(pending.getByText(/剩余 \d+ 天/)).toBeVisible();
  await expectAccessible(page);
  await pending.getByRole("button", { name: `婉拒邀请：${a.title}` }).click();
  await pending.getByRole("button", { name: "确认婉拒" }).click();
  await expect(pending.getByText("婉拒时请写明原因，便于省级重新安排")).toBeVisible();
  await pending.getByLabel("婉拒原因（必填，将告知省级）").fill("春季已有驻点任务，时间冲突");
  await pending.getByRole("button", { name: "确认婉拒" }).click();
  await expect(page.getByRole("list", { name: "待答复的邀请" }).getByText(a.title)).toHaveCount(0);
  const history = page.getByRole("table", { name: "邀请与申请记录" }).getByRole("row").filter({ hasText: a.title });
  await expect(history.getByText("已婉拒")).toBeVisible();
  await expect(history.getByText("婉拒原因：春季已有驻点任务，时间冲突")).toBeVisible();

  // The history filters by state.
  await page.getByLabel("状态").selectOption("DECLINED");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/state=DECLINED/);
  await expect(page.getByRole("table", { name: "邀请与申请记录" }).getByText("已接受")).toHaveCount(0);

  // The province sees the answer and the reason.
  await signInAs(page, provinceAccount(a.province));
  await openNeed(page, a.title);
  await expect(matchRow(page, EXPERT).getByText("已婉拒", { exact: true })).toBeVisible();
  await expect(matchRow(page, EXPERT).getByText("婉拒原因：春季已有驻点任务，时间冲突")).toBeVisible();
});

test("another province assigns the expert; he reads the whole need and accepts, offering fewer hours", async ({ page }) => {
  const b = picked[1];
  await signInAs(page, provinceAccount(b.province));
  await openNeed(page, b.title);
  await assignByHand(page, "该专家在果树病害防控方面经验丰富");

  await signInAs(page, "expert");
  await page.goto("/expert/invitations");
  await page.getByRole("list", { name: "待答复的邀请" }).getByRole("link", { name: b.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: b.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "需求信息" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "所点服务项目" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "附件" })).toBeVisible();
  await expect(page.getByText(/推荐理由：/)).toBeVisible();
  await expectAccessible(page);
  acceptedUrl = page.url();
  await page.getByRole("button", { name: `接受邀请：${b.title}` }).click();
  await page.getByLabel("可投入时间（小时）").fill("0");
  await page.getByRole("button", { name: "确认接受" }).click();
  await expect(page.getByText("可投入时间至少 1 小时")).toBeVisible();
  await page.getByLabel("可投入时间（小时）").fill("40");
  await page.getByRole("button", { name: "确认接受" }).click();
  await expect(page.getByText("已接受", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("40 小时")).toBeVisible();

  // On the open-needs list the need now shows his state instead of the apply button.
  await page.goto(`/expert/needs?q=${encodeURIComponent(b.title)}`);
  const row = page.getByRole("list", { name: "推荐的待匹配需求" }).getByRole("listitem").filter({ hasText: b.title }) as Locator;
  if (await row.count()) {
    await expect(row.getByText("已接受", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: /^申请承接/ })).toHaveCount(0);
  }
});

test("an expert cannot open another expert's invitation, nor other roles the expert's pages", async ({ page }) => {
  expect(acceptedUrl).toMatch(/\/expert\/invitations\/.+/);
  await signInAs(page, "expert-1");
  await page.goto(acceptedUrl);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByText("该专家在果树病害防控方面经验丰富")).toHaveCount(0);

  await signInAs(page, "sichuan");
  for (const path of ["/expert/invitations", "/expert/needs", new URL(acceptedUrl).pathname]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden$/);
  }
});
