import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

// The whole of section 2 in one journey, across four accounts on the demo seed: a unit orders a service and the
// province approves it; the province proposes experts in a batch (adding the demo expert by hand) and invites him;
// he accepts; the unit confirms the team; both agree the work plan; he logs service and the unit confirms it; the
// unit finishes; both give feedback; the engagement closes and the need is completed.
// Many sign-ins hash passwords (argon2) and the batch runs the solver: allow more than the default minute.
test.describe.configure({ timeout: 300_000 });

const EXPERT = "林晓峰"; // the demo `expert`

test("order → approve → batch proposal and invitation → accept → team → plan → service → feedback → closed", async ({ page }) => {
  const title = `柑橘黄龙病综合防控 旅程${Date.now().toString(36)}`;

  // Other journeys use the demo expert's places: he makes room first (his own profile).
  await signInAs(page, "expert");
  await page.goto("/expert/profile");
  await page.getByLabel("同时服务项目上限").fill("10");
  await page.getByRole("button", { name: "确认并保存" }).click();
  await expect(page.getByText("专家档案已保存")).toBeVisible();

  // The unit orders from the menu (no fixed window) and submits.
  await signInAs(page, "unit");
  await page.goto("/needs/new");
  await page.getByRole("checkbox", { name: /果树病虫害现场诊断/ }).check();
  await page.getByLabel("需求标题").fill(title);
  await page.getByLabel("面临的瓶颈问题").fill("柑橘园黄龙病扩散，果农缺少木虱防控和病树处理的技术指导。");
  const discipline = page.getByRole("combobox", { name: "学科领域" });
  await discipline.fill("植物保护");
  await discipline.press("Enter");
  await page.getByLabel("需要专家人数").fill("1");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("待审核", { exact: true }).first()).toBeVisible();
  const needUrl = page.url();
  const code = (await page.locator("span.font-mono").first().textContent())!.trim();

  // The province approves.
  await signInAs(page, "sichuan");
  await page.goto(needUrl);
  await page.getByLabel(/审核通过/).check();
  await page.getByRole("button", { name: "确认" }).click();
  await expect(page.getByText("待匹配", { exact: true }).first()).toBeVisible();

  // The province proposes in a batch for this need, adds the demo expert by hand, and invites him alone.
  await page.goto(`/matching/batch?q=${encodeURIComponent(title)}`);
  await page.getByRole("checkbox", { name: `选择需求 ${code}` }).check();
  await page.getByRole("button", { name: "生成分配方案" }).click();
  const done = page.getByRole("status").filter({ hasText: "分配方案已生成" });
  const confirmGenerate = page.getByRole("button", { name: "确认生成" });
  await expect(done.or(confirmGenerate)).toBeVisible({ timeout: 120_000 });
  if (await confirmGenerate.isVisible()) await confirmGenerate.click();
  await expect(done).toBeVisible({ timeout: 120_000 });

  const needId = needUrl.split("/").pop()!;
  await page.goto(`/matching/batch/proposal?addTo=${needId}&expertQ=${encodeURIComponent(EXPERT)}`);
  const group = page.getByRole("region", { name: title });
  const sendBox = group.getByRole("checkbox", { name: `发送邀请：${EXPERT}（需求 ${code}）` });
  // The search result says whether the solver already proposed him (count() does not wait for the page).
  const found = page.getByRole("list", { name: `需求 ${code} 的候选专家` }).getByRole("listitem").filter({ hasText: EXPERT });
  await expect(found).toBeVisible();
  if (!(await found.getByText("已在方案中").count())) {
    await group.getByRole("button", { name: `列入方案：${EXPERT}` }).click();
    await expect(sendBox).toBeVisible();
  }
  await page.getByRole("checkbox", { name: "本页全选" }).uncheck();
  await sendBox.check();
  await page.getByRole("button", { name: "向勾选的专家发送邀请" }).click();
  await page.getByRole("button", { name: "确认发送" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发出" }).first()).toContainText("已发出 1 份邀请");

  // The expert sees why he was invited and accepts.
  await signInAs(page, "expert");
  await page.goto("/expert/invitations");
  const invitation = page.getByRole("list", { name: "待答复的邀请" }).getByRole("listitem").filter({ hasText: title });
  await expect(invitation.getByText(/推荐理由：/)).toBeVisible();
  await invitation.getByRole("button", { name: `接受邀请：${title}` }).click();
  await invitation.getByLabel("可投入时间（小时）").fill("60");
  await invitation.getByRole("button", { name: "确认接受" }).click();
  await expect(page.getByRole("list", { name: "待答复的邀请" }).getByText(title)).toHaveCount(0);

  // The unit confirms the team and opens the engagement.
  await signInAs(page, "unit");
  await page.goto(needUrl);
  await page.getByRole("button", { name: `确认 ${EXPERT} 加入团队` }).click();
  await page.getByRole("form", { name: `确认 ${EXPERT}` }).getByRole("button", { name: "确认" }).click();
  await page.getByRole("link", { name: new RegExp(`^查看服务项目\\s*：${EXPERT}$`) }).click();
  // The need's page has the same heading: wait for the engagement's address first.
  await expect(page).toHaveURL(/\/engagements\/\w+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const engagementUrl = page.url();

  // The work plan: the unit writes it and agrees; the expert agrees; the service starts.
  await page.getByRole("button", { name: "修改工作方案" }).click();
  await page.getByLabel("服务目标").fill("查清黄龙病发生范围，推广木虱统防统治，培训技术骨干。");
  await page.getByLabel("进度安排").fill("第一周普查；第二周集中培训；此后每月回访一次。");
  await page.getByLabel("服务地点", { exact: true }).fill("合作社柑橘园及周边村组");
  await page.getByLabel("预期成果").fill("防控方案 1 份，培训骨干 20 人");
  await page.getByRole("checkbox", { name: "技术指导" }).check();
  await page.getByRole("button", { name: "保存工作方案" }).click();
  await expect(page.getByRole("status").filter({ hasText: "工作方案已保存" })).toBeVisible();
  await page.getByRole("button", { name: "同意工作方案" }).click();
  await page.getByRole("button", { name: "确认同意" }).click();
  await expect(page.getByRole("list", { name: "方案确认情况" })).toContainText(/服务单位：已同意/);

  await signInAs(page, "expert");
  await page.goto(engagementUrl);
  await page.getByRole("button", { name: "同意工作方案" }).click();
  await page.getByRole("button", { name: "确认同意" }).click();
  await expect(page.getByText("服务中", { exact: true }).first()).toBeVisible();

  // The expert logs service.
  const record = page.getByRole("form", { name: "填写服务记录" });
  await record.getByLabel("服务时长（小时）").fill("8");
  await record.getByLabel("服务人数").fill("35");
  await record.getByLabel("其中培训人数").fill("20");
  await record.getByLabel("服务内容").fill("普查病树分布，讲解木虱识别与统防统治要点，现场示范病树处理。");
  await record.getByRole("button", { name: "提交服务记录" }).click();
  await expect(page.getByRole("table", { name: "服务记录" })).toContainText("待单位确认");

  // The unit confirms it, finishes, and rates the expert.
  await signInAs(page, "unit");
  await page.goto(engagementUrl);
  await page.getByRole("button", { name: /^确认.*的服务记录$/ }).click();
  await page.getByRole("button", { name: "确认无误" }).click();
  await expect(page.getByText("已确认 8 小时 · 服务 35 人 · 培训 20 人")).toBeVisible();
  await page.getByRole("button", { name: "结束服务" }).click();
  await page.getByRole("button", { name: "确认结束" }).click();
  await expect(page.getByText("待评价", { exact: true }).first()).toBeVisible();
  const unitRating = page.getByRole("form", { name: "评价专家服务" });
  await unitRating.getByLabel("5 分 · 非常满意").check();
  await unitRating.getByLabel(/评价意见/).fill("专家指导到位，木虱防控效果明显。");
  await unitRating.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByRole("region", { name: "服务单位的评价" })).toContainText("木虱防控效果明显");

  // The expert rates the unit: both have, so the engagement closes and the need is completed.
  await signInAs(page, "expert");
  await page.goto(engagementUrl);
  const expertRating = page.getByRole("form", { name: "评价服务单位" });
  await expertRating.getByLabel("5 分 · 非常满意").check();
  await expertRating.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("已结束", { exact: true }).first()).toBeVisible();

  await signInAs(page, "unit");
  await page.goto(needUrl);
  await expect(page.getByText("已完成", { exact: true }).first()).toBeVisible();
});
