import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// 揭榜挂帅 from the problem to a checked milestone: the enterprise (四川川椒) poses a challenge and submits it — the public
// cannot see it yet; the province (四川) publishes it and it appears on the public board; a team led by expert-1 bids
// with members of the pool (the engine's suggestion); the province closes bidding and assigns a reviewer (林晓峰,
// not from the enterprise nor the bidders' employers); he scores the bid; the province selects it (挂帅); the lead
// reports the first milestone and the province's mid-term check passes it. The title is unique to this run.
test.describe.configure({ timeout: 600_000 });

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test("pose → publish → bid → review → select → milestone checked", async ({ page }) => {
  const title = `花椒连续化烘干装备E2E${Date.now().toString(36)}`;

  // The enterprise poses the challenge; bad input is refused in Chinese, then completed and submitted.
  await signInAs(page, "enterprise");
  await page.goto("/enterprise/challenges");
  await expectAccessible(page);
  await page.getByRole("link", { name: "我要出题" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "我要出题" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("题目名称").fill(title);
  await page.getByLabel("需要攻关的问题").fill("鲜花椒烘干依赖人工翻烤，色泽和开口率不稳定，能耗高，企业缺少连续化烘干装备和工艺参数。");
  await page.getByRole("button", { name: "提交发榜" }).click();
  await expect(page.getByText("请至少填写一条需达到的技术指标（每行一条）")).toBeVisible();
  await page.getByLabel("需达到的技术指标").fill("烘干周期不超过10小时\n色泽达到一级品标准");
  await page.getByLabel("榜单金额（元）").fill("600000");
  await page.getByLabel("揭榜截止日期").fill(day(30));
  await page.getByLabel("知识产权约定").fill("攻关成果的知识产权归企业所有，揭榜团队享有署名权。");
  const picker = page.getByRole("combobox", { name: "学科领域（可选）" });
  await picker.fill("21060");
  await picker.press("Enter");
  await picker.press("Escape");
  await expect(page.getByRole("button", { name: /^移除 / })).toHaveCount(1);
  await page.getByRole("button", { name: "提交发榜" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("待政府发榜", { exact: true }).first()).toBeVisible();
  const id = page.url().split("/").pop()!;
  await expectAccessible(page);

  // Not published yet: invisible to the public, whatever the URL.
  await page.context().clearCookies();
  await page.goto(`/challenges/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();

  // The province publishes it.
  await signInAs(page, "sichuan");
  await page.goto(`/province/challenges?q=${encodeURIComponent(title)}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/province/challenges/${id}$`));
  await expectAccessible(page);
  const verify = page.getByRole("form", { name: "审核发榜" });
  await verify.getByLabel("审核通过并发榜").check();
  await verify.getByRole("button", { name: "提交审核结论" }).click();
  await expect(page.getByText("已发榜", { exact: true }).first()).toBeVisible();

  // On the public board.
  await page.context().clearCookies();
  await page.goto(`/challenges?q=${encodeURIComponent(title)}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("list", { name: "技术指标" })).toContainText("烘干周期不超过10小时");
  await expectAccessible(page);

  // A team bids: the form comes with the engine's suggested team; the future reviewer is taken out of it.
  await signInAs(page, "expert-1");
  await page.goto("/expert/challenges");
  await expectAccessible(page);
  await page.goto(`/expert/challenges/${id}`);
  await expectAccessible(page);
  const bid = page.getByRole("form", { name: "揭榜方案" });
  await bid.getByLabel("揭榜方案", { exact: true }).fill("采用热泵分段变温烘干与连续网带输送相结合的技术路线，先小试确定参数，再在企业生产线中试。");
  await bid.getByLabel("实施计划").fill("第一阶段小试三个月，第二阶段中试六个月。");
  for (let i = 0; i < 5; i++) {
    const member = bid.getByLabel(`第 ${i + 1} 位成员`, { exact: true });
    if ((await member.locator("option:checked").textContent())?.includes("林晓峰")) await member.selectOption("");
  }
  const members = await bid.locator('select[name="memberIds"]').evaluateAll((els) => els.filter((e) => (e as HTMLSelectElement).value !== "").length);
  expect(members).toBeGreaterThan(0);
  await bid.getByLabel("第 1 个里程碑内容").fill("完成热泵烘干小试");
  await bid.getByLabel("第 1 个里程碑完成日期").fill(day(90));
  await bid.getByLabel("第 2 个里程碑内容").fill("完成生产线中试");
  await bid.getByLabel("第 2 个里程碑完成日期").fill(day(270));
  await bid.getByRole("button", { name: "提交揭榜方案" }).click();
  await expect(page.getByRole("heading", { name: "我的揭榜方案" })).toBeVisible();

  // The province closes bidding and assigns a reviewer (those who must recuse cannot be ticked).
  await signInAs(page, "sichuan");
  await page.goto(`/province/challenges/${id}`);
  await page.getByRole("button", { name: "截止揭榜" }).click();
  await page.getByRole("button", { name: "确认截止" }).click();
  const assign = page.getByRole("form", { name: "分配评审专家" });
  await expect(assign).toBeVisible();
  await expectAccessible(page);
  await assign.getByRole("checkbox", { name: /林晓峰/ }).check();
  await assign.getByRole("button", { name: "分配评审专家" }).click();
  await expect(page.getByText(/评审专家：林晓峰/).first()).toBeVisible();

  // The reviewer scores the bid.
  await signInAs(page, "expert");
  await page.goto(`/expert/challenges/${id}`);
  const score = page.getByRole("form", { name: /^评审.+团队的方案$/ });
  await score.getByLabel("评分（0—100）").fill("86");
  await score.getByLabel("评审意见").fill("技术路线成熟，团队配置合理，指标可达。");
  await score.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("评分已保存")).toBeVisible();

  // The province selects the bid (挂帅).
  await signInAs(page, "sichuan");
  await page.goto(`/province/challenges/${id}`);
  await expect(page.getByText(/平均分 86/)).toBeVisible();
  await page.getByRole("button", { name: /^选定.+团队挂帅$/ }).click();
  await page.getByRole("button", { name: "确认选定" }).click();
  await expect(page.getByText("攻关中（已挂帅）", { exact: true }).first()).toBeVisible();

  // The lead reports the first milestone; the province's mid-term check passes it.
  await signInAs(page, "expert-1");
  await page.goto(`/expert/challenges/${id}`);
  const report = page.getByRole("form", { name: "报送进展：完成热泵烘干小试" });
  await report.getByLabel("完成情况：完成热泵烘干小试").fill("小试完成，烘干周期9.5小时，色泽达到一级品标准。");
  await report.getByRole("button", { name: "报送进展" }).click();
  await expect(page.getByText("待中期检查", { exact: true })).toBeVisible();

  await signInAs(page, "sichuan");
  await page.goto(`/province/challenges/${id}`);
  const check = page.getByRole("form", { name: "中期检查：完成热泵烘干小试" });
  await check.getByLabel("检查通过").check();
  await check.getByRole("button", { name: "提交检查结论" }).click();
  await expect(page.getByRole("list", { name: "里程碑" }).getByText("检查通过", { exact: true })).toBeVisible();

  // The enterprise sees the team and the checked milestone.
  await signInAs(page, "enterprise");
  await page.goto(`/enterprise/challenges/${id}`);
  await expect(page.getByRole("list", { name: "里程碑" }).getByText("检查通过", { exact: true })).toBeVisible();
  await expectAccessible(page);
});
