import type { CommendationFigures } from "@/lib/commendations/schemas";

/** A nomination's service figures, as a definition list. */
export function FiguresView({ figures: f, year }: { figures: CommendationFigures; year: number }) {
  const rows: [string, string][] = [
    ["服务时长", `${f.hours} 小时，${f.days} 天`],
    ["服务记录", `${f.records} 条（均经服务单位确认）`],
    ["服务单位", `${f.units} 个`],
    ["服务对象", `服务 ${f.peopleServed} 人次，培训 ${f.peopleTrained} 人次`],
    ["示范活动", f.activities ? `${f.activities} 项` : "—"],
    ["服务评价", f.feedbackCount ? `${f.feedbackCount} 份，平均满意度 ${f.averageRating} 分` : "暂无"],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]" aria-label={`${year} 年服务数据`}>
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-600">{k}</dt>
          <dd className="text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
