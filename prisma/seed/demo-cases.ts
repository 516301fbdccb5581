import { figuresOf } from "@/lib/cases/figures";
import { sanitizeStory } from "@/lib/cases/sanitize";
import { AnnouncementState, type BaseField, CaseState, type ServiceForm } from "@/lib/generated/prisma/enums";
import { addDays, at, type DemoContext, ids } from "./demo-context";
import type { Admins } from "./demo-people";

// Typical cases written from the demo's activities (three published with their figures, one in review, one draft)
// and the portal's announcements. Figures come from the activity's engagements' confirmed service records, as the
// editor's "update figures" takes them (lib/cases/figures.ts).

type CaseSpec = {
  title: string; province: string; activity: string; state: CaseState; published: string | null; summary: string;
  field: BaseField; forms: ServiceForm[]; replicable: boolean;
};

const CASES: CaseSpec[] = [
  { title: "浙川携手“点餐式”服务 让蒲江猕猴桃溃疡病不再“谈虎色变”", province: "51", activity: "zj-sc-kiwi", state: CaseState.PUBLISHED, published: "2026-10-15",
    summary: "蒲江县猕猴桃专业合作社通过平台“点单”，浙江大学林晓峰教授团队“接单”，三年来累计开展现场指导26次，示范园溃疡病发病率由18%降至3%以下。",
    field: "AGRICULTURE", forms: ["TECH_GUIDANCE", "DEMONSTRATION_TEACHING"], replicable: true },
  { title: "海外赤子走进定西：脱毒种薯让马铃薯单产提高两成", province: "62", activity: "gs-potato", state: CaseState.PUBLISHED, published: "2026-10-28",
    summary: "留学回国专家带来高效脱毒快繁技术，帮助安定区建成种薯繁育体系，示范区单产提高21%。",
    field: "AGRICULTURE", forms: ["TECH_PROMOTION", "RESULT_TRANSFER"], replicable: true },
  { title: "秭归脐橙：一次示范活动带出一支本土技术队伍", province: "42", activity: "hb-zigui", state: CaseState.PUBLISHED, published: "2026-01-20",
    summary: "专家与本土农技人员师徒结对，培养“土专家”32名，成为脐橙产业持续发展的骨干力量。",
    field: "AGRICULTURE", forms: ["MENTORSHIP", "JOINT_TRAINING"], replicable: false },
  { title: "闽宁协作专家团助力盐池滩羊提质增效", province: "64", activity: "nx-tansheep", state: CaseState.SUBMITTED, published: null,
    summary: "福建、宁夏专家联合开展滩羊选育和精深加工技术服务，带动养殖户户均增收4000元。",
    field: "AGRICULTURE", forms: ["TECH_GUIDANCE", "JOINT_RESEARCH"], replicable: true },
  { title: "淳安县山核桃低产林改造专家服务纪实", province: "33", activity: "zj-chunan", state: CaseState.DRAFT, published: null,
    summary: "专家服务团队深入淳安山区，推广山核桃林地生草和病虫害绿色防控技术。",
    field: "ECOLOGY", forms: ["TECH_PROMOTION"], replicable: false },
];

const story = (summary: string) => sanitizeStory(
  `<p>${summary}</p>` +
  "<h3>一、需求从基层来</h3><p>活动坚持“点餐式”服务，由基层单位在平台上提出需求，省级人社部门审核后发布，专家根据自身专长“接单”，避免了“专家想讲的、群众不想听”的问题。</p>" +
  "<h3>二、服务在一线干</h3><p>专家团队把课堂搬到田间地头和生产车间，<strong>示范带教与跟踪指导相结合</strong>，服务记录由服务单位确认，服务时长和成效可查可核。</p>" +
  "<h3>三、成效靠机制留</h3><ul><li>师徒结对，培养本土技术骨干；</li><li>联合培养，建立长期合作关系；</li><li>依托专家服务基地，持续开展服务。</li></ul>" +
  "<blockquote>专家走了，技术和人才留了下来。</blockquote>",
);

