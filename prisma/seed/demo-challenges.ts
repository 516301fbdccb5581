import type { Tx } from "@/lib/db";
import type { ChallengeState } from "@/lib/generated/prisma/client";
import { ids } from "./demo-context";

// The 揭榜挂帅 board's details, written after the challenges, bids and milestones of demo-bases.ts exist (read back
// from the database): the stated indicators and IP terms of every challenge, teams from the pool on the bids,
// reviewers (recused from the enterprise and the bidders' employers) with scores, milestone checks, the acceptance of
// the completed one (a case candidate), timelines — and two more of 四川川椒 (the `enterprise` account's company):
// one returned for revision by the province, one whose acceptance waits for the enterprise's confirmation.
// Dates are relative to now, so the demo never expires.

const DAY = 86_400_000;
const daysAgo = (now: Date, n: number) => new Date(now.getTime() - n * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const IP_TERMS = "攻关形成的专利、技术秘密等知识产权归出题企业所有，揭榜团队享有署名权和非商业性科研使用权；成果转化收益按合同另行约定。";

type Pool = { id: string; name: string; employer: string; talentCategories: string[]; title: string; userId: string | null }[];

export async function seedChallengeDetails(tx: Tx, challengeIds: string[], now: Date = new Date()): Promise<void> {
  const challenges = await tx.challenge.findMany({
    where: { id: { in: challengeIds } },
    orderBy: { id: "asc" },
    select: { id: true, title: true, state: true, requirements: true, enterpriseId: true, provinceCode: true, publishedAt: true, publishedById: true, createdAt: true,
      enterprise: { select: { name: true } }, bids: { select: { id: true, state: true, expertId: true, expert: { select: { employer: true } } } },
      milestones: { orderBy: { dueOn: "asc" }, select: { id: true, title: true, dueOn: true, doneAt: true } } },
  });
  if (!challenges.length) return;
  const pool: Pool = await tx.expertProfile.findMany({
    where: { status: "ACTIVE" }, orderBy: { id: "asc" }, take: 400,
    select: { id: true, name: true, employer: true, talentCategories: true, title: true, userId: true },
  });
  const province = (code: string) => ids.user(code === "51" ? "sichuan" : code === "33" ? "zhejiang" : "ministry");
  const enterpriseUser = await tx.user.findUnique({ where: { username: "enterprise" }, select: { id: true } });

  for (const c of challenges) {
    const indicators = c.requirements.split(/[；;，,]/).map((s) => s.replace(/。$/, "").trim()).filter(Boolean);
    await tx.challenge.update({ where: { id: c.id }, data: { indicators, ipTerms: IP_TERMS, submittedAt: c.state === "DRAFT" ? null : daysAgo(c.createdAt, -3) } });
    await timeline(tx, c, now, province(c.provinceCode));

    // Teams: a postdoc and a senior member of the pool from other employers than the lead's and the enterprise's.
    const taken = new Set(c.bids.map((b) => b.expertId));
    for (const b of c.bids) {
      const postdoc = pool.find((e) => !taken.has(e.id) && e.talentCategories.includes("POSTDOC") && e.employer !== b.expert.employer);
      const senior = pool.find((e) => !taken.has(e.id) && e.id !== postdoc?.id && !e.talentCategories.includes("POSTDOC") && e.title === "SENIOR" && e.employer !== b.expert.employer);
      const members = [postdoc && { expertId: postdoc.id, role: "博士后" }, senior && { expertId: senior.id, role: "导师" }].filter((m): m is { expertId: string; role: string } => !!m);
      members.forEach((m) => taken.add(m.expertId));
      await tx.challengeBidMember.createMany({ data: members.map((m) => ({ bidId: b.id, ...m })), skipDuplicates: true });
      await tx.challengeBid.update({
        where: { id: b.id },
        data: { plan: "第一阶段开展小试、确定工艺参数；第二阶段在企业生产线中试；第三阶段示范应用并交付技术资料。", plannedMilestones: c.milestones.length
          ? c.milestones.map((m) => ({ title: m.title, dueOn: isoDay(m.dueOn) }))
          : [{ title: "完成小试", dueOn: isoDay(daysAgo(now, -120)) }, { title: "完成中试与验收", dueOn: isoDay(daysAgo(now, -300)) }] },
      });
    }

    // Review (closed and later): two reviewers with accounts, recused from the enterprise and every bidder's employer.
    if (["CLOSED", "AWARDED", "COMPLETED"].includes(c.state)) {
      const employers = new Set([c.enterprise.name, ...c.bids.map((b) => b.expert.employer)]);
      const reviewers = pool.filter((e) => e.userId && !taken.has(e.id) && !employers.has(e.employer)).slice(0, 2);
      for (const [i, r] of reviewers.entries()) {
        const row = await tx.challengeReviewer.upsert({
          where: { challengeId_expertId: { challengeId: c.id, expertId: r.id } },
          create: { challengeId: c.id, expertId: r.id, assignedById: province(c.provinceCode), createdAt: daysAgo(now, 40) },
          update: {},
        });
        for (const [j, b] of c.bids.entries()) {
          if (c.state === "CLOSED" && i === 1) continue; // the second reviewer of the closed one has not scored yet
          await tx.challengeBidScore.upsert({
            where: { bidId_reviewerId: { bidId: b.id, reviewerId: row.id } },
            create: { bidId: b.id, reviewerId: row.id, score: b.state === "SELECTED" ? 88 - i : 76 - j - i, comment: b.state === "SELECTED" ? "技术路线成熟，团队结构合理，指标可达。" : "方案可行，但中试条件和进度安排有待细化。" },
            update: {},
          });
        }
      }
    }

    // Milestones: done ones checked; on the running one, the next reported and waiting for the mid-term check.
    let waiting = c.state === "AWARDED";
    for (const m of c.milestones) {
      if (m.doneAt) {
        await tx.challengeMilestone.update({ where: { id: m.id }, data: { state: "PASSED", report: `${m.title}已完成，数据和记录齐全。`, checkComment: "中期检查通过。", checkedAt: m.doneAt, checkedById: province(c.provinceCode) } });
      } else if (waiting) {
        waiting = false;
        await tx.challengeMilestone.update({ where: { id: m.id }, data: { state: "REPORTED", report: "中试线已完成两批次试验，主要参数达到预期，附检测记录。", doneAt: daysAgo(now, 3) } });
      }
    }

    if (c.state === "COMPLETED") {
      const finished = c.milestones.at(-1)?.doneAt ?? daysAgo(now, 30);
      await tx.challenge.update({
        where: { id: c.id },
        data: { indicatorResults: indicators.map((indicator) => ({ indicator, met: true })), acceptancePassed: true, acceptanceNote: "经第三方检测和现场核验，各项技术指标均已达到。",
          acceptedById: province(c.provinceCode), acceptedAt: finished, confirmedAt: daysAgo(finished, -5), finishedAt: daysAgo(finished, -5), awardedAt: daysAgo(finished, 200) },
      });
    }
  }

  const chuanjiao = challenges.find((c) => c.enterprise.name === "四川川椒食品科技有限公司");
  if (!chuanjiao) return;
  await extra(tx, now, chuanjiao, "RETURNED", {
    key: "pepper-seed", title: "花椒良种无性繁育与嫁接技术",
    problem: "现有花椒苗以实生繁殖为主，品种退化、结果晚、产量不稳定；企业自建基地缺少良种无性繁育和嫁接技术。",
    indicators: ["嫁接成活率达到90%以上", "嫁接苗第三年挂果"], returnReason: "请补充榜单金额的资金来源和验收方式，技术指标请量化到可检测。",
  }, province("51"), enterpriseUser?.id ?? null);
  await extra(tx, now, chuanjiao, "ACCEPTANCE", {
    key: "pepper-oil-package", title: "花椒油小包装充氮保鲜工艺",
    problem: "小包装花椒油开封前氧化酸败快，货架期仅6个月，电商渠道退货率高。",
    indicators: ["货架期延长至12个月", "过氧化值不超过国家标准限值的50%"], returnReason: null,
  }, province("51"), enterpriseUser?.id ?? null, pool);
}

async function timeline(tx: Tx, c: { id: string; state: ChallengeState; createdAt: Date; publishedAt: Date | null }, now: Date, verifier: string) {
  const rows: { action: string; toState: ChallengeState; at: Date; actorId: string | null }[] = [{ action: "填写题目", toState: "DRAFT", at: c.createdAt, actorId: null }];
  if (c.state !== "DRAFT") rows.push({ action: "提交发榜", toState: "SUBMITTED", at: daysAgo(c.createdAt, -3), actorId: null });
  if (c.publishedAt) rows.push({ action: "审核通过并发榜", toState: "PUBLISHED", at: c.publishedAt, actorId: verifier });
  if (["CLOSED", "AWARDED", "COMPLETED"].includes(c.state)) rows.push({ action: "截止揭榜", toState: "CLOSED", at: daysAgo(now, 45), actorId: verifier });
  if (["AWARDED", "COMPLETED"].includes(c.state)) rows.push({ action: "挂帅（确定揭榜方）", toState: "AWARDED", at: daysAgo(now, 30), actorId: verifier });
  if (c.state === "COMPLETED") rows.push({ action: "企业确认：验收通过", toState: "COMPLETED", at: daysAgo(now, 10), actorId: null });
  await tx.challengeEvent.createMany({ data: rows.map((r, i) => ({ id: ids.of("challenge-event", `${c.id}-${i}`), challengeId: c.id, action: r.action, toState: r.toState, actorId: r.actorId, createdAt: r.at })), skipDuplicates: true });
}

type Extra = { key: string; title: string; problem: string; indicators: string[]; returnReason: string | null };

/** One more challenge of the same enterprise, in `state`. */
async function extra(tx: Tx, now: Date, like: { enterpriseId: string; provinceCode: string }, state: ChallengeState, e: Extra, verifier: string, enterpriseUser: string | null, pool: Pool = []) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: like.enterpriseId }, select: { regionCode: true } });
  const id = ids.of("challenge", e.key);
  const accepting = state === "ACCEPTANCE";
  await tx.challenge.upsert({
    where: { id },
    update: {},
    create: {
      id, enterpriseId: like.enterpriseId, regionCode: org.regionCode, provinceCode: like.provinceCode, title: e.title, problem: e.problem,
      requirements: "", indicators: e.indicators, ipTerms: IP_TERMS, disciplineCodes: ["55020"], rewardYuan: accepting ? 400_000 : 600_000,
      bidDeadline: accepting ? daysAgo(now, 200) : daysAgo(now, -60), state, returnReason: e.returnReason, submittedAt: daysAgo(now, accepting ? 260 : 12),
      publishedAt: accepting ? daysAgo(now, 250) : null, publishedById: accepting ? verifier : null, closedAt: accepting ? daysAgo(now, 200) : null,
      awardedAt: accepting ? daysAgo(now, 190) : null, createdAt: daysAgo(now, accepting ? 270 : 15),
      ...(accepting ? {
        indicatorResults: e.indicators.map((indicator) => ({ indicator, met: true })), acceptancePassed: true,
        acceptanceNote: "经第三方检测，货架期和过氧化值均达到指标要求。", acceptedById: verifier, acceptedAt: daysAgo(now, 2),
      } : {}),
    },
  });
  const events = accepting
    ? [["填写题目", "DRAFT", 270, enterpriseUser], ["提交发榜", "SUBMITTED", 260, enterpriseUser], ["审核通过并发榜", "PUBLISHED", 250, verifier],
      ["截止揭榜", "CLOSED", 200, verifier], ["挂帅（确定揭榜方）", "AWARDED", 190, verifier], ["出具验收结论", "ACCEPTANCE", 2, verifier]] as const
    : [["填写题目", "DRAFT", 15, enterpriseUser], ["提交发榜", "SUBMITTED", 12, enterpriseUser], ["退回修改", "RETURNED", 10, verifier]] as const;
  await tx.challengeEvent.createMany({
    data: events.map(([action, toState, days, actorId], i) => ({ id: ids.of("challenge-event", `${id}-${i}`), challengeId: id, action, toState, actorId,
      comment: toState === "RETURNED" ? e.returnReason : null, createdAt: daysAgo(now, days) })),
    skipDuplicates: true,
  });
  if (!accepting) return;
  const lead = pool.find((p) => p.userId && p.employer !== "浙江大学" && !p.talentCategories.includes("POSTDOC"));
  if (!lead) return;
  const bidId = ids.of("bid", `${e.key}-0`);
  await tx.challengeBid.upsert({
    where: { id: bidId }, update: {},
    create: { id: bidId, challengeId: id, expertId: lead.id, state: "SELECTED", team: `${lead.name}（负责人）`, proposal: "采用充氮置换与阻氧包材组合，配合天然抗氧化剂复配，降低氧化速率。",
      plan: "小试确定充氮工艺参数，中试验证货架期。", plannedMilestones: [{ title: "充氮工艺小试", dueOn: isoDay(daysAgo(now, 120)) }, { title: "货架期加速试验", dueOn: isoDay(daysAgo(now, 20)) }], createdAt: daysAgo(now, 230) },
  });
  await tx.challengeMilestone.createMany({
    data: [["充氮工艺小试", 120], ["货架期加速试验", 20]].map(([title, days], i) => ({
      id: ids.of("milestone", `${e.key}-${i}`), challengeId: id, title: title as string, dueOn: new Date(`${isoDay(daysAgo(now, days as number))}T00:00:00Z`),
      state: "PASSED" as const, report: `${title}已完成。`, doneAt: daysAgo(now, (days as number) + 2), checkComment: "中期检查通过。", checkedAt: daysAgo(now, days as number), checkedById: verifier,
    })),
    skipDuplicates: true,
  });
}
