import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { CaseList } from "@/components/portal/case-list";
import { PlanList } from "@/components/portal/plan-list";
import { PortalIntro } from "@/components/portal/intro";
import { latestCases, openPlans, portalFigures } from "@/lib/portal/queries";

export const metadata: Metadata = { title: { absolute: "专家人才服务基层平台" } };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mx-auto max-w-6xl px-4 py-8">
      <h2 id={id} className="mb-4 text-xl font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

// Public, no sign-in: aggregates and published material only (see lib/portal/queries.ts).
export default async function PortalPage() {
  await connection(); // live figures: render per request, never at build time
  const [figures, plans, cases] = await Promise.all([portalFigures(), openPlans(), latestCases()]);
  return (
    <>
      <PortalIntro />
      <Section id="figures-heading" title="平台数据">
        <StatGrid>
          <StatTile label="专家库专家" value={figures.experts} unit="人" />
          <StatTile label="正在服务的需求" value={figures.needsServing} unit="项" />
          <StatTile label="已完成服务的需求" value={figures.needsCompleted} unit="项" />
          <StatTile label="已设立专家服务基地" value={figures.bases} unit="个" />
          <StatTile label="已发布典型案例" value={figures.cases} unit="篇" />
        </StatGrid>
      </Section>
      <Section id="menu-heading" title="服务菜单（点餐式服务）">
        <p className="text-sm text-slate-600">
          技术指导、科技推广、联合攻关、人才培养等服务形式的菜单项，基层单位按需“点餐”。
          <Link href="/services" className="ml-1 font-medium text-brand-700 underline">查看服务菜单</Link>
        </p>
      </Section>
      <Section id="plans-heading" title="年度主题（接受申报）">
        <PlanList plans={plans} />
      </Section>
      <Section id="cases-heading" title="典型案例">
        <CaseList cases={cases} />
      </Section>
    </>
  );
}