export function buildCases(ctx: DemoContext, admins: Admins): void {
  const rows = ctx.rows;
  CASES.forEach((c, i) => {
    const activityId = ids.of("activity", c.activity);
    const activity = rows.activities.find((a) => a.id === activityId);
    const engagements = rows.engagements.filter((e) => e.activityId === activityId);
    const records = rows.serviceRecords.flatMap((r) => {
      const e = engagements.find((x) => x.id === r.engagementId);
      return e && r.state === "CONFIRMED"
        ? [{ startDate: new Date(r.startDate), endDate: new Date(r.endDate), hours: Number(r.hours), peopleServed: r.peopleServed ?? 0, peopleTrained: r.peopleTrained ?? 0, engagementId: e.id as string, expertId: e.expertId }]
        : [];
    });
    const author = admins.provinceAdmin.get(c.province) as string;
    const published = c.published ? at(c.published) : null;
    const created = published ? addDays(published, -12) : at("2026-11-10T10:00:00+08:00");
    const id = ids.of("case", i);
    rows.cases.push({
      id, title: c.title, summary: c.summary, body: story(c.summary), provinceCode: c.province, regionCode: activity?.regionCode ?? null,
      activityId, sourceKind: "ACTIVITY", sourceId: activityId, state: c.state, authorId: author,
      field: c.field, forms: c.forms, replicable: c.replicable, figures: figuresOf(records), figuresAt: created,
      submittedAt: c.state === CaseState.DRAFT ? null : addDays(created, 5),
      reviewedById: published ? admins.ministryUserId : null, reviewedAt: published, publishedAt: published,
      createdAt: created, updatedAt: published ?? created,
    });
    const events: [string, CaseState, Date, string | null][] = [["依据示范活动撰写案例", CaseState.DRAFT, created, author]];
    if (c.state !== CaseState.DRAFT) events.push(["送审", CaseState.SUBMITTED, addDays(created, 5), author]);
    if (published) events.push(["审核通过并发布", CaseState.PUBLISHED, published, admins.ministryUserId]);
    events.forEach(([action, toState, when, actorId], k) => rows.caseEvents.push({
      id: ids.of("case-event", `${i}-${k}`), caseId: id, action, toState, fromState: k ? events[k - 1][1] : null, actorId, createdAt: when,
    }));
  });
}

export function buildAnnouncements(ctx: DemoContext, admins: Admins): void {
  const list: [string, string, AnnouncementState, boolean, string | null][] = [
    ["关于开展2027年度专家人才服务基层示范活动申报工作的通知", "各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局），国务院有关部门人事部门：\n为深入落实人社厅发〔2025〕2号文件精神，现启动2027年度示范活动申报工作。请各地组织基层单位通过本平台提出需求、填报申报书，并于规定时间内完成推荐。\n联系人及电话见附件。",
      AnnouncementState.PUBLISHED, true, "2026-11-12T09:00:00+08:00"],
    ["2026年度专家服务基层示范活动入选名单公示", "经各地推荐、专家评审和遴选会审定，现将2026年度示范活动入选名单予以公示，公示期5个工作日。对公示名单有异议的，请以书面形式反映。",
      AnnouncementState.PUBLISHED, false, "2026-06-20T09:00:00+08:00"],
    ["典型案例征集：讲好专家服务基层故事", "欢迎各地依托平台已确认的服务记录，总结提炼可复制、可推广的经验做法，形成典型案例报送。",
      AnnouncementState.PUBLISHED, false, "2026-09-01T09:00:00+08:00"],
    ["平台系统维护通知（草稿）", "平台将于周末进行例行维护，届时暂停服务。", AnnouncementState.DRAFT, false, null],
  ];
  list.forEach(([title, body, state, pinned, when], i) => ctx.rows.announcements.push({
    id: ids.of("announcement", i), title, body, state, pinned, publishedAt: when ? at(when) : null, createdById: admins.ministryUserId,
    createdAt: when ? at(when) : at("2026-11-18T09:00:00+08:00"),
  }));
}
