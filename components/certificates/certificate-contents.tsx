import type { CertificateContents } from "@/lib/certificates/contents";
import { SERVICE_FORM_LABEL } from "@/lib/labels";

/** What a certificate states, as a definition list (its detail page, the public verification page, the preview). */
export function CertificateContentsView({ contents: c }: { contents: CertificateContents }) {
  const t = c.totals;
  const rows: [string, string][] = [
    ["专家", `${c.expert.name}（${c.expert.employer}，${c.expert.title}，${c.expert.province}）`],
    ["服务期间", `${c.period.from} 至 ${c.period.to}`],
    ["服务时长", `${t.hours} 小时，${t.days} 天（${t.records} 条经服务单位确认的服务记录）`],
    ["服务单位", `${t.units} 个：${c.units.join("、")}`],
    ["服务形式", c.forms.map((f) => `${SERVICE_FORM_LABEL[f.form]} ${f.hours} 小时`).join("；")],
    ["服务对象", `服务 ${t.peopleServed} 人次，培训 ${t.peopleTrained} 人次`],
    ["示范活动", c.activities.length ? c.activities.join("；") : "—"],
    ["服务评价", c.feedback.count
      ? `服务单位评价 ${c.feedback.count} 份，平均满意度 ${c.feedback.average} 分；问题得到解决 ${c.feedback.solved} 份，愿意再次邀请 ${c.feedback.inviteAgain} 份`
      : "暂无服务单位评价"],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-600">{k}</dt>
            <dd className="text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      {c.services.length > 0 && (
        <div>
          <h3 className="text-sm font-medium text-slate-700">服务项目</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {c.services.map((s, i) => (
              <li key={i}>{s.needTitle}（{s.unitName}{s.activityTitle ? `，示范活动：${s.activityTitle}` : ""}）：{s.hours} 小时，{s.days} 天</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
